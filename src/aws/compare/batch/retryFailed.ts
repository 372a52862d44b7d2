// A base model's records a batch job could not embed, tried once more on demand (issue 17: "for a base model they
// may be retried on-demand"): through the on-demand route's own embedAll (pacer, retries, the same cache). Only those
// that fail again stay failures, with AWS's batch message and the on-demand one.
import type { EmbedAllResult, EmbedItem } from '../../../core/eval/embedAll';
import type { BatchFailure } from './batchEmbed';

export interface RetryResult {
  failures: BatchFailure[];
  calls: number;
  embedded: number;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function retryOnDemand<I extends EmbedItem>(
  failures: readonly BatchFailure[], items: readonly I[], onDemand: (items: I[]) => Promise<EmbedAllResult>, signal?: AbortSignal,
): Promise<RetryResult> {
  if (failures.length === 0) return { failures: [], calls: 0, embedded: 0 };
  const failed = new Set(failures.map((f) => f.key));
  let r: EmbedAllResult;
  try {
    r = await onDemand(items.filter((it) => failed.has(it.key)));
  } catch (err) {
    // The retry is a second chance, not a new way to fail the run: what it could not do stays reported.
    if (signal?.aborted) throw err;
    return { failures: failures.map((f) => ({ ...f, message: `${f.message} (the on-demand retry failed: ${messageOf(err)})` })), calls: 0, embedded: 0 };
  }
  const again = new Map(r.failed.map((f) => [f.key, messageOf(f.error)]));
  const still = failures.filter((f) => again.has(f.key)).map((f) => ({ ...f, message: `${f.message} (retried on demand: ${again.get(f.key) ?? ''})` }));
  return { failures: still, calls: r.calls, embedded: r.embedded };
}
