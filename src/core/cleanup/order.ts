// Deletion order. Two sources of "must be gone first":
//  1. the rules every plan obeys, by kind (stop running jobs first; throughputs before models; indexes before
//     collections; collections before their policies; everything before the IAM role), and
//  2. each resource's explicit `after` list (the planner fills it: a model waits for the throughput serving it).
// The result is a list of waves: everything in one wave may run in parallel, a wave starts when the previous ended.
import type { CleanupPlan, PlanResource, ResourceKind } from './plan';

/** Lower phases go first. Kinds sharing a phase have no order between them. */
export const KIND_PHASE: Record<ResourceKind, number> = {
  'customization-job': 0,
  // Stopped before its input and output prefixes (phase 1) are deleted.
  'batch-job': 0,
  'provisioned-throughput': 1,
  'opensearch-index': 1,
  's3-prefix': 1,
  'custom-model': 2,
  'aoss-collection': 2,
  'aoss-security-policy': 3,
  'aoss-access-policy': 3,
  'iam-role': 4,
};

export interface Ordering {
  waves: PlanResource[][];
  /** Non-fatal: a ticked resource waits for an unticked one (it may fail while that one still exists). */
  warnings: string[];
  /** Fatal: an explicit `after` contradicts the kind rules or another `after` (a cycle). */
  problems: string[];
}

/** Orders the selected resources of a plan into waves. Unselected resources are never scheduled. */
export function orderPlan(plan: CleanupPlan): Ordering {
  const selected = plan.resources.filter((r) => r.selected);
  const byKey = new Map(selected.map((r) => [r.key, r]));
  const allKeys = new Map(plan.resources.map((r) => [r.key, r]));
  const warnings: string[] = [];
  const preds = new Map<string, Set<string>>(selected.map((r) => [r.key, new Set<string>()]));

  for (const r of selected) {
    for (const a of r.after) {
      if (byKey.has(a)) preds.get(r.key)?.add(a);
      else if (allKeys.has(a)) warnings.push(`${r.label} waits for ${allKeys.get(a)?.label ?? a}, which is not ticked: deleting it may fail while that still exists.`);
    }
    for (const o of selected) {
      if (KIND_PHASE[o.kind] < KIND_PHASE[r.kind]) preds.get(r.key)?.add(o.key);
    }
  }

  const waves: PlanResource[][] = [];
  const done = new Set<string>();
  let remaining = selected;
  while (remaining.length > 0) {
    const ready = remaining.filter((r) => [...(preds.get(r.key) ?? [])].every((p) => done.has(p)));
    if (ready.length === 0) {
      return {
        waves: [], warnings,
        problems: [`These resources wait for each other (check their "after" lists): ${remaining.map((r) => r.label).join(', ')}.`],
      };
    }
    waves.push(ready);
    for (const r of ready) done.add(r.key);
    remaining = remaining.filter((r) => !done.has(r.key));
  }
  return { waves, warnings, problems: [] };
}
