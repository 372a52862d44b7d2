// Reading a batch job's results (docs/reference/bedrock-batch.md "Output"): one line per record, either
// `{recordId, modelInput, modelOutput}` or `{recordId, modelInput, error: {errorCode, errorMessage}}`, and the
// job's `manifest.json.out` summary. Pure: the aws side streams the files and hands over lines.

export type OutputLine =
  | { kind: 'vector'; recordId: string; vector: Float32Array }
  | { kind: 'error'; recordId: string; code: string; message: string }
  | { kind: 'bad'; message: string };

/** The vector in a modelOutput (the model family's response parser); Titan's `{embedding}` by default. */
export type OutputParser = (modelOutput: unknown) => readonly number[] | undefined;
const titanEmbedding: OutputParser = (out) => {
  const e = (out as { embedding?: unknown } | null)?.embedding;
  return Array.isArray(e) ? e as number[] : undefined;
};

/** Parses one output line; `length` is the embedding length asked for. Never throws. */
export function parseOutputLine(line: string, length: number, parse: OutputParser = titanEmbedding): OutputLine {
  let o: { recordId?: unknown; modelOutput?: unknown; error?: { errorCode?: unknown; errorMessage?: unknown } };
  try {
    o = JSON.parse(line) as typeof o;
  } catch {
    return { kind: 'bad', message: `not JSON: ${line.slice(0, 80)}` };
  }
  if (typeof o !== 'object' || o === null || typeof o.recordId !== 'string') return { kind: 'bad', message: `no recordId: ${line.slice(0, 80)}` };
  const recordId = o.recordId;
  if (o.error !== undefined && o.error !== null) {
    return { kind: 'error', recordId, code: String(o.error.errorCode ?? ''), message: String(o.error.errorMessage ?? 'no message') };
  }
  let e: readonly unknown[] | undefined;
  try {
    e = o.modelOutput === undefined ? undefined : parse(o.modelOutput);
  } catch {
    e = undefined;
  }
  const vector = Array.isArray(e) && e.length === length ? toVector(e) : undefined;
  if (!vector) return { kind: 'error', recordId, code: 'shape', message: `modelOutput has ${Array.isArray(e) ? `${e.length} values` : 'no embedding'}; expected ${length} finite numbers` };
  return { kind: 'vector', recordId, vector };
}

// Vectors are cut from 1 MB slabs: one allocation per 256 vectors of 1,024 instead of one each (100,000s are kept).
const SLAB_FLOATS = 262_144;
let slab = new Float32Array(0);
let used = 0;
function slabVector(n: number): Float32Array {
  if (used + n > slab.length) {
    slab = new Float32Array(Math.max(n, SLAB_FLOATS));
    used = 0;
  }
  used += n;
  return slab.subarray(used - n, used);
}

/** Checks and converts in one indexed pass (a job's output has 100,000s of vectors: no callbacks, no iterator). */
function toVector(values: readonly unknown[]): Float32Array | undefined {
  const out = slabVector(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
    out[i] = v;
  }
  return out;
}

export interface JobManifest {
  totalRecordCount?: number;
  processedRecordCount?: number;
  successRecordCount?: number;
  errorRecordCount?: number;
}

export function parseJobManifest(text: string): JobManifest {
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    const n = (k: string): number | undefined => (typeof o[k] === 'number' ? o[k] as number : undefined);
    const m: JobManifest = {};
    for (const k of ['totalRecordCount', 'processedRecordCount', 'successRecordCount', 'errorRecordCount'] as const) {
      const v = n(k);
      if (v !== undefined) m[k] = v;
    }
    return m;
  } catch {
    return {};
  }
}

/** Output objects under a job's output folder: result files end in `.jsonl.out`; the summary is `manifest.json.out`. */
export const isResultFile = (key: string): boolean => key.endsWith('.jsonl.out');
export const isJobManifest = (key: string): boolean => key.endsWith('/manifest.json.out') || key === 'manifest.json.out';
