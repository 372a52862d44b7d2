// Runs a plan: wave by wave in dependency order, each resource checked first (already gone = nothing to do, which
// makes a re-run safe), deleted with retries, then every ticked resource re-read for the verification report.
// Only resources of the plan are ever passed to a target: the plan is the boundary of what a run may touch.
import { mapLimit } from './batches';
import { orderPlan } from './order';
import type { CleanupPlan, PlanResource, ResourceKind } from './plan';
import { CancelledError, DEFAULT_RETRY, withRetry, type ErrorClass, type RetryPolicy } from './retry';

export interface Presence {
  present: boolean;
  /** Why it is still there, when it is (e.g. `status DELETING`, `412 objects left`). */
  detail?: string;
}

export interface TargetContext {
  signal: AbortSignal;
  /** A stage message for progress ("deleted 3,000 of 4,512 objects"). */
  report(message: string): void;
}

/** One kind's operations. `delete` should treat "not found" as success or throw an error `classify` calls not-found. */
export interface CleanupTarget {
  exists(r: PlanResource, signal: AbortSignal): Promise<Presence>;
  delete(r: PlanResource, ctx: TargetContext): Promise<void>;
  /** The verb for the report: jobs are stopped, everything else deleted. */
  readonly verb?: 'stop' | 'delete';
  /** Deletion finishes asynchronously on AWS's side (collections): wait for it before dependents start. */
  readonly settles?: boolean;
}

export interface ErrorInterpreter {
  classify(err: unknown): ErrorClass;
  /** A user-facing sentence: what failed and what to do. */
  explain(err: unknown, r: PlanResource): string;
}

export type Action = 'deleted' | 'stopped' | 'already-gone' | 'failed' | 'blocked' | 'cancelled' | 'planned';
export type Verdict = 'gone' | 'still-there' | 'unknown' | 'not-checked';

export interface ResourceResult {
  key: string;
  kind: ResourceKind;
  label: string;
  action: Action;
  attempts: number;
  /** For failed/blocked/cancelled: the reason and what to do. */
  message?: string;
  verdict: Verdict;
  verdictDetail?: string;
}

export interface RunProgress {
  done: number;
  total: number;
  message: string;
}

export interface ExecuteOptions {
  targets: Partial<Record<ResourceKind, CleanupTarget>>;
  errors: ErrorInterpreter;
  dryRun?: boolean;
  concurrency?: number;
  retry?: RetryPolicy;
  /** How long to wait for an asynchronous deletion to finish before moving on (ms). */
  settleTimeoutMs?: number;
  signal?: AbortSignal;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random?: () => number;
  onProgress?: (p: RunProgress) => void;
}

export interface RunReport {
  dryRun: boolean;
  results: ResourceResult[];
  /** Resources the user unticked: listed, never touched. */
  kept: { key: string; label: string }[];
  warnings: string[];
  problems: string[];
}

const FINAL_OK: ReadonlySet<Action> = new Set(['deleted', 'stopped', 'already-gone']);

/** True when every ticked resource was verified gone (the run can be called a success). */
export function runSucceeded(report: RunReport): boolean {
  return report.problems.length === 0 && report.results.every((r) => r.verdict === 'gone' || (report.dryRun && r.action === 'planned'));
}

export async function executePlan(plan: CleanupPlan, opts: ExecuteOptions): Promise<RunReport> {
  const ordering = orderPlan(plan);
  const kept = plan.resources.filter((r) => !r.selected).map((r) => ({ key: r.key, label: r.label }));
  const base = { dryRun: opts.dryRun === true, kept, warnings: ordering.warnings, problems: ordering.problems };
  if (ordering.problems.length > 0) return { ...base, results: [] };
  const ordered = ordering.waves.flat();
  if (opts.dryRun) {
    return { ...base, results: ordered.map((r) => ({ key: r.key, kind: r.kind, label: r.label, action: 'planned', attempts: 0, verdict: 'not-checked' })) };
  }

  const signal = opts.signal ?? new AbortController().signal;
  const policy = opts.retry ?? DEFAULT_RETRY;
  const retryDeps = { classify: (e: unknown) => opts.errors.classify(e), sleep: opts.sleep, random: opts.random ?? Math.random, signal };
  const results = new Map<string, ResourceResult>();
  const total = ordered.length;
  let done = 0;
  const progress = (message: string): void => opts.onProgress?.({ done, total, message });

  const runOne = async (r: PlanResource): Promise<ResourceResult> => {
    const head = { key: r.key, kind: r.kind, label: r.label, verdict: 'not-checked' as Verdict };
    const target = opts.targets[r.kind];
    if (!target) return { ...head, action: 'failed', attempts: 0, message: `No handler for ${r.kind} here; nothing was done.` };
    if (signal.aborted) return { ...head, action: 'cancelled', attempts: 0, message: 'Cancelled before it started; re-run to finish.' };
    const failedPred = r.after.map((k) => results.get(k)).find((x) => x !== undefined && !FINAL_OK.has(x.action));
    if (failedPred) {
      return { ...head, action: 'blocked', attempts: 0, message: `Not attempted: it needs ${failedPred.label} gone first (${failedPred.action}). Re-run the clean-up once that is fixed.` };
    }
    let attempts = 0;
    try {
      const before = await withRetry(() => target.exists(r, signal), policy, retryDeps);
      attempts += before.attempts;
      if (!before.value.present) return { ...head, action: 'already-gone', attempts };
      progress(`${target.verb === 'stop' ? 'Stopping' : 'Deleting'} ${r.label}`);
      const ctx: TargetContext = { signal, report: (m) => progress(`${r.label}: ${m}`) };
      try {
        attempts += (await withRetry(() => target.delete(r, ctx), policy, retryDeps)).attempts;
      } catch (err) {
        if (opts.errors.classify(err) !== 'not-found') throw err;
      }
      if (target.settles) await waitGone(r, target, opts, signal);
      return { ...head, action: target.verb === 'stop' ? 'stopped' : 'deleted', attempts };
    } catch (err) {
      if (err instanceof CancelledError || signal.aborted) return { ...head, action: 'cancelled', attempts, message: 'Cancelled while running; re-run to finish.' };
      return { ...head, action: 'failed', attempts: Math.max(attempts, 1), message: opts.errors.explain(err, r) };
    }
  };

  for (const wave of ordering.waves) {
    await mapLimit(wave, opts.concurrency ?? 4, async (r) => {
      const res = await runOne(r);
      results.set(r.key, res);
      done += 1;
      progress(`${r.label}: ${res.action}`);
    });
  }

  progress('Verifying');
  const verified = await mapLimit(ordered, opts.concurrency ?? 4, (r) => verify(r, results.get(r.key), opts, retryDeps, policy));
  return { ...base, results: verified };
}

/** Polls until an asynchronous deletion has finished, up to the settle timeout; then moves on either way. */
async function waitGone(r: PlanResource, target: CleanupTarget, opts: ExecuteOptions, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + (opts.settleTimeoutMs ?? 300_000);
  // Bounded by polls too, so an injected instant sleep (tests) cannot spin until the wall-clock deadline.
  for (let i = 0; i < 60 && Date.now() < deadline; i += 1) {
    const p = await target.exists(r, signal).catch(() => ({ present: true }));
    if (!p.present) return;
    await opts.sleep(Math.min(10_000, 500 * 2 ** Math.min(i, 5)), signal);
  }
}

async function verify(
  r: PlanResource, res: ResourceResult | undefined, opts: ExecuteOptions,
  retryDeps: Parameters<typeof withRetry>[2], policy: RetryPolicy,
): Promise<ResourceResult> {
  const result = res ?? { key: r.key, kind: r.kind, label: r.label, action: 'cancelled' as Action, attempts: 0, verdict: 'not-checked' as Verdict };
  const target = opts.targets[r.kind];
  if (!target) return { ...result, verdict: 'unknown', verdictDetail: 'no handler to check it' };
  // Verification runs even after a cancel: the user deserves to know what state things were left in.
  const check = { ...retryDeps, signal: new AbortController().signal };
  try {
    const p = (await withRetry(() => target.exists(r, check.signal), policy, check)).value;
    if (!p.present) return { ...result, verdict: 'gone' };
    const why = result.message ?? (result.action === 'deleted' || result.action === 'stopped'
      ? 'deletion accepted; AWS is still finishing it, check again in a few minutes'
      : `action was ${result.action}`);
    return { ...result, verdict: 'still-there', verdictDetail: p.detail ? `${p.detail}; ${why}` : why };
  } catch (err) {
    if (opts.errors.classify(err) === 'not-found') return { ...result, verdict: 'gone' };
    return { ...result, verdict: 'unknown', verdictDetail: `could not re-read it: ${opts.errors.explain(err, r)}` };
  }
}
