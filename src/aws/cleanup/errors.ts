// How the clean-up executor reads AWS errors: throttling and passing failures are retried, conflicts retried
// longer (a model held by a throughput that is being deleted), not-found means already gone.
import type { ErrorClass } from '../../core/cleanup/retry';
import type { ErrorInterpreter } from '../../core/cleanup/executor';
import type { PlanResource } from '../../core/cleanup/plan';
import { AwsUserError, toUserError } from '../errors';

const NOT_FOUND_NAMES = new Set(['NoSuchEntity', 'NoSuchEntityException']); // IAM says it its own way

export function classifyAwsError(err: unknown): ErrorClass {
  const e = err instanceof AwsUserError ? err : toUserError(err, { action: 'cleanup' });
  if (e.kind === 'notFound' || NOT_FOUND_NAMES.has(e.details.code ?? '') || NOT_FOUND_NAMES.has((err as { name?: string }).name ?? '')) return 'not-found';
  if (e.kind === 'conflict') return 'conflict';
  if (e.kind === 'throttled' || e.kind === 'internal' || e.kind === 'network') return 'throttled';
  return 'fatal';
}

export function explainAwsError(err: unknown, r: PlanResource): string {
  const e = err instanceof AwsUserError ? err : toUserError(err, { action: `cleanup of ${r.kind}`, resource: r.label, region: r.region });
  const fix = e.details.fix && !e.message.includes(e.details.fix) ? ` ${e.details.fix}` : '';
  const conflict = e.kind === 'conflict' && r.kind === 'custom-model'
    ? ' A provisioned throughput probably still uses this model: delete it (or wait until its deletion finishes) and re-run.' : '';
  return `${e.message}${fix}${conflict}`;
}

export const AWS_ERRORS: ErrorInterpreter = { classify: classifyAwsError, explain: explainAwsError };

/** Runs a read; a not-found answer becomes `undefined` (the resource is gone). */
export async function orAbsent<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (classifyAwsError(err) === 'not-found') return undefined;
    throw err;
  }
}
