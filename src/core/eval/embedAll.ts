// Embeds every item not yet cached, with bounded concurrency under a requests-per-minute cap. Retryable failures
// (throttling after the SDK's own adaptive retries, dropped connections) slow the pacer down and put the item back;
// anything else stops the run with the error. Each vector reaches the cache exactly once, as soon as it arrives, so
// an interrupted run loses nothing it already paid for.

import type { EmbeddingCache } from './embeddingCache';
import { Pacer, realClock, type Clock } from './pacer';

export interface EmbedItem {
  /** Cache key: imageKey(etag) or textKey(text). */
  key: string;
  /** What to embed, fetched only when the key is not cached. */
  load(): Promise<{ text?: string; imageBase64?: string }>;
}

export interface EmbedAllOptions {
  cache: EmbeddingCache;
  embed(input: { text?: string; imageBase64?: string }, signal?: AbortSignal): Promise<Float32Array>;
  /** Whether an error is worth retrying (throttling, 5xx, dropped connection). */
  isRetryable(err: unknown): boolean;
  isThrottling(err: unknown): boolean;
  concurrency: number;
  requestsPerMinute: number;
  /** Attempts per item on top of the SDK's own retries. */
  maxAttempts?: number;
  signal?: AbortSignal;
  clock?: Clock;
  onProgress?(done: number, total: number): void;
}

export interface EmbedAllResult {
  /** Calls made, including ones that failed and were retried. */
  calls: number;
  embedded: number;
  cached: number;
  retries: number;
}

export async function embedAll(items: readonly EmbedItem[], o: EmbedAllOptions): Promise<EmbedAllResult> {
  const seen = new Set<string>();
  const todo = items.filter((it) => !o.cache.has(it.key) && !seen.has(it.key) && seen.add(it.key));
  const result: EmbedAllResult = { calls: 0, embedded: 0, cached: items.length - todo.length, retries: 0 };
  const pacer = new Pacer(o.requestsPerMinute, o.clock ?? realClock);
  const maxAttempts = o.maxAttempts ?? 6;
  const queue = todo.map((item) => ({ item, attempts: 0 }));
  let failure: unknown;
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job && failure === undefined; job = queue.shift()) {
      o.signal?.throwIfAborted();
      const input = await job.item.load();
      await pacer.take(o.signal);
      result.calls++;
      try {
        const vector = await o.embed(input, o.signal);
        o.cache.put(job.item.key, vector);
        pacer.succeeded();
        result.embedded++;
        o.onProgress?.(result.embedded + result.cached, items.length);
      } catch (err) {
        job.attempts++;
        if (o.signal?.aborted || !o.isRetryable(err) || job.attempts >= maxAttempts) {
          failure ??= err;
          return;
        }
        if (o.isThrottling(err)) pacer.throttled();
        result.retries++;
        queue.push(job);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, todo.length)) }, worker));
  if (failure !== undefined) throw failure;
  return result;
}
