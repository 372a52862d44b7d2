// Confirmation scales with the damage (docs/reference/vscode-ux.md "Destructive tiers"): one modal for the whole plan,
// and the name typed for each throughput with a running commitment and each S3 prefix holding many objects.
import { costWording, hasActiveCommitment } from './cost';
import { orderPlan } from './order';
import { KIND_LABELS, RESOURCE_KINDS, type CleanupPlan, type PlanResource } from './plan';

export const DEFAULT_S3_TYPE_NAME_THRESHOLD = 1000;

export interface TypeNameCheck {
  key: string;
  /** Exactly what the user must type. */
  name: string;
  /** Why this one asks for the name, including the consequence. */
  why: string;
}

export interface Confirmation {
  /** The modal's message (short) and detail (one line per kind with counts). */
  message: string;
  detail: string;
  typeName: TypeNameCheck[];
}

function typedName(r: PlanResource): string {
  if (r.kind === 's3-prefix') return `s3://${r.identity.bucket ?? ''}/${r.identity.prefix ?? ''}`;
  return r.identity.name ?? r.label;
}

export function needsTypedName(r: PlanResource, now: Date, s3Threshold: number): string | undefined {
  if (r.kind === 'provisioned-throughput' && hasActiveCommitment(r.cost, now)) {
    return `${r.label}: ${costWording(r.cost, now)}`;
  }
  if (r.kind === 's3-prefix' && r.cost.kind === 's3-storage' && r.cost.objectCount !== undefined && r.cost.objectCount > s3Threshold) {
    return `${r.label} holds ${r.cost.objectCount}${r.cost.truncated ? ' or more' : ''} objects (more than ${s3Threshold}); they are deleted permanently.`;
  }
  return undefined;
}

/** The confirmation steps for the ticked resources of a plan. */
export function confirmationFor(plan: CleanupPlan, now: Date, s3Threshold = DEFAULT_S3_TYPE_NAME_THRESHOLD): Confirmation {
  const selected = plan.resources.filter((r) => r.selected);
  const lines = RESOURCE_KINDS.flatMap((kind) => {
    const n = selected.filter((r) => r.kind === kind).length;
    return n === 0 ? [] : [`${KIND_LABELS[kind]}: ${n}`];
  });
  const typeName = selected.flatMap((r) => {
    const why = needsTypedName(r, now, s3Threshold);
    return why === undefined ? [] : [{ key: r.key, name: typedName(r), why }];
  });
  // The modal says everything the user should weigh: counts per kind, the costly ones, and ordering caveats.
  const caveats = [...typeName.map((t) => t.why), ...orderPlan(plan).warnings];
  return {
    message: `Delete ${selected.length} resource${selected.length === 1 ? '' : 's'} in ${plan.region}? This cannot be undone.`,
    detail: [...lines, ...(caveats.length > 0 ? ['', ...caveats] : [])].join('\n'),
    typeName,
  };
}

/** A typed-name validator for an input box: undefined when the text matches. */
export function checkTypedName(expected: string, typed: string): string | undefined {
  return typed.trim() === expected ? undefined : `Type ${expected} exactly to confirm, or press Escape to keep it.`;
}
