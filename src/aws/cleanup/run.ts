// The whole clean-up over one AWS session, as the CLI and the extension both run it: discover → plan, and
// plan → execute + verify with the AWS targets. Only the UI around it differs.
import { executePlan, type ExecuteOptions, type RunReport } from '../../core/cleanup/executor';
import { mapLimit } from '../../core/cleanup/batches';
import type { CleanupPlan, PlanResource } from '../../core/cleanup/plan';
import { buildPlan } from '../../core/cleanup/planner';
import { abortableSleep, DEFAULT_RETRY, withRetry } from '../../core/cleanup/retry';
import type { AwsSession } from '../session';
import { discover, type DiscoveryInput } from './discover';
import { AWS_ERRORS } from './errors';
import { cleanupTargets, type TargetOptions } from './index';

export async function discoverPlan(session: AwsSession, input: DiscoveryInput, now = new Date()): Promise<{ plan: CleanupPlan; notes: string[] }> {
  const found = await discover(session, input);
  const { plan, skipped } = buildPlan(found.candidates, { account: found.account, region: session.region }, now);
  return { plan, notes: [...found.notes, ...skipped] };
}

export type RunOptions = Partial<Omit<ExecuteOptions, 'targets' | 'errors'>> & Pick<Partial<ExecuteOptions>, 'errors'> & { iamEndpoint?: string; iamCredentials?: TargetOptions['iamCredentials'] };

export function runPlan(session: AwsSession, plan: CleanupPlan, opts: RunOptions = {}): Promise<RunReport> {
  const sleep = opts.sleep ?? abortableSleep;
  const targets = cleanupTargets(session, { sleep, ...(opts.random ? { random: opts.random } : {}), ...(opts.retry ? { retry: opts.retry } : {}), ...(opts.iamEndpoint ? { iamEndpoint: opts.iamEndpoint } : {}), ...(opts.iamCredentials ? { iamCredentials: opts.iamCredentials } : {}) });
  return executePlan(plan, { ...opts, targets, errors: opts.errors ?? AWS_ERRORS, sleep });
}

/** Re-reads each resource (with retries) without touching it: which of a previous plan's resources still exist. */
export async function checkPresence(session: AwsSession, resources: readonly PlanResource[]): Promise<{ present: PlanResource[]; gone: PlanResource[]; unknown: { resource: PlanResource; error: string }[] }> {
  const targets = cleanupTargets(session, { sleep: abortableSleep });
  const out = { present: [] as PlanResource[], gone: [] as PlanResource[], unknown: [] as { resource: PlanResource; error: string }[] };
  await mapLimit(resources, 4, async (r) => {
    try {
      const { value } = await withRetry(() => targets[r.kind].exists(r, new AbortController().signal), DEFAULT_RETRY, { classify: AWS_ERRORS.classify, sleep: abortableSleep, random: Math.random });
      (value.present ? out.present : out.gone).push(r);
    } catch (err) {
      if (AWS_ERRORS.classify(err) === 'not-found') out.gone.push(r);
      else out.unknown.push({ resource: r, error: AWS_ERRORS.explain(err, r) });
    }
  });
  return out;
}
