import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { BedrockClient, GetFoundationModelCommand, ListCustomModelsCommand } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { HeadBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListCollectionsCommand } from '@aws-sdk/client-opensearchserverless';
import type { RetryStrategyV2, RetryToken } from '@smithy/types';
import { startEmulator } from '..';
import { FaultInjector } from '../faults';
import { credentials, rejection, setUp, type Harness } from './harness';

/**
 * The SDK's retry middleware with a short fixed delay: the SDK classifies each failure (throttling, transient
 * network error, server error) exactly as it would in production, without its production backoff times.
 */
function fastRetry(maxAttempts: number): RetryStrategyV2 {
  const token = (n: number): RetryToken => ({ getRetryCount: () => n, getRetryDelay: () => 5 });
  return {
    acquireInitialRetryToken: async () => token(0),
    refreshRetryTokenForRetry: async (t, info) => {
      if (t.getRetryCount() + 1 >= maxAttempts || info.errorType === 'CLIENT_ERROR') throw new Error('no retry');
      return token(t.getRetryCount() + 1);
    },
    recordSuccess: () => undefined,
  };
}

describe('emulator fault injection', () => {
  let h: Harness;
  before(async () => { h = await setUp(); });
  after(async () => { await h.tearDown(); });
  beforeEach(async () => { await h.admin('POST', '/reset', { keepS3: true }); });

  it('throttles each service in its own way', async () => {
    await h.admin('POST', '/faults', { throttleRate: 1 });
    const bedrock = await rejection(() => h.bedrock.send(new ListCustomModelsCommand({})));
    assert.equal(bedrock.name, 'ThrottlingException');
    assert.equal(bedrock.$metadata?.httpStatusCode, 429);
    const runtime = await rejection(() => h.runtime.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-image-v1', body: '{"inputText":"x"}', contentType: 'application/json' })));
    assert.equal(runtime.name, 'ThrottlingException');
    const s3 = await rejection(() => h.s3.send(new ListBucketsCommand({})));
    assert.equal(s3.name, 'SlowDown');
    assert.equal(s3.$metadata?.httpStatusCode, 503);
    const aoss = await rejection(() => h.aoss.send(new ListCollectionsCommand({})));
    assert.equal(aoss.name, 'ThrottlingException');
  });

  it('sets faults per service, answers 500s, and reports expired credentials', async () => {
    await h.admin('POST', '/faults', { service: 'bedrock', errorRate: 1 });
    assert.equal((await rejection(() => h.bedrock.send(new ListCustomModelsCommand({})))).name, 'InternalServerException');
    await h.s3.send(new ListBucketsCommand({})); // other services are untouched
    await h.admin('POST', '/faults', { service: 'bedrock', errorRate: 0, expiredCredentials: true });
    const expired = await rejection(() => h.bedrock.send(new ListCustomModelsCommand({})));
    assert.equal(expired.name, 'ExpiredTokenException');
    assert.equal(expired.$metadata?.httpStatusCode, 403);
    await h.admin('POST', '/faults', { service: 's3', expiredCredentials: true });
    assert.equal((await rejection(() => h.s3.send(new HeadBucketCommand({ Bucket: 'bedrock-mm-demo' })))).$metadata?.httpStatusCode, 400);
  });

  it('drops connections and adds latency; the request log records what it did', async () => {
    await h.admin('POST', '/faults', { service: 'bedrock', dropRate: 1 });
    const dropped = await rejection(() => h.bedrock.send(new ListCustomModelsCommand({})));
    assert.match(`${dropped.name} ${dropped.message}`, /socket hang up|ECONNRESET|TimeoutError/i);
    await h.admin('POST', '/faults', { service: 'bedrock', dropRate: 0, latencyMs: 150 });
    const started = Date.now();
    await h.bedrock.send(new ListCustomModelsCommand({}));
    assert.ok(Date.now() - started >= 140);
    const log = (await h.admin('GET', '/requests?service=bedrock'))['requests'] as { fault?: string; status: number }[];
    assert.deepEqual(log.map((r) => r.fault ?? r.status), ['drop', 200]);
    assert.deepEqual(log.map((r) => (r as { operation?: string }).operation), ['ListCustomModels', 'ListCustomModels']);
    const first = (log[0] as { seq?: number }).seq ?? 0;
    const later = (await h.admin('GET', `/requests?service=bedrock&since=${first}`))['requests'] as unknown[];
    assert.equal(later.length, 1);
  });

  it('denies access with AWS wording: missing identity permission, or an explicit SCP deny', async () => {
    await h.admin('POST', '/faults', { service: 'bedrock', accessDenied: 'identity' });
    const denied = await rejection(() => h.bedrock.send(new ListCustomModelsCommand({})));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.equal(denied.$metadata?.httpStatusCode, 403);
    assert.match(denied.message, /not authorized to perform: bedrock:ListCustomModels because no identity-based policy allows/);
    await h.admin('POST', '/faults', { service: 'bedrock', accessDenied: 'scp' });
    assert.match((await rejection(() => h.bedrock.send(new ListCustomModelsCommand({})))).message, /explicit deny in a service control policy/);
    await h.admin('POST', '/faults', { service: 's3', accessDenied: 'identity' });
    const s3 = await rejection(() => h.s3.send(new ListBucketsCommand({})));
    assert.equal(s3.name, 'AccessDenied');
    assert.match(s3.message, /s3:ListAllMyBuckets/);
    await h.admin('POST', '/faults', { service: 'opensearchServerless', accessDenied: 'identity' });
    assert.match((await rejection(() => h.aoss.send(new ListCollectionsCommand({})))).message, /aoss:ListCollections/);
  });

  it('refuses invalid fault settings with 400', async () => {
    await assert.rejects(h.admin('POST', '/faults', { throttleRate: 2 }), /throttleRate must be a number from 0 to 1/);
    await assert.rejects(h.admin('POST', '/faults', { service: 'nope', errorRate: 0.1 }), /service must be one of/);
  });

  it('loses no call under 20% throttling and 5% dropped connections when the client retries', async () => {
    await h.admin('POST', '/faults', { service: 'bedrock', throttleRate: 0.2, dropRate: 0.05 });
    const client = new BedrockClient({ region: 'us-east-1', credentials, endpoint: h.emulator.endpoints.bedrock, retryStrategy: fastRetry(10) });
    try {
      let ok = 0;
      for (let i = 0; i < 200; i++) {
        const r = await client.send(new GetFoundationModelCommand({ modelIdentifier: 'amazon.titan-embed-image-v1' }));
        if (r.modelDetails?.modelId === 'amazon.titan-embed-image-v1') ok++;
      }
      assert.equal(ok, 200);
      const log = (await h.admin('GET', '/requests?service=bedrock'))['requests'] as { fault?: string }[];
      assert.ok(log.some((r) => r.fault === 'throttle') && log.some((r) => r.fault === 'drop'), 'faults were injected');
    } finally {
      client.destroy();
    }
  });
});

describe('emulator fault injection over HTTP/2 (bedrock-runtime)', () => {
  let h: Harness;
  before(async () => { h = await setUp(); });
  after(async () => { await h.tearDown(); });

  it('loses no InvokeModel call under throttling and reset streams when the client retries', async () => {
    await h.admin('POST', '/faults', { service: 'bedrockRuntime', throttleRate: 0.2, dropRate: 0.1 });
    const client = new BedrockRuntimeClient({ region: 'us-east-1', credentials, endpoint: h.emulator.endpoints.bedrockRuntime, retryStrategy: fastRetry(10) });
    try {
      for (let i = 0; i < 60; i++) {
        const r = await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-image-v1', contentType: 'application/json', body: JSON.stringify({ inputText: `call ${i}`, embeddingConfig: { outputEmbeddingLength: 256 } }) }));
        assert.equal((JSON.parse(new TextDecoder().decode(r.body)) as { embedding: number[] }).embedding.length, 256);
      }
      const log = (await h.admin('GET', '/requests?service=bedrockRuntime'))['requests'] as { fault?: string }[];
      assert.ok(log.some((r) => r.fault === 'drop') && log.some((r) => r.fault === 'throttle'), 'faults were injected');
    } finally {
      client.destroy();
    }
  });
});

describe('fault decisions are deterministic for a seed', () => {
  it('draws the same sequence for the same seed and a different one for another', () => {
    const draw = (seed: number): string[] => {
      const f = new FaultInjector(seed, { throttleRate: 0.3, errorRate: 0.1, dropRate: 0.1 });
      return Array.from({ length: 50 }, () => f.decide('bedrock'));
    };
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
  });

  it('applies faults given as start options', async () => {
    const emulator = await startEmulator({ faults: { throttleRate: 1 } });
    const client = new BedrockClient({ region: 'us-east-1', credentials, endpoint: emulator.endpoints.bedrock, maxAttempts: 1 });
    try {
      assert.equal((await rejection(() => client.send(new ListCustomModelsCommand({})))).name, 'ThrottlingException');
    } finally {
      client.destroy();
      await emulator.stop();
    }
  });
});
