// Shared set-up for the emulator's own tests: a started emulator and the real AWS SDK clients pointed at it.
import { BedrockClient, type CreateModelCustomizationJobCommandInput } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { OpenSearchServerlessClient } from '@aws-sdk/client-opensearchserverless';
import { S3Client } from '@aws-sdk/client-s3';
import { startEmulator, type EmulatorOptions } from '..';

export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const common = { region: 'us-east-1', credentials, maxAttempts: 1 };

export async function setUp(options: Partial<EmulatorOptions> = {}) {
  // A manual clock: states change only when a test advances time, whatever the machine's load.
  const emulator = await startEmulator({ jobDurationMs: 10_000, minTrainingRecords: 10, manualClock: true, ...options });
  const e = emulator.endpoints;
  const clients = {
    bedrock: new BedrockClient({ ...common, endpoint: e.bedrock }),
    runtime: new BedrockRuntimeClient({ ...common, endpoint: e.bedrockRuntime }),
    s3: new S3Client({ ...common, endpoint: e.s3, forcePathStyle: true }),
    aoss: new OpenSearchServerlessClient({ ...common, endpoint: e.opensearchServerless }),
  };
  return {
    emulator,
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

