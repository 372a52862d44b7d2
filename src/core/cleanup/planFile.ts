// Reading and writing the plan as JSON (the CLI's `--plan FILE`, the UI's "Preview" document).
// Reading never throws: every problem names the resource index and field, so a hand-edited plan is fixable.
// A hand edit cannot widen what a plan deletes: only `"selected": true` is ticked, the identity is the ARN (a name
// that disagrees with it is an error), labels are derived from identities, and the plan names its account.
import {
  PLAN_VERSION, REASON_SOURCES, RESOURCE_KINDS, identityProblem, labelFor, readIdentityFields, resourceKey,
  type CleanupPlan, type CostFacts, type PlanResource, type Reason, type ResourceIdentity, type ResourceKind,
} from './plan';

export interface PlanParse { plan?: CleanupPlan; problems: string[] }

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readIdentity(v: unknown, where: string, problems: string[]): ResourceIdentity | undefined {
  if (!isRecord(v)) { problems.push(`${where}.identity must be an object.`); return undefined; }
  const read = readIdentityFields(v);
  problems.push(...read.problems.map((p) => `${where}.${p}.`));
  return read.identity;
}

function readReasons(v: unknown, where: string, problems: string[]): Reason[] {
  // Reasons are shown, never trusted: before anything is deleted the run proves each resource again.
  if (v === undefined) return [{ source: 'manual', detail: 'added to the plan file by hand' }];
  if (!Array.isArray(v)) { problems.push(`${where}.reasons must be an array.`); return []; }
  const sources = new Set<string>(REASON_SOURCES);
  return v.flatMap((r, i) => {
    if (isRecord(r) && typeof r['source'] === 'string' && sources.has(r['source']) && typeof r['detail'] === 'string') {
      return [{ source: r['source'] as Reason['source'], detail: r['detail'] }];
    }
    problems.push(`${where}.reasons[${i}] must be {source: ${REASON_SOURCES.join('|')}, detail: string}.`);
    return [];
  });
}

function readCost(v: unknown, kind: ResourceKind): CostFacts {
  if (isRecord(v) && typeof v['kind'] === 'string') return v as unknown as CostFacts;
  // A hand-written entry may leave cost out: fall back to what the kind implies.
  switch (kind) {
    case 'provisioned-throughput': return { kind: 'throughput', modelUnits: 1 };
    case 'custom-model': return { kind: 'model-storage' };
    case 'customization-job': return { kind: 'job-training' };
    case 'batch-job': return { kind: 'batch-inference' };
    case 'aoss-collection': return { kind: 'collection-ocu' };
    case 's3-prefix': return { kind: 's3-storage' };
    default: return { kind: 'none' };
  }
}

function readResource(v: unknown, i: number, defaultRegion: string, problems: string[]): PlanResource | undefined {
  const where = `resources[${i}]`;
  if (!isRecord(v)) { problems.push(`${where} must be an object.`); return undefined; }
  const kind = v['kind'];
  if (typeof kind !== 'string' || !(RESOURCE_KINDS as readonly string[]).includes(kind)) {
    problems.push(`${where}.kind must be one of ${RESOURCE_KINDS.join(', ')}.`);
    return undefined;
  }
  const k = kind as ResourceKind;
  const identity = readIdentity(v['identity'], where, problems);
  if (!identity) return undefined;
  const bad = identityProblem(k, identity);
  if (bad) { problems.push(`${where} (${k}) ${bad}.`); return undefined; }
  const after = v['after'];
  if (after !== undefined && !(Array.isArray(after) && after.every((a) => typeof a === 'string'))) {
    problems.push(`${where}.after must be an array of resource keys.`);
  }
  const selected = v['selected'];
  if (selected !== undefined && typeof selected !== 'boolean') problems.push(`${where}.selected must be true or false.`);
  const key = resourceKey(k, identity);
  return {
    key,
    kind: k,
    label: labelFor(k, identity),
    identity,
    region: typeof v['region'] === 'string' && v['region'] !== '' ? v['region'] : defaultRegion,
    reasons: readReasons(v['reasons'], where, problems),
    cost: readCost(v['cost'], k),
    after: Array.isArray(after) ? after.filter((a): a is string => typeof a === 'string') : [],
    selected: selected === true, // only an explicit tick deletes
  };
}

/** Parses a plan file's text. Keys are recomputed from identities, so a hand edit cannot make two keys disagree. */
export function parsePlan(text: string): PlanParse {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) {
    return { problems: [`The plan is not valid JSON: ${(e as Error).message}`] };
  }
  if (!isRecord(doc)) return { problems: ['A plan is a JSON object with "version", "region" and "resources".'] };
  if (doc['version'] !== PLAN_VERSION) {
    return { problems: [`Unsupported plan version ${JSON.stringify(doc['version'])}: this tool reads version ${PLAN_VERSION}. Delete the file and run again to discover a new plan.`] };
  }
  const problems: string[] = [];
  const region = typeof doc['region'] === 'string' ? doc['region'] : '';
  if (region === '') problems.push('"region" is required (e.g. "us-east-1").');
  const account = typeof doc['account'] === 'string' ? doc['account'] : '';
  if (!/^\d{12}$/.test(account)) problems.push('"account" must be the 12-digit AWS account id the plan was made in.');
  if (!Array.isArray(doc['resources'])) return { problems: [...problems, '"resources" must be an array.'] };
  const resources: PlanResource[] = [];
  const seen = new Set<string>();
  doc['resources'].forEach((r, i) => {
    const res = readResource(r, i, region, problems);
    if (!res) return;
    if (seen.has(res.key)) { problems.push(`resources[${i}] repeats ${res.key}.`); return; }
    seen.add(res.key);
    resources.push(res);
  });
  for (const r of resources) {
    for (const a of r.after) {
      if (!seen.has(a)) problems.push(`${r.key} waits for ${a}, which is not in the plan.`);
    }
  }
  if (problems.length > 0) return { problems };
  return {
    plan: { version: PLAN_VERSION, createdAt: typeof doc['createdAt'] === 'string' ? doc['createdAt'] : '', account, region, resources },
    problems,
  };
}

export function serializePlan(plan: CleanupPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
