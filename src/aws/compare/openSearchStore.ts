// The OpenSearch vector store: for each ranking the comparison asks for, the corpus goes into a fresh k-NN index
// (mapping states engine, space type and dimension), in `_bulk` batches; `_count` is polled until it equals what
// was written (no fixed waits); each query runs a k-NN search. Because HNSW is approximate, every query's top-k is
// also ranked exactly and the differences are reported.

import { randomBytes } from 'node:crypto';
import type { KnnFn } from '../../core/eval/modes';
import { exactKnnFast } from '../../core/eval/knnFast';
import { f32Dot, type Exclusions, type KnnResult } from '../../core/eval/topk';
import type { VectorStore } from '../../core/eval/vectorStore';
import type { VectorMatrix } from '../../core/eval/vectors';
import type { Clock } from '../../core/eval/pacer';
import { realClock } from '../../core/eval/pacer';
import type { OpenSearchDataPlane } from '../openSearch';

export const BULK_BATCH = 500;
const FIELD = 'embedding';

export interface OpenSearchStoreOptions {
  /** Index names start with this (lowercase). */
  prefix?: string;
  /** Give up waiting for `_count` after this long (Serverless: documents can take about 60 s to appear). */
  countTimeoutMs?: number;
  clock?: Clock;
  /** Keep the indexes after the run (default: delete them). */
  keepIndexes?: boolean;
}

export function openSearchStore(data: OpenSearchDataPlane, o: OpenSearchStoreOptions = {}): VectorStore {
  const prefix = o.prefix ?? `bedrock-mm-${randomBytes(4).toString('hex')}`;
  const clock = o.clock ?? realClock;
  const timeout = o.countTimeoutMs ?? 180_000;
  const created: string[] = [];
  const notes: string[] = [];
  let n = 0;

  const waitForCount = async (index: string, expected: number): Promise<void> => {
    const start = clock.now();
    let wait = 100;
    for (;;) {
      const count = await data.count(index);
      if (count === expected) return;
      if (count > expected) throw new Error(`OpenSearch index ${index} holds ${count} documents, more than the ${expected} written: delete it and run again.`);
      if (clock.now() - start > timeout) throw new Error(`OpenSearch index ${index} shows ${count} of ${expected} documents after ${Math.round(timeout / 1000)} s; Serverless can take about a minute, try again or raise the timeout.`);
      await clock.sleep(wait);
      wait = Math.min(wait * 2, 5_000);
    }
  };

  const knn: KnnFn = async (queries: VectorMatrix, corpus: VectorMatrix, k: number, exclude: Exclusions): Promise<KnnResult> => {
    const index = `${prefix}-${n++}`;
    await data.createVectorIndex({ index, field: FIELD, dimension: corpus.dim, spaceType: 'innerproduct', engine: 'faiss', otherFields: { row: { type: 'integer' } } });
    created.push(index);
    for (let start = 0; start < corpus.rows; start += BULK_BATCH) {
      const docs = [];
      for (let r = start; r < Math.min(corpus.rows, start + BULK_BATCH); r++) docs.push({ row: r, [FIELD]: Array.from(corpus.data.subarray(r * corpus.dim, (r + 1) * corpus.dim)) });
      const res = await data.bulkIndex(index, docs);
      if (res.errors.length > 0) throw new Error(`OpenSearch refused ${res.errors.length} of ${docs.length} documents in ${index}: ${res.errors[0]?.type} ${res.errors[0]?.reason}`);
    }
    await waitForCount(index, corpus.rows);
    const keep = Math.min(k, corpus.rows);
    const indices: Int32Array[] = [];
    const scores: Float32Array[] = [];
    for (let q = 0; q < queries.rows; q++) {
      const skip = exclude ? (exclude[q] as number) : -1;
      const hits = await data.knnSearch(index, FIELD, queries.data.subarray(q * queries.dim, (q + 1) * queries.dim), Math.min(corpus.rows, keep + (skip >= 0 ? 1 : 0)));
      const rows = hits.map((h) => Number(h.source['row'])).filter((r) => Number.isInteger(r) && r !== skip).slice(0, keep);
      indices.push(Int32Array.from(rows));
      // OpenSearch scores are a transform of the inner product; the report shows cosine like the exact store.
      scores.push(Float32Array.from(rows, (r) => f32Dot(queries.data, q * queries.dim, corpus.data, r * corpus.dim, corpus.dim)));
    }
    const exact = await exactKnnFast(queries, corpus, keep, exclude);
    let differing = 0;
    for (let q = 0; q < queries.rows; q++) {
      const a = indices[q] as Int32Array;
      const b = exact.indices[q] as Int32Array;
      if (a.length !== b.length || a.some((v, i) => v !== b[i])) differing++;
    }
    if (differing > 0) notes.push(`OpenSearch (approximate HNSW) top-${keep} differs from exact search for ${differing} of ${queries.rows} queries in index ${index}; metrics use OpenSearch's ranking`);
    return { k: keep, indices, scores };
  };

  return {
    kind: 'opensearch',
    knn,
    warnings: () => [...notes],
    close: async () => {
      if (!o.keepIndexes) for (const index of created.splice(0)) await data.deleteIndex(index);
    },
  };
}
