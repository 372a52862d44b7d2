// The whole clean-up over one AWS session, as the CLI and the extension both run it: discover → plan, and
// plan → execute + verify with the AWS targets. Only the UI around it differs.
import { executePlan, type ExecuteOptions, type RunReport } from '../../core/cleanup/executor';
import type { CleanupPlan } from '../../core/cleanup/plan';
import { buildPlan } from '../../core/cleanup/planner';
import { abortableSleep } from '../../core/cleanup/retry';
import type { AwsSession } from '../session';
import { discover, type DiscoveryInput } from './discover';
import { AWS_ERRORS } from './errors';
import { cleanupTargets } from './index';

export async function discoverPlan(session: AwsSession, input: DiscoveryInput, now = new Date()): Promise<{ plan: CleanupPlan; notes: string[] }> {
  const found = await discover(session, input);
  const { plan, skipped } = buildPlan(found.candidates, session.region, now);
  return { plan, notes: [...found.notes, ...skipped] };
}

export type RunOptions = Partial<Omit<ExecuteOptions, 'targets' | 'errors'>> & Pick<Partial<ExecuteOptions>, 'errors'> & { iamEndpoint?: string };

export function runPlan(session: AwsSession, plan: CleanupPlan, opts: RunOptions = {}): Promise<RunReport> {
  const sleep = opts.sleep ?? abortableSleep;
  const targets = cleanupTargets(session, { sleep, ...(opts.random ? { random: opts.random } : {}), ...(opts.retry ? { retry: opts.retry } : {}), ...(opts.iamEndpoint ? { iamEndpoint: opts.iamEndpoint } : {}) });
  return executePlan(plan, { ...opts, targets, errors: opts.errors ?? AWS_ERRORS, sleep });
}
