// Before a plan deletes anything it is proved again, now: the credentials are the plan's account, and every ticked
// resource is still one this work provably created (a fresh discovery over the tag and the ledger finds it under the
// same identity, a Bedrock name included). What is not re-proved is unticked and named; an S3 prefix that holds more
// objects than when the plan was made is reported so the user is asked again.
import type { CleanupPlan, PlanResource } from '../../core/cleanup/plan';
import type { ManualPrefix } from '../../core/cleanup/ownership';
import { CREATED_BY_TAG } from '../../core/lifecycle/tags';
import type { AwsSession } from '../session';
import { checkPresence, discoverPlan } from './run';
import type { DiscoveryInput } from './discover';

export interface Grown { key: string; label: string; planned: number; now: number }
export interface Verification {
  /** The plan to run: what was not re-proved is unticked, costs are today's. */
  plan: CleanupPlan;
  /** One sentence per resource left alone, and why. */
  dropped: string[];
  /** S3 prefixes holding more objects now than when the plan was written. */
  grown: Grown[];
}

export class AccountMismatchError extends Error {}

/** The S3 prefixes the user added by hand to this plan: still theirs to delete. */
function manualOf(plan: CleanupPlan): ManualPrefix[] {
  return plan.resources.filter((r) => r.kind === 's3-prefix' && r.selected && r.reasons.some((x) => x.source === 'manual'))
    .map((r) => ({ bucket: r.identity.bucket ?? '', prefix: r.identity.prefix ?? '', ticked: true, detail: 'added by you' }));
}

const objectCount = (r: PlanResource | undefined): number | undefined => (r?.cost.kind === 's3-storage' ? r.cost.objectCount : undefined);

export async function verifyPlan(session: AwsSession, plan: CleanupPlan, input: Omit<DiscoveryInput, 'manual'>): Promise<Verification> {
  const { account } = await session.callerIdentity();
  if (account !== plan.account) {
    throw new AccountMismatchError(`The plan was made in account ${plan.account}; these credentials are account ${account}. Nothing was deleted: switch to the plan's account, or discover a new plan.`);
  }
  if (session.region !== plan.region) {
    throw new AccountMismatchError(`The plan was made in ${plan.region}; this session is in ${session.region}. Nothing was deleted.`);
  }
  const fresh = (await discoverPlan(session, { ...input, manual: manualOf(plan) })).plan;
  const now = new Map(fresh.resources.map((r) => [r.key, r]));
  // Not found again because it is gone already: harmless to keep (the run reports it already gone, a re-run is safe).
  // An index's endpoint in the file is never contacted unless a collection this work owns serves it.
  const unproved = plan.resources.filter((r) => r.selected && !now.has(r.key) && r.kind !== 'opensearch-index');
  const gone = new Set((await checkPresence(session, unproved)).gone.map((r) => r.key));
  // An index is gone with its collection (the collection of the plan that waits for it).
  for (const r of plan.resources) {
    if (r.kind === 'aoss-collection' && gone.has(r.key)) for (const k of r.after) gone.add(k);
  }
  const dropped: string[] = [];
  const grown: Grown[] = [];
  const resources = plan.resources.map((r): PlanResource => {
    if (!r.selected) return r;
    const f = now.get(r.key);
    if (!f && gone.has(r.key)) return r;
    if (!f) {
      dropped.push(`${r.label}: left alone: nothing proves this work created it (no ${CREATED_BY_TAG.key}=${CREATED_BY_TAG.value} tag, no ledger entry in ${plan.account} ${plan.region}).`);
      return { ...r, selected: false };
    }
    if (r.identity.name !== undefined && f.identity.name !== undefined && r.identity.name !== f.identity.name) {
      dropped.push(`${r.label}: left alone: the plan names it ${r.identity.name}, but ${r.identity.arn ?? r.key} is ${f.identity.name}.`);
      return { ...r, selected: false };
    }
    const before = objectCount(r);
    const after = objectCount(f);
    if (after !== undefined && (before === undefined || after > before)) grown.push({ key: r.key, label: r.label, planned: before ?? 0, now: after });
    return { ...r, cost: f.cost };
  });
  return { plan: { ...plan, resources }, dropped, grown };
}
