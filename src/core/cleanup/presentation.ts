// The plan as a checklist: one group per kind (in reading order), each entry with where it is and what it
// costs (description) and why it is in the plan (detail). The VS Code quick pick renders exactly this.
import { costWording, whereWording } from './cost';
import { KIND_LABELS, RESOURCE_KINDS, type CleanupPlan, type PlanResource } from './plan';

export interface ChecklistEntry { key: string; label: string; description: string; detail: string; picked: boolean }
export interface ChecklistGroup { title: string; entries: ChecklistEntry[] }

export function entryFor(r: PlanResource, now: Date): ChecklistEntry {
  return {
    key: r.key,
    label: r.label,
    description: `${whereWording(r)} · ${costWording(r.cost, now)}`,
    detail: `Why: ${r.reasons.map((x) => x.detail).join('; ')}${r.kind === 'iam-role' ? ' · unticked by default: other jobs may use this role' : ''}`,
    picked: r.selected,
  };
}

export function checklist(plan: CleanupPlan, now: Date): ChecklistGroup[] {
  return RESOURCE_KINDS.flatMap((kind) => {
    const entries = plan.resources.filter((r) => r.kind === kind).map((r) => entryFor(r, now));
    return entries.length === 0 ? [] : [{ title: KIND_LABELS[kind], entries }];
  });
}

/**
 * What a previous clean-up ticked that the new plan does not list, or undefined when that plan was made in another
 * account or region: same names there are other resources, never leftovers of this one.
 */
export function leftoversOf(previous: CleanupPlan | undefined, plan: CleanupPlan): PlanResource[] | undefined {
  if (!previous || previous.account !== plan.account || previous.region !== plan.region) return undefined;
  const known = new Set(plan.resources.map((r) => r.key));
  return previous.resources.filter((r) => r.selected && !known.has(r.key));
}

/**
 * Adds what a previous clean-up planned and is still there (discovery may no longer see it, e.g. a model whose
 * spec file was deleted), so a half-finished run can be finished. Returns a new plan.
 */
export function withLeftovers(plan: CleanupPlan, leftovers: readonly PlanResource[], when: string): CleanupPlan {
  const keys = new Set(plan.resources.map((r) => r.key));
  const added = leftovers.filter((r) => !keys.has(r.key)).map((r) => ({
    ...r,
    after: [...r.after],
    selected: r.kind !== 'iam-role' || r.selected,
    reasons: [...r.reasons, { source: 'previous-plan' as const, detail: `still there after the clean-up of ${when}` }],
  }));
  const all = new Set([...keys, ...added.map((r) => r.key)]);
  // Dependencies on resources that are gone now are dropped: nothing to wait for.
  return { ...plan, resources: [...plan.resources, ...added].map((r) => ({ ...r, after: r.after.filter((a) => all.has(a)) })) };
}
