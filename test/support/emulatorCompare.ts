// Helpers for comparison tests against the in-process emulator: a fine-tuned model trained by a real (emulated)
// customization job and served by a provisioned throughput, and a spec file over the sample dataset.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAwsSession, type AwsSession } from '../../src/aws';
import { embeddingRuntime } from '../../src/aws/compare/embeddingRuntime';
import type { CompareOptions } from '../../src/aws/compare/runCompare';
import type { RunningEmulator } from '../../emulator';

export const BASE_MODEL = 'amazon.titan-embed-image-v1';
/** The service role batch tests name (the emulator does not check it). */
export const BATCH_ROLE = 'arn:aws:iam::123456789012:role/BedrockBatchRole';

/** The pipeline's waits move the emulator's simulated clock: no test time passes, a batch job still walks its statuses. */
export function simulatedClock(emu: { endpoints: { admin: string } }): NonNullable<CompareOptions['clock']> {
  return { now: () => Date.now(), sleep: async (ms, signal) => { signal?.throwIfAborted(); await admin(emu, '/clock', { advanceMs: ms }); } };
}

export function emulatorSession(emu: Pick<RunningEmulator, 'endpoints'>, maxAttempts = 8): AwsSession {
  const e = emu.endpoints;
  return createAwsSession({
    region: 'us-east-1',
    endpoints: { bedrock: e.bedrock, bedrockRuntime: e.bedrockRuntime, s3: e.s3, opensearchServerless: e.opensearchServerless },
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts,
  });
}

/** The comparison's embedding runtime (standard retry) pointed at the emulator. */
export function emulatorRuntime(emu: RunningEmulator): ReturnType<typeof embeddingRuntime> {
  return embeddingRuntime({ region: 'us-east-1', endpoint: emu.endpoints.bedrockRuntime, credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }), maxAttempts: 4 });
}

export async function admin(emu: { endpoints: { admin: string } }, path: string, body: unknown): Promise<unknown> {
  const r = await fetch(`${emu.endpoints.admin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`admin ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

export async function requestCount(emu: { endpoints: { admin: string } }, service: string, pathPart: string): Promise<number> {
  const r = (await (await fetch(`${emu.endpoints.admin}/requests?service=${service}`)).json()) as { requests: { path?: string; url?: string }[] };
  return r.requests.filter((q) => (q.path ?? q.url ?? '').includes(pathPart)).length;
}

/**
 * Runs a customization job on the training manifest, then provisions it: returns the provisioned model ARN. `name`
 * prefixes the job, model and throughput names (tests sharing one emulator each use their own).
 */
export async function trainedModel(emu: RunningEmulator, session: AwsSession, data: { bucket: string; training: string; validation: string }, name = 'eval-test'): Promise<string> {
  const { jobArn } = await session.bedrock.createJob({
    jobName: `${name}-job`,
    customModelName: `${name}-model`,
    roleArn: 'arn:aws:iam::123456789012:role/BedrockCustomizationRole',
    baseModelIdentifier: 'amazon.titan-embed-image-v1:0',
    customizationType: 'FINE_TUNING',
    hyperParameters: { epochCount: '1', batchSize: '256', learningRate: '0.00001' },
    trainingDataConfig: { s3Uri: data.training },
    validationDataConfig: { validators: [{ s3Uri: data.validation }] },
    outputDataConfig: { s3Uri: `s3://${data.bucket}/output/` },
  });
  await admin(emu, '/clock', { advanceMs: 24 * 3600_000 });
  const job = await session.bedrock.getJob(jobArn);
  if (job.status !== 'Completed' || !job.outputModelArn) throw new Error(`emulated job ended ${job.status}: ${job.failureMessage}`);
  const { provisionedModelArn } = await session.bedrock.createProvisionedThroughput({ provisionedModelName: `${name}-pt`, modelId: job.outputModelArn, modelUnits: 1 });
  await admin(emu, '/clock', { advanceMs: 3600_000 });
  const pt = await session.bedrock.getProvisionedThroughput(provisionedModelArn);
  if (pt.status !== 'InService') throw new Error(`emulated provisioned throughput is ${pt.status}`);
  return provisionedModelArn;
}

/** The custom model (not its throughput) trainedModel made: what batch inference takes. */
export async function trainedCustomModel(emu: RunningEmulator, session: AwsSession, data: { bucket: string; training: string; validation: string }, name?: string): Promise<string> {
  return (await session.bedrock.getProvisionedThroughput(await trainedModel(emu, session, data, name))).modelArn ?? '';
}

/** A compare spec over the sample ASL dataset: base (the baseline) against `tunedName`; `extra` adds or replaces keys. */
export function aslSpec(data: { training: string; test: string }, tuned: string, tunedName: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    testSet: { manifest: data.test },
    trainingManifest: data.training,
    labelRegex: 'The letter (\\w) in sign language',
    queries: { template: 'The letter {label} in sign language' },
    models: [{ name: 'base', modelId: BASE_MODEL, baseline: true }, { name: tunedName, modelId: tuned }],
    embeddingLength: 384,
    ...extra,
  };
}

export function writeSpec(dir: string, spec: Record<string, unknown>, name = 'asl.compare.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(spec, null, 2));
  return path;
}
