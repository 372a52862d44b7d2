// Retrying AWS calls that failed for a passing reason: throttling (exponential backoff with full jitter, as AWS's
// architecture blog recommends) and conflicts (a model still held by a throughput that is being deleted).
// Pure: the sleep and the random source are injected, so tests run instantly and deterministically.

/** How a failed call should be treated. `not-found` means the thing is already gone, which a clean-up welcomes. */
export type ErrorClass = 'throttled' | 'conflict' | 'not-found' | 'fatal';

export interface RetryPolicy {
  /** Attempts in all (first try included) for throttling errors. */
  throttleAttempts: number;
  /** Attempts in all for conflicts (each waits longer: the other resource needs time to go away). */
  conflictAttempts: number;
  baseMs: number;
  maxMs: number;
  conflictBaseMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { throttleAttempts: 8, conflictAttempts: 6, baseMs: 200, maxMs: 20_000, conflictBaseMs: 2_000 };

export interface RetryDeps {
  classify(err: unknown): ErrorClass;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  signal?: AbortSignal;
}

export class CancelledError extends Error {
  constructor() { super('Cancelled.'); this.name = 'CancelledError'; }
}

/** Full-jitter backoff: a random wait in [0, min(max, base * 2^attempt)). */
export function backoffMs(attempt: number, base: number, max: number, random: () => number): number {
  return Math.floor(random() * Math.min(max, base * 2 ** attempt));
}

/**
 * Runs `fn`, retrying throttles and conflicts within the policy. Resolves with the value and the number of attempts;
 * rethrows the last error otherwise (not-found and fatal errors are rethrown at once for the caller to judge).
 */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt += 1) {
    if (deps.signal?.aborted) throw new CancelledError();
    try {
      return { value: await fn(), attempts: attempt };
    } catch (err) {
      const cls = deps.classify(err);
      const limit = cls === 'throttled' ? policy.throttleAttempts : cls === 'conflict' ? policy.conflictAttempts : 0;
      if (attempt >= limit) throw err;
      const base = cls === 'conflict' ? policy.conflictBaseMs : policy.baseMs;
      // Never wait less than a tenth of the base: a zero draw would hammer a throttled API.
      await deps.sleep(Math.max(Math.floor(base / 10), backoffMs(attempt, base, policy.maxMs, deps.random)), deps.signal);
    }
  }
}

/** A real sleep that ends early (rejecting) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(new CancelledError()); return; }
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = (): void => { clearTimeout(timer); reject(new CancelledError()); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
