// Bounded concurrency, and S3-style batching: DeleteObjects takes at most 1,000 keys per call, and a handful of
// calls in flight deletes a large prefix quickly without tripping S3's per-prefix request rate.

export const MAX_KEYS_PER_BATCH = 1000;

/** Runs `worker` over `items` with at most `limit` in flight; results keep the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await worker(items[i] as T, i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Consumes keys from an async source in batches of at most `batchSize`, running `deleteBatch` with at most
 * `concurrency` batches in flight. Listing continues while batches are deleted. Returns how many keys were passed on.
 * The first failing batch ends the run (after the in-flight ones settle) and its error is thrown.
 */
export async function deleteInBatches(
  keys: AsyncIterable<string>,
  deleteBatch: (batch: string[]) => Promise<void>,
  opts: { batchSize?: number; concurrency?: number; onBatchDone?: (deletedSoFar: number) => void; signal?: AbortSignal },
): Promise<number> {
  const size = Math.min(opts.batchSize ?? MAX_KEYS_PER_BATCH, MAX_KEYS_PER_BATCH);
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const inFlight = new Set<Promise<void>>();
  let failure: { err: unknown } | undefined;
  let done = 0;
  const launch = (batch: string[]): void => {
    const p = deleteBatch(batch).then(
      () => { done += batch.length; opts.onBatchDone?.(done); },
      (err: unknown) => { failure ??= { err }; },
    ).finally(() => { inFlight.delete(p); });
    inFlight.add(p);
  };
  let batch: string[] = [];
  try {
    for await (const key of keys) {
      if (failure || opts.signal?.aborted) break;
      batch.push(key);
      if (batch.length === size) {
        launch(batch);
        batch = [];
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
    }
    if (batch.length > 0 && !failure && !opts.signal?.aborted) launch(batch);
  } finally {
    // A listing that fails still lets the batches already sent finish, so nothing is left half-known.
    await Promise.all(inFlight);
  }
  if (failure) throw failure.err;
  return done;
}
