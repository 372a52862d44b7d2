import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embedAll, type EmbedItem } from '../../../src/core/eval/embedAll';
import { EmbeddingCache, imageKey, textKey } from '../../../src/core/eval/embeddingCache';
import { Pacer, type Clock } from '../../../src/core/eval/pacer';

const vec = (x: number): Float32Array => Float32Array.from([x, x + 1, x + 2]);

function withDir(fn: (dir: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmc-cache-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('embedding cache: survives reopening, ignores duplicate puts, keys by model and length', withDir((dir) => {
  const a = new EmbeddingCache(dir, 'amazon.titan-embed-image-v1', 3);
  a.put(imageKey('"abc"'), vec(1));
  a.put(imageKey('abc'), vec(9)); // same ETag without quotes: same key, ignored
  a.put(textKey('hello'), vec(2));
  const b = new EmbeddingCache(dir, 'amazon.titan-embed-image-v1', 3);
  assert.equal(b.size, 2);
  assert.deepEqual(Array.from(b.get('etag:abc') ?? []), [1, 2, 3]);
  assert.equal(new EmbeddingCache(dir, 'amazon.titan-embed-image-v1', 4).size, 0, 'another length is another shard');
  assert.equal(readFileSync(a.path, 'utf8').trim().split('\n').length, 2);
}));

test('embedding cache: a line cut short by a crash is dropped and cut off, later appends stay valid', withDir((dir) => {
  const a = new EmbeddingCache(dir, 'm', 3);
  a.put('text:1', vec(1));
  appendFileSync(a.path, '{"k":"text:2","v":[2,3');
  const b = new EmbeddingCache(dir, 'm', 3);
  assert.equal(b.size, 1);
  b.put('text:2', vec(2));
  const c = new EmbeddingCache(dir, 'm', 3);
  assert.equal(c.size, 2);
  assert.equal(readdirSync(dir).length, 1);
}));

/** A clock that advances only when someone sleeps: pacing is checked without waiting. */
function virtualClock(): Clock & { t: number } {
  const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += ms) };
  return c;
}

test('pacer: start times are spaced 60000/rpm apart; throttling halves the rate, successes restore it', async () => {
  const clock = virtualClock();
  const p = new Pacer(600, clock);
  for (let i = 0; i < 5; i++) await p.take();
  assert.equal(clock.t, 400); // 5 starts at 0, 100, 200, 300, 400 ms
  p.throttled();
  assert.equal(p.currentRpm, 300);
  for (let i = 0; i < 100; i++) p.succeeded();
  assert.equal(p.currentRpm, 600);
  assert.throws(() => new Pacer(0), /must be positive/);
});

test('embedAll: retries retryable failures, stops on others, embeds each key once', withDir(async (dir) => {
  const cache = new EmbeddingCache(dir, 'm', 3);
  cache.put('k0', vec(0));
  const items: EmbedItem[] = ['k0', 'k1', 'k2', 'k2', 'k3'].map((key, i) => ({ key, load: async () => ({ text: `t${i}` }) }));
  const seen: string[] = [];
  let failures = 0;
  const r = await embedAll(items, {
    cache,
    embed: async ([input]) => {
      seen.push(input?.text ?? '');
      if (input?.text === 't2' && failures++ < 2) throw Object.assign(new Error('slow down'), { throttle: true });
      return [vec(Number((input?.text ?? 't0').slice(1)))];
    },
    isRetryable: (e) => (e as { throttle?: boolean }).throttle === true,
    isThrottling: (e) => (e as { throttle?: boolean }).throttle === true,
    concurrency: 2,
    requestsPerMinute: 60_000,
    clock: virtualClock(),
  });
  assert.deepEqual({ calls: r.calls, embedded: r.embedded, cached: r.cached, retries: r.retries }, { calls: 5, embedded: 3, cached: 2, retries: 2 });
  assert.deepEqual(seen.filter((t) => t !== 't2').sort(), ['t1', 't4']);
  assert.equal(cache.size, 4);
  await assert.rejects(embedAll([{ key: 'k9', load: async () => ({ text: 'x' }) }], {
    cache, embed: async () => { throw new Error('AccessDenied'); }, isRetryable: () => false, isThrottling: () => false,
    concurrency: 1, requestsPerMinute: 60, clock: virtualClock(),
  }), /AccessDenied/);
}));

test('embedding cache: exact float32 values through base64 lines; lines of the earlier decimal format still read', withDir((dir) => {
  const a = new EmbeddingCache(dir, 'm', 3);
  const odd = Float32Array.from([Math.fround(Math.PI), -0, 1e-38]);
  a.put('k1', odd);
  const line = readFileSync(a.path, 'utf8').trim();
  assert.match(line, /^\{"k":"k1","b":"[A-Za-z0-9+/]+={0,2}"\}$/);
  appendFileSync(a.path, `${JSON.stringify({ k: 'old', v: [0.5, 1.5, 2.5] })}\n${JSON.stringify({ k: 'short', b: Buffer.alloc(8).toString('base64') })}\n`);
  const b = new EmbeddingCache(dir, 'm', 3);
  assert.deepEqual(Array.from(b.get('k1') ?? []), Array.from(odd));
  assert.ok(Object.is(b.get('k1')?.[1], -0));
  assert.deepEqual(Array.from(b.get('old') ?? []), [0.5, 1.5, 2.5]);
  assert.equal(b.has('short'), false, 'a vector of the wrong length is not read');
}));

test('embedAll: an item failure (isItemFailure) is listed and the other items go on', withDir(async (dir) => {
  const cache = new EmbeddingCache(dir, 'm', 3);
  const items: EmbedItem[] = [1, 2, 3].map((n) => ({ key: `k${n}`, load: async () => ({ text: `t${n}` }) }));
  const bad = new Error('undecodable');
  const r = await embedAll(items, {
    cache, concurrency: 2, requestsPerMinute: 60_000,
    embed: async (inputs) => { if (inputs[0]?.text === 't2') throw bad; return inputs.map(() => vec(0)); },
    isRetryable: () => false, isThrottling: () => false, isItemFailure: (e) => e === bad,
  });
  assert.deepEqual(r.failed, [{ key: 'k2', error: bad }]);
  assert.equal(r.embedded, 2);
  assert.ok(cache.has('k1') && cache.has('k3') && !cache.has('k2'));
  await assert.rejects(embedAll([{ key: 'k2', load: async () => ({ text: 't2' }) }], {
    cache, concurrency: 1, requestsPerMinute: 60_000, embed: async () => { throw bad; }, isRetryable: () => false, isThrottling: () => false,
  }), /undecodable/, 'without isItemFailure the failure stops the run');
}));
