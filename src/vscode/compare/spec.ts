// The compare spec this build can run: models given as imported embeddings files (JSONL, one per model), scored
// by the comparison engine with no AWS call. Pure (no vscode): parsing returns every problem with its place.
// The full spec of schemas/compare-spec.schema.json (embedding through Bedrock) is the comparison pipeline's.
import * as path from 'node:path';
import { jsonLocations } from '../../core/eval/jsonLocations';
import { kProblem } from '../../core/eval/kValues';
import { EVAL_MODES, type EvalMode } from '../../protocol/report';

export interface EmbeddingsSpec {
  models: { name: string; embeddings: string }[];
  baseline: string;
  modes: EvalMode[];
  k: number[];
  labelRegex: string | undefined;
  /** Where the report is written (absolute). */
  output: string;
}

export const DEFAULT_MODES: EvalMode[] = ['text-to-image', 'image-to-image', 'classify'];
export const DEFAULT_K = [1, 3, 5, 10];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The report path for a spec file: `x.compare.json` -> `x.report.json` beside it. */
export function defaultReportPath(specPath: string): string {
  return path.join(path.dirname(specPath), `${path.basename(specPath).replace(/(\.compare)?\.json$/i, '')}.report.json`);
}

/** Validates a parsed spec; relative paths are resolved against `baseDir` (the spec's folder). `text`: the spec file's text, to place problems at line:column. */
export function parseEmbeddingsSpec(value: unknown, baseDir: string, defaultOutput: string, text?: string): { spec: EmbeddingsSpec } | { errors: string[] } {
  const errors: string[] = [];
  if (!isRecord(value)) return { errors: ['the spec must be a JSON object with "models"'] };
  const models: EmbeddingsSpec['models'] = [];
  const rawModels = value['models'];
  if (!Array.isArray(rawModels) || rawModels.length < 2) errors.push('"models" must list at least two models, each {"name", "embeddings": "file.jsonl"}');
  else {
    rawModels.forEach((m: unknown, i) => {
      if (!isRecord(m) || typeof m['name'] !== 'string' || m['name'] === '') return errors.push(`models[${i}] needs a non-empty "name"`);
      if (typeof m['embeddings'] !== 'string' || m['embeddings'] === '') return errors.push(`models[${i}] ("${m['name']}") needs "embeddings": the path of its embeddings JSONL (comparing by model id needs the comparison pipeline)`);
      if (models.some((x) => x.name === m['name'])) return errors.push(`models[${i}]: the name "${m['name']}" is used twice`);
      models.push({ name: m['name'], embeddings: path.resolve(baseDir, m['embeddings']) });
      return undefined;
    });
  }
  const flagged = Array.isArray(rawModels) ? rawModels.find((m: unknown) => isRecord(m) && m['baseline'] === true) as Record<string, unknown> | undefined : undefined;
  const baseline = typeof value['baseline'] === 'string' ? value['baseline'] : typeof flagged?.['name'] === 'string' ? flagged['name'] : models[0]?.name ?? '';
  if (models.length > 0 && !models.some((m) => m.name === baseline)) errors.push(`"baseline" is "${baseline}", which is not one of the models (${models.map((m) => m.name).join(', ')})`);
  let modes = DEFAULT_MODES;
  if (value['modes'] !== undefined) {
    if (!Array.isArray(value['modes']) || value['modes'].length === 0 || value['modes'].some((m) => !EVAL_MODES.includes(m as EvalMode))) {
      errors.push(`"modes" must be a non-empty list of ${EVAL_MODES.join(', ')}`);
    } else modes = [...new Set(value['modes'] as EvalMode[])];
  }
  let k = DEFAULT_K;
  if (value['k'] !== undefined) {
    const raw = value['k'];
    if (!Array.isArray(raw) || raw.length === 0) errors.push('"k" must be a non-empty list of integers from 1 to 1,000, e.g. [1, 3, 5, 10]');
    else {
      const locations = text === undefined ? undefined : jsonLocations(text);
      const bad = raw.flatMap((x: unknown, i) => {
        const problem = kProblem(x);
        const loc = locations?.get(`/k/${i}`);
        return problem ? [`${loc ? `${loc.line}:${loc.column}: ` : ''}"k"[${i}] ${problem}`] : [];
      });
      if (bad.length > 0) errors.push(...bad);
      else k = [...new Set(raw as number[])].sort((a, b) => a - b);
    }
  }
  const str = (key: string): string | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') { errors.push(`"${key}" must be a string`); return undefined; }
    return v;
  };
  const labelRegex = str('labelRegex');
  const output = str('output');
  if (errors.length > 0) return { errors };
  return {
    spec: {
      models, baseline, modes, k, labelRegex,
      output: output === undefined ? defaultOutput : path.resolve(baseDir, output),
    },
  };
}
