// Exact top-k over a dense score row, and the plain-JS exact kNN that every fast path must equal.
//
// Score definition (shared with the WebAssembly kernel so both rank identically, bit for bit): the dot product of
// two normalised float32 vectors, accumulated sequentially over the dimensions in float32 arithmetic
// (s = f32(s + f32(q[d] * c[d]))). Ties in score are broken by corpus order: the earlier corpus item ranks first.

import type { VectorMatrix } from './vectors';

export interface KnnResult {
  /** Neighbours asked for per query, capped at the corpus size (a query with an exclusion may get one fewer). */
  k: number;
  /** indices[q] = corpus row indexes in rank order. */
  indices: Int32Array[];
  scores: Float32Array[];
}

/** Optional per-query corpus row to skip (leave-one-out): -1 for none. */
export type Exclusions = Int32Array | undefined;

/**
 * Keeps the k best (score, index) pairs of one row. Insertion into a small sorted buffer: k is small (<= a few
 * hundred) and most candidates are rejected by the single threshold comparison.
 */
export class TopKCollector {
  readonly idx: Int32Array;
  readonly val: Float32Array;
  size = 0;
  constructor(readonly k: number) {
    this.idx = new Int32Array(k);
    this.val = new Float32Array(k);
  }
  reset(): void {
    this.size = 0;
  }
  /** Candidates must arrive in corpus order: a later equal score never displaces an earlier one. */
  offer(score: number, index: number): void {
    const k = this.k;
    if (k === 0) return;
    if (this.size === k && !(score > (this.val[k - 1] as number))) return;
    let pos = this.size < k ? this.size++ : k - 1;
    while (pos > 0 && score > (this.val[pos - 1] as number)) {
      this.val[pos] = this.val[pos - 1] as number;
      this.idx[pos] = this.idx[pos - 1] as number;
      pos--;
    }
    this.val[pos] = score;
    this.idx[pos] = index;
  }
  take(): { indices: Int32Array; scores: Float32Array } {
    return { indices: this.idx.slice(0, this.size), scores: this.val.slice(0, this.size) };
  }
}

/** The shared float32 score of query row q and corpus row c (see the file comment). */
export function f32Dot(a: Float32Array, aOff: number, b: Float32Array, bOff: number, dim: number): number {
  const fr = Math.fround;
  let s = 0;
  for (let d = 0; d < dim; d++) s = fr(s + fr((a[aOff + d] as number) * (b[bOff + d] as number)));
  return s;
}

/** The reference implementation: plain JS, one dot product at a time. */
export function exactKnnNaive(queries: VectorMatrix, corpus: VectorMatrix, k: number, exclude?: Exclusions): KnnResult {
  if (queries.dim !== corpus.dim) throw new RangeError(`query dimension ${queries.dim} differs from corpus dimension ${corpus.dim}`);
  // A leave-one-out query keeps one neighbour less when k reaches the corpus size.
  const keep = Math.max(0, Math.min(k, corpus.rows));
  const col = new TopKCollector(keep);
  const indices: Int32Array[] = [];
  const scores: Float32Array[] = [];
  for (let q = 0; q < queries.rows; q++) {
    col.reset();
    const skip = exclude ? (exclude[q] as number) : -1;
    for (let c = 0; c < corpus.rows; c++) {
      if (c === skip) continue;
      col.offer(f32Dot(queries.data, q * queries.dim, corpus.data, c * corpus.dim, corpus.dim), c);
    }
    const t = col.take();
    indices.push(t.indices);
    scores.push(t.scores);
  }
  return { k: keep, indices, scores };
}
