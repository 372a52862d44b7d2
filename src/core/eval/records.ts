// Embeddings import/export as JSONL, one file per model: {"id", "label", "kind": "image"|"text", "vector": [...]}
// plus an optional "text" (the caption a text record was embedded from). Parsing never throws: every bad line becomes
// a located message saying what to fix.

export type RecordKind = 'image' | 'text';

export interface EmbeddingRecord {
  id: string;
  label: string;
  kind: RecordKind;
  vector: number[];
  text?: string;
}

export interface LineError {
  line: number;
  message: string;
}

export interface ParsedEmbeddings {
  records: EmbeddingRecord[];
  errors: LineError[];
  dim: number;
}

export function parseEmbeddingsJsonl(text: string): ParsedEmbeddings {
  const records: EmbeddingRecord[] = [];
  const errors: LineError[] = [];
  const seen = new Set<string>();
  let dim = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const fail = (message: string): void => void errors.push({ line, message });
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      return fail(`not valid JSON (${(e as Error).message}); each line must be one JSON object`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('each line must be a JSON object');
    const o = v as Record<string, unknown>;
    const id = o['id'];
    const label = o['label'];
    const kind = o['kind'];
    const vector = o['vector'];
    if (typeof id !== 'string' || id === '') return fail('"id" must be a non-empty string');
    if (typeof label !== 'string') return fail(`"label" must be a string (record ${id})`);
    if (kind !== 'image' && kind !== 'text') return fail(`"kind" must be "image" or "text" (record ${id})`);
    if (!Array.isArray(vector) || vector.length === 0) return fail(`"vector" must be a non-empty array of numbers (record ${id})`);
    const bad = vector.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
    if (bad >= 0) return fail(`"vector"[${bad}] is not a finite number (record ${id})`);
    if (dim === 0) dim = vector.length;
    else if (vector.length !== dim) return fail(`"vector" has ${vector.length} values but earlier records have ${dim} (record ${id}); one file holds one model at one embedding length`);
    const key = `${kind}\u0000${id}`;
    if (seen.has(key)) return fail(`duplicate ${kind} id "${id}"`);
    seen.add(key);
    const rec: EmbeddingRecord = { id, label, kind, vector: vector as number[] };
    if (typeof o['text'] === 'string') rec.text = o['text'];
    records.push(rec);
  });
  return { records, errors, dim };
}

/** One JSONL line per record (the export format that parseEmbeddingsJsonl reads back). */
export function formatEmbeddingsJsonl(records: readonly EmbeddingRecord[]): string {
  return records
    .map((r) => JSON.stringify({ id: r.id, label: r.label, kind: r.kind, ...(r.text !== undefined ? { text: r.text } : {}), vector: r.vector }))
    .join('\n') + (records.length > 0 ? '\n' : '');
}
