// The compare spec (schemas/compare-spec.schema.json), parsed once for every caller (CLI, pipeline, VS Code):
// validated with ajv, every problem located at a line and column, the schema's defaults applied. A model's source is
// `modelId` (embedded through Bedrock) or `embeddings` (a JSONL file, scored with no AWS call). Never throws on input.

import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../schemas/compare-spec.schema.json';
import type { EvalMode } from '../../protocol/report';
import { settingProblem } from './batch/route';
import { planFor } from './families/forModel';
import { resolveFamily } from './families/index';
import { compileLabelRule } from './labels';
import { jsonLocations } from './jsonLocations';
import { kProblem } from './kValues';
import type { CompareSpec, CompareSpecFile, EmbeddingLengthValue, EmbeddingsSpec, ModelById, ModelFromFile, ParsedCompareSpec, SpecPlace, SpecProblem } from './specTypes';

export type * from './specTypes';

// The defaults live in the schema (so IntelliSense shows them); read from there, nowhere else.
export const DEFAULT_K: readonly number[] = schema.properties.k.default;
export const DEFAULT_MODES: readonly EvalMode[] = schema.properties.modes.default as EvalMode[];
export const DEFAULT_EMBEDDING_LENGTH = schema.properties.embeddingLength.default as EmbeddingLengthValue;

/** Keys that only the Bedrock pipeline reads: an embeddings file carries its own labels and vectors. */
const PIPELINE_ONLY = ['testSet', 'gallery', 'validationManifest', 'queries', 'embeddingLength', 'cacheDir', 'vectorStore', 'nearDuplicateDistance', 'batch'] as const;

/**
 * A spec with its warnings (the old form), or every problem; `beyondSchema` is the part the schema cannot say (so
 * VS Code's JSON validation, bound through jsonValidation, does not show it already).
 */
export type SpecResult = { spec: ParsedCompareSpec; warnings: SpecProblem[] } | { problems: SpecProblem[]; beyondSchema: SpecProblem[] };

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** `x.compare.json` -> `x.report.json` beside it: the report's place when the spec names no `output`. */
export function reportPathFor(specPath: string): string {
  return path.join(path.dirname(specPath), `${path.basename(specPath).replace(/(\.compare)?\.json$/i, '')}.report.json`);
}

/** The place of a spec file: paths relative to its folder, the report beside it. */
export function placeOfFile(specPath: string): SpecPlace {
  return { baseDir: path.dirname(path.resolve(specPath)), defaultOutput: reportPathFor(path.resolve(specPath)) };
}

/** One message per place: oneOf alternatives explain themselves badly, so they are summarised. */
function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the spec' : e.instancePath.slice(1).replace(/\//g, '.');
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where}: unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'type':
      return e.instancePath === '' ? 'the spec must be a JSON object with "models"' : `${where}: ${e.message ?? 'has the wrong type'}`;
    case 'required':
      return `${where}: missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${where}: must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    case 'oneOf':
      if (/^\/models\/\d+$/.test(e.instancePath)) {
        return (e.params as { passingSchemas: number[] | null }).passingSchemas
          ? `${where}: give "modelId" or "embeddings", not both`
          : `${where}: missing required property "modelId" (a model id or ARN, embedded through Bedrock) or "embeddings" (an embeddings JSONL file)`;
      }
      return `${where}: must be {"type": "exact"}, {"type": "opensearch-serverless", "collection": ...} or {"type": "opensearch", "endpoint": ...}`;
    default:
      return `${where}: ${e.message ?? 'is invalid'}`;
  }
}

/** Parses a spec file's text; `place` resolves its relative paths (default: the current folder). */
export function parseCompareSpec(text: string, place?: SpecPlace): SpecResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const at = syntaxErrorOffset(text, (e as Error).message);
    const before = text.slice(0, at);
    return { problems: [{ line: before.split('\n').length, column: at - before.lastIndexOf('\n'), message: `not valid JSON: ${(e as Error).message}` }], beyondSchema: [] };
  }
  return check(raw, jsonLocations(text), place);
}

/** Parses a spec given as a value (a command's argument): problems have no place (line 1, column 1). */
export function parseCompareSpecValue(value: unknown, place?: SpecPlace): SpecResult {
  return check(value, new Map(), place);
}

function check(raw: unknown, locations: Map<string, { line: number; column: number }>, place: SpecPlace = { baseDir: path.resolve('.'), defaultOutput: path.resolve('comparison.report.json') }): SpecResult {
  const at = (pointer: string): { line: number; column: number } => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const loc = locations.get(p);
      if (loc) return loc;
      if (p === '') return { line: 1, column: 1 };
    }
  };
  const sorted = (ps: SpecProblem[]): SpecProblem[] => ps.sort((a, b) => a.line - b.line || a.column - b.column);
  // k gets its own message with the value (the schema says only the limit), at the item's place.
  const rawK = typeof raw === 'object' && raw !== null ? (raw as { k?: unknown }).k : undefined;
  const kProblems = Array.isArray(rawK) ? rawK.flatMap((v: unknown, i) => {
    const p = kProblem(v);
    return p ? [{ ...at(`/k/${i}`), message: `k.${i}: ${p}` }] : [];
  }) : [];
  if (!validate(raw)) {
    // `if` only says its `then` failed; the `then` error itself is reported.
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if' && (kProblems.length === 0 || !/^\/k\/\d+$/.test(e.instancePath)));
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
    const beyondSchema = sorted([...kProblems, ...nameProblems(raw, at)]);
    return { problems: sorted([...problems, ...beyondSchema]), beyondSchema };
  }
  const r = raw as unknown as CompareSpecFile;
  const problems: SpecProblem[] = [];
  const warnings: SpecProblem[] = [];
  const rule = compileLabelRule(r.labelRegex);
  if ('error' in rule) problems.push({ ...at('/labelRegex'), message: rule.error });
  problems.push(...nameProblems(raw, at));
  let models = r.models;
  if (r.baseline !== undefined && problems.length === 0) {
    const flagged = r.models.find((m) => m.baseline);
    if (flagged && flagged.name !== r.baseline) problems.push({ ...at('/baseline'), message: `"baseline" is "${r.baseline}" but the model "${flagged.name}" says "baseline": true` });
    else {
      warnings.push({ ...at('/baseline'), message: `"baseline": "${r.baseline}" is the old form of the embeddings spec: write "baseline": true in the models entry of "${r.baseline}" and remove this line` });
      models = r.models.map((m) => (m.name === r.baseline ? { ...m, baseline: true } : m));
    }
  }
  const byFile = models.filter((m): m is ModelFromFile => 'embeddings' in m);
  const byId = models.filter((m): m is ModelById => 'modelId' in m);
  if (byFile.length > 0 && byId.length > 0) {
    problems.push({ ...at('/models'), message: `models: give every model by "modelId" or every model by "embeddings" (${byId[0]?.name} has a modelId, ${byFile[0]?.name} an embeddings file)` });
  } else if (byFile.length > 0) {
    byFile.forEach((m) => {
      if ('inference' in m) problems.push({ ...at(`/models/${models.indexOf(m)}/inference`), message: `models.${models.indexOf(m)}.inference: applies to models given by "modelId"` });
    });
    if (byFile.length < 2) problems.push({ ...at('/models'), message: 'models: comparing embeddings files needs at least two models, the baseline and one to compare with it' });
    for (const key of PIPELINE_ONLY) {
      if (r[key] !== undefined) problems.push({ ...at(`/${key}`), message: `${key}: applies to models given by "modelId"; these models give "embeddings" files, which carry their own labels and vectors` });
    }
  }
  byId.forEach((m) => {
    const f = resolveFamily(m.modelId, m.family);
    const p = settingProblem(m.modelId, m.inference ?? 'auto', 'family' in f ? f.family : undefined);
    if (p) problems.push({ ...at(`/models/${models.indexOf(m)}/inference`), message: `models.${models.indexOf(m)}.inference: ${p}` });
  });
  if (byFile.length === 0) {
    // Each model's family (named or inferred from its id) and its dimension, at the place that decides it.
    const length = r.embeddingLength ?? DEFAULT_EMBEDDING_LENGTH;
    models.forEach((m, i) => {
      if (!('modelId' in m)) return;
      const plan = planFor(m, length);
      if ('problem' in plan) {
        const key = plan.problem.startsWith('dimension') ? 'dimension' : m.family !== undefined ? 'family' : 'modelId';
        problems.push({ ...at(`/models/${i}/${key}`), message: `models.${i}.${key}: ${plan.problem}` });
      }
    });
  }
  if (r.validationManifest !== undefined && r.trainingManifest !== undefined && path.resolve(place.baseDir, r.validationManifest) === path.resolve(place.baseDir, r.trainingManifest)) {
    problems.push({ ...at('/validationManifest'), message: `validationManifest: "${r.validationManifest}" is the trainingManifest too; name the fine-tuning job's validation manifest, or leave it out` });
  }
  if (problems.length > 0) return { problems: sorted(problems), beyondSchema: sorted([...problems]) };
  const common = {
    modes: [...new Set(r.modes ?? DEFAULT_MODES)],
    k: [...new Set(r.k ?? DEFAULT_K)].sort((a, b) => a - b),
    output: r.output === undefined ? place.defaultOutput : path.resolve(place.baseDir, r.output),
  };
  if (byFile.length > 0) {
    const spec: EmbeddingsSpec = {
      kind: 'embeddings',
      models: byFile.map((m) => ({ ...m, embeddings: path.resolve(place.baseDir, m.embeddings) })),
      baseline: (byFile.find((m) => m.baseline) ?? byFile[0])?.name ?? '',
      ...common,
      ...(r.labelRegex !== undefined ? { labelRegex: r.labelRegex } : {}),
      ...(r.seed !== undefined ? { seed: r.seed } : {}),
      ...(r.map !== undefined ? { map: r.map } : {}),
      ...(r.trainingManifest !== undefined ? { trainingManifest: path.resolve(place.baseDir, r.trainingManifest) } : {}),
    };
    return { spec, warnings };
  }
  const { baseline: _old, ...rest } = r;
  const spec: CompareSpec = {
    ...rest,
    kind: 'models',
    testSet: r.testSet ?? { manifest: '' }, // required by the schema when models give modelId
    models: byId,
    embeddingLength: r.embeddingLength ?? DEFAULT_EMBEDDING_LENGTH,
    vectorStore: r.vectorStore ?? { type: 'exact' },
    ...common,
  };
  return { spec, warnings };
}

/** Names used twice, baselines that name no model: checked on whatever the models list holds, valid or not. */
function nameProblems(raw: unknown, at: (pointer: string) => { line: number; column: number }): SpecProblem[] {
  const value = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw as Record<string, unknown> : {};
  const models = Array.isArray(value['models']) ? value['models'] as unknown[] : [];
  const items = models.map((m) => (typeof m === 'object' && m !== null ? m as Record<string, unknown> : {}));
  const names = items.map((m) => m['name']).filter((n): n is string => typeof n === 'string' && n !== '');
  const problems: SpecProblem[] = [];
  items.forEach((m, i) => {
    const name = m['name'];
    if (typeof name === 'string' && items.findIndex((x) => x['name'] === name) !== i) problems.push({ ...at(`/models/${i}/name`), message: `model name "${name}" is used twice` });
  });
  if (items.filter((m) => m['baseline'] === true).length > 1) problems.push({ ...at('/models'), message: 'only one model can be the baseline' });
  const baseline = value['baseline'];
  if (typeof baseline === 'string' && names.length > 0 && !names.includes(baseline)) {
    problems.push({ ...at('/baseline'), message: `"baseline" is "${baseline}", which is not one of the models (${[...new Set(names)].join(', ')})` });
  }
  return problems;
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
export function baselineOf(spec: { models: readonly { name: string; baseline?: boolean }[] }): string {
  return (spec.models.find((m) => m.baseline) ?? spec.models[0])?.name ?? '';
}
