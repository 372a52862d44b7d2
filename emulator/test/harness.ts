// Shared set-up for the emulator's own tests: a started emulator and the real AWS SDK clients pointed at it.
import assert from 'node:assert/strict';
import {
  BedrockClient, CreateModelCustomizationJobCommand, CreateProvisionedModelThroughputCommand, GetModelCustomizationJobCommand,
  GetProvisionedModelThroughputCommand, type CreateModelCustomizationJobCommandInput,
} from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { OpenSearchServerlessClient } from '@aws-sdk/client-opensearchserverless';
import { S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_OPTIONS, generateDataset, startEmulator, type EmulatorOptions } from '..';

export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const common = { region: 'us-east-1', credentials, maxAttempts: 1 };

export async function setUp(options: Partial<EmulatorOptions> = {}) {
  // A manual clock: states change only when a test advances time, whatever the machine's load.
  const opts: EmulatorOptions = { ...DEFAULT_OPTIONS, jobDurationMs: 10_000, minTrainingRecords: 10, manualClock: true, ...options };
  const emulator = await startEmulator(opts);
  const e = emulator.endpoints;
  const clients = {
    bedrock: new BedrockClient({ ...common, endpoint: e.bedrock }),
    runtime: new BedrockRuntimeClient({ ...common, endpoint: e.bedrockRuntime }),
    s3: new S3Client({ ...common, endpoint: e.s3, forcePathStyle: true }),
    aoss: new OpenSearchServerlessClient({ ...common, endpoint: e.opensearchServerless }),
  };
  return {
    emulator,
    /** The options the emulator runs with (durations to advance the manual clock by). */
    options: opts,
    ...clients,
    async admin(method: string, path: string, body?: object): Promise<Record<string, unknown>> {
      const res = await fetch(`${e.admin}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    async tearDown() {
      for (const c of Object.values(clients)) c.destroy();
      await emulator.stop();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof setUp>>;

/** Runs `fn` and returns the error it throws (fails when it does not throw). */
export async function rejection(fn: () => Promise<unknown>): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await fn();
  } catch (err) {
    return err as Error & { name: string };
  }
  throw new Error('expected the call to fail');
}

const ROLE = 'arn:aws:iam::123456789012:role/BedrockCustomizationRole';

/** A valid TMME job request over the sample dataset; `over` replaces fields. */
export function jobInput(name: string, over: Partial<CreateModelCustomizationJobCommandInput> = {}): CreateModelCustomizationJobCommandInput {
  return {
    jobName: name,
    customModelName: `${name}-model`,
    roleArn: ROLE,
    baseModelIdentifier: 'amazon.titan-embed-image-v1:0',
    hyperParameters: { epochCount: 'auto', batchSize: '256', learningRate: '0.00001' },
    trainingDataConfig: { s3Uri: 's3://bedrock-mm-demo/manifests/training.jsonl' },
    validationDataConfig: { validators: [{ s3Uri: 's3://bedrock-mm-demo/manifests/validation.jsonl' }] },
    outputDataConfig: { s3Uri: 's3://bedrock-mm-demo/output/' },
    ...over,
  };
}


export interface TrainedSampleModel {
  /** The InService provisioned throughput serving the fine-tuned model. */
  provisionedModelArn: string;
  /** The sample set's test images, in the order the dataset generates them. */
  test: { label: string; base64: string }[];
  /** Each class once, in the test images' order. */
  letters: string[];
  uploaded: Awaited<ReturnType<Harness['emulator']['uploadSampleData']>>;
}

/** The sample set (5 images per class, 2 of them test) uploaded, a TMME model fine-tuned on it and a provisioned
 * throughput for that model, each advanced to its end state on the manual clock: the set-up every comparison of the
 * base and the fine-tuned model starts from. */
export async function trainedSampleModel(h: Harness, name: string): Promise<TrainedSampleModel> {
  const dataset = { imagesPerClass: 5, testPerClass: 2 };
  const uploaded = await h.emulator.uploadSampleData(dataset);
  const { jobArn } = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput(name)));
  await h.admin('POST', '/clock', { advanceMs: h.options.jobDurationMs });
  const job = await h.bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
  assert.equal(job.status, 'Completed', job.failureMessage);
  const { provisionedModelArn } = await h.bedrock.send(new CreateProvisionedModelThroughputCommand({ modelId: job.outputModelArn, modelUnits: 1, provisionedModelName: `${name}-pt` }));
  await h.admin('POST', '/clock', { advanceMs: h.options.throughputDurationMs });
  const pt = await h.bedrock.send(new GetProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn }));
  assert.equal(pt.status, 'InService', pt.failureMessage);
  const test = [...generateDataset(dataset)].filter((i) => i.split === 'test').map((i) => ({ label: i.label, base64: i.bytes.toString('base64') }));
  assert.equal(test.length, uploaded.counts.test);
  return { provisionedModelArn: provisionedModelArn ?? '', test, letters: [...new Set(test.map((t) => t.label))], uploaded };
}
