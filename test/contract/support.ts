// Shared by the contract tests: one emulator per test file (started in-process), its admin API, and sessions
// built exactly as the extension builds them, through the real AWS SDK, with dummy static credentials.
import { after, before, beforeEach } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseS3Uri } from '../../src/core/awsRules/s3Uri';
import { startEmulator, type EmulatorOptions } from '../../emulator';
import { AwsUserError, createAwsSession, type AwsSession, type AwsSessionOptions } from '../../src/aws/index';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export interface LoggedRequest {
  service: string;
  method: string;
  path: string;
  query: Record<string, string>;
  target: string | undefined;
  body: unknown;
  status: number;
  fault: string | undefined;
}

/** Fast simulated durations so state transitions happen after a clock advance, never after a sleep. */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ jobDurationMs: 60_000, throughputDurationMs: 60_000, collectionDurationMs: 60_000, visibilityDelayMs: 1_000, ...options });
}

export function sessionFor(emulator: Emulator, options: Partial<AwsSessionOptions> = {}): AwsSession {
  const e = emulator.endpoints;
  return createAwsSession({
    profile: undefined,
    region: 'us-east-1',
    endpoints: { bedrock: e.bedrock, bedrockRuntime: e.bedrockRuntime, s3: e.s3, opensearchServerless: e.opensearchServerless, iam: e.iam, sts: e.sts },
    credentials: async () => ({ accessKeyId: 'AKIAEMULATOREXAMPLE1', secretAccessKey: 'emulator-secret-key-not-real' }),
    ...options,
  });
}

export class Admin {
  constructor(private readonly url: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`admin ${method} ${path} -> ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  reset(): Promise<unknown> { return this.call('POST', '/reset'); }
  faults(patch: Record<string, unknown>): Promise<unknown> { return this.call('POST', '/faults', patch); }
  advance(ms: number): Promise<unknown> { return this.call('POST', '/clock', { advanceMs: ms }); }
  seed<T = { jobArns: string[]; modelArns: string[]; provisionedModelArns: string[]; collectionIds?: string[] }>(body: Record<string, unknown>): Promise<T> {
    return this.call('POST', '/seed', body);
  }
  async requests(service: string): Promise<LoggedRequest[]> {
    return (await this.call<{ requests: LoggedRequest[] }>('GET', `/requests?service=${service}`)).requests;
  }
  clearRequests(): Promise<unknown> { return this.call('DELETE', '/requests'); }
}

/** Runs `fn` and returns the AwsUserError it throws (fails the test when it does not throw one). */
export async function rejection(fn: () => Promise<unknown>): Promise<AwsUserError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AwsUserError) return err;
    throw new Error(`expected an AwsUserError, got ${String(err)}`);
  }
  throw new Error('expected the call to fail');
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/BedrockCustomizationRole';
export const BASE_MODEL = 'amazon.titan-embed-image-v1:0';

export interface EmulatorFixture {
  readonly emulator: Emulator;
  readonly admin: Admin;
  /** A session with the product's defaults against the emulator. */
  readonly aws: AwsSession;
}

/**
 * Registers the hooks of a contract test file: one emulator and session for the file, and (with
 * `resetEach`) a clean emulator state before each test; `setup` runs once the emulator is up. The fields are
 * valid inside tests.
 */
export function useEmulator(options: { resetEach?: boolean; setup?: (fixture: EmulatorFixture) => Promise<void> } = {}): EmulatorFixture {
  const fixture = {} as { emulator: Emulator; admin: Admin; aws: AwsSession };
  before(async () => {
    fixture.emulator = await startTestEmulator();
    fixture.admin = new Admin(fixture.emulator.endpoints.admin);
    fixture.aws = sessionFor(fixture.emulator);
    await options.setup?.(fixture);
  });
  after(async () => {
    fixture.aws.dispose();
    await fixture.emulator.stop();
  });
  if (options.resetEach) beforeEach(() => fixture.admin.reset());
  return fixture;
}

/** A real image of the emulator's sample dataset (the first training line's), read back through the S3 wrapper, as base64. */
export async function sampleImageBase64({ emulator, aws }: EmulatorFixture): Promise<string> {
  const dataset = await emulator.uploadSampleData({ imagesPerClass: 1 });
  const manifest = parseS3Uri(dataset.training);
  assert.ok(manifest);
  const firstLine = (await aws.s3.getObjectText(manifest.bucket, manifest.key)).split('\n')[0] ?? '';
  const image = parseS3Uri((JSON.parse(firstLine) as { 'image-ref': string })['image-ref']);
  assert.ok(image);
  return Buffer.from(await aws.s3.getObject(image.bucket, image.key)).toString('base64');
}
