// Builds a plan from what discovery found: merges the same resource found several ways (by tag and by the
// ledger), links dependencies (a model waits for the throughput serving it, policies wait for their collection, a
// collection waits for its indexes), and ticks a resource only when one of its candidates carries proof.
import { PLAN_VERSION, identityProblem, resourceKey, type CleanupPlan, type CostFacts, type PlanResource, type Reason, type ResourceIdentity, type ResourceKind } from './plan';

export interface Candidate {
  kind: ResourceKind;
  label: string;
  identity: ResourceIdentity;
  region: string;
  reason: Reason;
  cost: CostFacts;
  /** Proof that this work created it (or the user just added it): only such candidates are ticked. */
  ticked: boolean;
  /** For a throughput: the model ARN it serves. */
  servesModel?: string;
  /** For a policy or an index: the collection name it belongs to. */
  collection?: string;
}

export interface PlannerResult { plan: CleanupPlan; skipped: string[] }

export function buildPlan(candidates: readonly Candidate[], scope: { account: string; region: string }, now: Date): PlannerResult {
  const { region } = scope;
  const resources = new Map<string, PlanResource>();
  const skipped: string[] = [];
  const links: { from: string; to: Candidate }[] = [];
  for (const c of candidates) {
    const bad = identityProblem(c.kind, c.identity);
    if (bad) { skipped.push(`${c.label} (${c.kind}) ${bad}: left out of the plan.`); continue; }
    const key = resourceKey(c.kind, c.identity);
    const existing = resources.get(key);
    if (existing) {
      if (!existing.reasons.some((r) => r.source === c.reason.source && r.detail === c.reason.detail)) existing.reasons.push(c.reason);
      // A fuller cost (e.g. an object count) found later wins over a bare one.
      if (JSON.stringify(c.cost).length > JSON.stringify(existing.cost).length) existing.cost = c.cost;
      existing.selected ||= c.ticked;
    } else {
      resources.set(key, {
        key, kind: c.kind, label: c.label, identity: c.identity, region: c.region || region,
        reasons: [c.reason], cost: c.cost, after: [], selected: c.ticked,
      });
    }
    links.push({ from: key, to: c });
  }
  const addAfter = (r: PlanResource | undefined, pred: string): void => {
    if (r && r.key !== pred && !r.after.includes(pred)) r.after.push(pred);
  };
  for (const { from, to } of links) {
    if (to.servesModel) {
      addAfter(resources.get(resourceKey('custom-model', { arn: to.servesModel })), from);
    }
    if (to.collection) {
      const coll = resources.get(resourceKey('aoss-collection', { name: to.collection }));
      if (to.kind === 'opensearch-index') addAfter(coll, from);
      else if (coll) addAfter(resources.get(from), coll.key);
    }
  }
  return {
    plan: { version: PLAN_VERSION, createdAt: now.toISOString(), account: scope.account, region, resources: [...resources.values()] },
    skipped,
  };
}

/** Sets which resources are ticked (by key); every other resource is unticked. Returns a new plan. */
export function withSelection(plan: CleanupPlan, keys: ReadonlySet<string>): CleanupPlan {
  return { ...plan, resources: plan.resources.map((r) => ({ ...r, selected: keys.has(r.key) })) };
}
