// Embeds every item not yet cached, with bounded concurrency under a requests-per-minute cap. Retryable failures
// (throttling after the SDK's own adaptive retries, dropped connections) slow the pacer down and put the item back;
// anything else stops the run with the error. Each vector reaches the cache exactly once, as soon as it arrives, so
// an interrupted run loses nothing it already paid for. A family that takes several inputs per call (Cohere: 96)
// gets them grouped: one call per `itemsPerCall` items of one group (modality), so the cap counts calls, not items.

import type { EmbeddingCache } from './embeddingCache';
import type { EmbedInput } from './families/types';
import { Pacer, realClock, type Clock } from './pacer';

export interface EmbedItem {
  /** Cache key: imageKey(etag) or textKey(text). */
  key: string;
  /** What to embed, fetched only when the key is not cached. */
  load(): Promise<EmbedInput>;
  /** Items of one group may share a call (e.g. 'text', 'image': a call carries one modality). Default: one group. */
  group?: string;
}

export interface EmbedAllOptions {
  cache: EmbeddingCache;
  /** One call: the vectors of `inputs` (at most itemsPerCall, of one group) in their order. */
  embed(inputs: readonly EmbedInput[], signal?: AbortSignal): Promise<Float32Array[]>;
  /** Inputs one call may carry (the family's maxItemsPerCall). Default 1. */
  itemsPerCall?: number;
  /** Whether an error is worth retrying (throttling, 5xx, dropped connection). */
  isRetryable(err: unknown): boolean;
  isThrottling(err: unknown): boolean;
  /**
   * A failure that belongs to its input, not to the run (an undecodable image): the items of that call are listed in
   * `failed` and the others go on. Default: none, every non-retryable failure stops the run.
   */
  isItemFailure?(err: unknown): boolean;
  concurrency: number;
  requestsPerMinute: number;
  /** Attempts per call on top of the SDK's own retries. */
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
  /** Items whose call failed with an item failure (isItemFailure), with the error; not cached. */
  failed: { key: string; error: unknown }[];
}

export async function embedAll(items: readonly EmbedItem[], o: EmbedAllOptions): Promise<EmbedAllResult> {
  const seen = new Set<string>();
  const todo = items.filter((it) => !o.cache.has(it.key) && !seen.has(it.key) && seen.add(it.key));
  const result: EmbedAllResult = { calls: 0, embedded: 0, cached: items.length - todo.length, retries: 0, failed: [] };
  const pacer = new Pacer(o.requestsPerMinute, o.clock ?? realClock);
  const maxAttempts = o.maxAttempts ?? 6;
  const queue = batches(todo, Math.max(1, o.itemsPerCall ?? 1)).map((items) => ({ items, attempts: 0 }));
  let failure: unknown;
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job && failure === undefined; job = queue.shift()) {
      o.signal?.throwIfAborted();
      const inputs = await Promise.all(job.items.map((it) => it.load()));
      await pacer.take(o.signal);
      result.calls++;
      try {
        const vectors = await o.embed(inputs, o.signal);
        if (vectors.length !== inputs.length) throw new Error(`an embedding call returned ${vectors.length} vectors for ${inputs.length} inputs`);
        job.items.forEach((it, n) => o.cache.put(it.key, vectors[n] as Float32Array));
        pacer.succeeded();
        result.embedded += job.items.length;
        o.onProgress?.(result.embedded + result.cached, items.length);
      } catch (err) {
        job.attempts++;
        if (!o.signal?.aborted && !o.isRetryable(err) && o.isItemFailure?.(err)) {
          result.failed.push(...job.items.map((it) => ({ key: it.key, error: err })));
          continue;
        }
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

/** Consecutive runs of up to `size` items of one group, in the items' order within each group. */
function batches(items: readonly EmbedItem[], size: number): EmbedItem[][] {
  const open = new Map<string, EmbedItem[]>();
  const out: EmbedItem[][] = [];
  for (const it of items) {
    const g = it.group ?? '';
    let b = open.get(g);
    if (!b || b.length >= size) {
      b = [];
      open.set(g, b);
      out.push(b);
    }
    b.push(it);
  }
  return out;
}
