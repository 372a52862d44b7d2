// The documents of one OpenSearch scope (a Serverless collection, or the emulated managed domain): indexes with
// their knn_vector fields, and documents that become searchable once simulated time passes their visibleAt.
import { randomUUID } from 'node:crypto';
import { parseKnnField, score, type KnnField } from './knn';

export class OpenSearchError extends Error {
  constructor(readonly status: number, readonly type: string, reason: string, readonly index?: string) {
    super(reason);
  }
}

export interface Doc { id: string; source: Record<string, unknown>; visibleAt: number }

export interface IndexData {
  name: string;
  settings: Record<string, unknown>;
  mappings: Record<string, unknown>;
  knn: Map<string, KnnField>;
  docs: Map<string, Doc>;
  createdAt: number;
}

const INDEX_NAME = /^[a-z0-9][^\\/*?"<>| ,#:A-Z]{0,254}$/;

export function checkIndexName(name: string): void {
  if (!INDEX_NAME.test(name) || name === '.' || name === '..') {
    throw new OpenSearchError(400, 'invalid_index_name_exception', `Invalid index name [${name}], must be lowercase, must not start with '_', '-' or '+', and must not contain \\, /, *, ?, ", <, >, |, space, comma or #`, name);
  }
}

function knnEnabled(settings: Record<string, unknown>): boolean {
  const index = settings['index'] as Record<string, unknown> | undefined;
  const v = settings['index.knn'] ?? index?.['knn'];
  return v === true || v === 'true';
}

export function buildIndex(name: string, body: Record<string, unknown>, serverless: boolean, now: number): IndexData {
  checkIndexName(name);
  const settings = (body['settings'] ?? {}) as Record<string, unknown>;
  const mappings = (body['mappings'] ?? {}) as Record<string, unknown>;
  const props = (mappings['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const knn = new Map<string, KnnField>();
  for (const [field, prop] of Object.entries(props)) {
    if (prop?.['type'] !== 'knn_vector') continue;
    const parsed = parseKnnField(field, prop, knnEnabled(settings), serverless);
    if (typeof parsed === 'string') throw new OpenSearchError(400, 'mapper_parsing_exception', `Failed to parse mapping [_doc]: ${parsed}`, name);
    knn.set(field, parsed);
  }
  return { name, settings, mappings, knn, docs: new Map(), createdAt: now };
}

/** Checks a document's vectors against the mapping; returns an error reason or undefined. */
export function checkDocument(index: IndexData, source: Record<string, unknown>): string | undefined {
  for (const [field, f] of index.knn) {
    const v = source[field];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) return `failed to parse field [${field}] of type [knn_vector]: the vector must be an array of numbers`;
    if (v.length !== f.dimension) return `Vector dimension mismatch. Expected: ${f.dimension}, Given: ${v.length}`;
  }
  return undefined;
}

export function addDocument(index: IndexData, id: string | undefined, source: Record<string, unknown>, visibleAt: number): { id: string; created: boolean } {
  const docId = id ?? randomUUID().replace(/-/g, '').slice(0, 20);
  const created = !index.docs.has(docId);
  index.docs.set(docId, { id: docId, source, visibleAt });
  return { id: docId, created };
}

export function visibleDocs(index: IndexData, now: number): Doc[] {
  return [...index.docs.values()].filter((d) => d.visibleAt <= now);
}

export interface KnnQuery { field: string; vector: number[]; k: number }

export function parseKnnQuery(index: IndexData, query: Record<string, unknown>): KnnQuery {
  const knn = query['knn'] as Record<string, Record<string, unknown>> | undefined;
  const entries = Object.entries(knn ?? {});
  const [entry] = entries;
  if (!entry || entries.length !== 1) throw new OpenSearchError(400, 'parsing_exception', '[knn] query must name exactly one field', index.name);
  const [field, spec] = entry;
  const f = index.knn.get(field);
  if (!f) throw new OpenSearchError(400, 'query_shard_exception', `Field '${field}' is not knn_vector type.`, index.name);
  const vector = spec['vector'];
  const k = spec['k'];
  if (!Array.isArray(vector) || vector.some((x) => typeof x !== 'number')) throw new OpenSearchError(400, 'parsing_exception', '[knn] requires a numeric vector', index.name);
  if (vector.length !== f.dimension) throw new OpenSearchError(400, 'illegal_argument_exception', `Query vector has invalid dimension: ${vector.length}. Dimension should be: ${f.dimension}`, index.name);
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > 10_000) throw new OpenSearchError(400, 'illegal_argument_exception', '[knn] requires k >= 1 and <= 10000', index.name);
  return { field, vector: vector as number[], k };
}

/**
 * Exact k-NN: every visible document scored, best first; ties broken by id for stable results. With `missRate`,
 * that share of queries (chosen by a hash of the vector) loses its best hit, as an approximate index may.
 */
export function knnSearch(index: IndexData, q: KnnQuery, now: number, missRate = 0): { doc: Doc; score: number }[] {
  const spaceType = index.knn.get(q.field)?.spaceType ?? 'l2';
  const ranked = visibleDocs(index, now)
    .filter((d) => Array.isArray(d.source[q.field]))
    .map((d) => ({ doc: d, score: score(spaceType, q.vector, d.source[q.field] as number[]) }))
    .sort((a, b) => b.score - a.score || (a.doc.id < b.doc.id ? -1 : 1));
  const misses = missRate > 0 && vectorHash(q.vector) / 2 ** 32 < missRate;
  return ranked.slice(misses ? 1 : 0, (misses ? 1 : 0) + q.k);
}

function vectorHash(v: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const x of v) h = Math.imul(h ^ Math.round(x * 1e6), 0x01000193);
  return h >>> 0;
}
