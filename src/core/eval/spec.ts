// The compare spec (schemas/compare-spec.schema.json): parsed, validated with ajv, every problem located at a line
// and column of the spec file, defaults applied. Never throws on user input.

import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../schemas/compare-spec.schema.json';
import type { EvalMode } from '../../protocol/report';
import { compileLabelRule } from './labels';
import { jsonLocations } from './jsonLocations';
import { kProblem } from './kValues';

export type EmbeddingLengthValue = 256 | 384 | 1024;

export type VectorStoreSpec =
  | { type: 'exact' }
  | { type: 'opensearch-serverless'; collection: string; create?: boolean; allowPublicAccess?: boolean; sourceVpce?: string; principal?: string }
  | { type: 'opensearch'; endpoint: string; service?: 'es' | 'aoss' };

export interface CompareSpec {
  testSet: { manifest: string };
  gallery?: { manifest: string };
  trainingManifest?: string;
  labelRegex?: string;
  queries?: { template?: string; texts?: { text: string; label: string }[] };
  models: { name: string; modelId: string; baseline?: boolean }[];
  embeddingLength: EmbeddingLengthValue;
  modes: EvalMode[];
  k: number[];
  seed?: number;
  cacheDir?: string;
  vectorStore: VectorStoreSpec;
}

export interface SpecProblem {
  line: number;
  column: number;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** One message per place: oneOf alternatives explain themselves badly, so they are summarised. */
function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the spec' : e.instancePath.slice(1).replace(/\//g, '.');
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where}: unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `${where}: missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${where}: must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    case 'oneOf':
      return `${where}: must be {"type": "exact"}, {"type": "opensearch-serverless", "collection": ...} or {"type": "opensearch", "endpoint": ...}`;
    default:
      return `${where}: ${e.message ?? 'is invalid'}`;
  }
}

export function parseCompareSpec(text: string): { spec: CompareSpec } | { problems: SpecProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const at = syntaxErrorOffset(text, (e as Error).message);
    const before = text.slice(0, at);
    return { problems: [{ line: before.split('\n').length, column: at - before.lastIndexOf('\n'), message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const locations = jsonLocations(text);
  const at = (pointer: string): { line: number; column: number } => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const loc = locations.get(p);
      if (loc) return loc;
      if (p === '') return { line: 1, column: 1 };
    }
  };
  // k gets its own message with the value (the schema says only the limit), at the item's place.
  const rawK = typeof raw === 'object' && raw !== null ? (raw as { k?: unknown }).k : undefined;
  const kProblems = Array.isArray(rawK) ? rawK.flatMap((v: unknown, i) => {
    const p = kProblem(v);
    return p ? [{ ...at(`/k/${i}`), message: `k.${i}: ${p}` }] : [];
  }) : [];
  if (!validate(raw)) {
    const errors = (validate.errors ?? []).filter((e) => kProblems.length === 0 || !/^\/k\/\d+$/.test(e.instancePath));
    // Inside a failed oneOf, the branch errors repeat what the oneOf summary says.
    const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
    const kept = errors.filter((e) => e.keyword === 'oneOf' || !oneOfPaths.some((p) => e.instancePath.startsWith(p) && e.schemaPath.includes('/oneOf/')));
    const seen = new Set<string>();
    const problems = kept.flatMap((e) => {
      const message = describe(e);
      if (seen.has(message)) return [];
      seen.add(message);
      return [{ ...at(e.instancePath), message }];
    });
    return { problems: [...problems, ...kProblems].sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  const r = raw as Partial<CompareSpec> & Pick<CompareSpec, 'testSet' | 'models'>;
  const problems: SpecProblem[] = [];
  const rule = compileLabelRule(r.labelRegex);
  if ('error' in rule) problems.push({ ...at('/labelRegex'), message: rule.error });
  const names = new Set<string>();
  r.models.forEach((m, i) => {
    if (names.has(m.name)) problems.push({ ...at(`/models/${i}/name`), message: `model name "${m.name}" is used twice` });
    names.add(m.name);
  });
  const baselines = r.models.filter((m) => m.baseline);
  if (baselines.length > 1) problems.push({ ...at('/models'), message: 'only one model can be the baseline' });
  if (problems.length > 0) return { problems };
  return {
    spec: {
      ...r,
      embeddingLength: r.embeddingLength ?? 1024,
      modes: r.modes ?? ['text-to-image', 'image-to-image', 'classify'],
      k: [...(r.k ?? [1, 3, 5, 10])].sort((a, b) => a - b),
      vectorStore: r.vectorStore ?? { type: 'exact' },
    },
  };
}

/**
 * Offset of a JSON syntax error. Older Node versions do not always say the position, so the first prefix that fails
 * with something other than "unexpected end" is found (spec files are small).
 */
function syntaxErrorOffset(text: string, message: string): number {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  for (let i = 1; i <= Math.min(text.length, 65_536); i++) {
    try {
      JSON.parse(text.slice(0, i));
    } catch (e) {
      const msg = (e as Error).message;
      const pos = /position (\d+)/.exec(msg);
      // An error at the very end of the prefix (or "unexpected end") only means the prefix is incomplete.
      if (pos ? Number(pos[1]) < i : !/end of JSON input/.test(msg)) return pos ? Number(pos[1]) : i - 1;
    }
  }
  return text.length;
}

/** The baseline: the model marked so, else the first. */
export function baselineOf(spec: CompareSpec): string {
  return (spec.models.find((m) => m.baseline) ?? spec.models[0])?.name ?? '';
}
