import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactKnnWasm, wasmSimdAvailable } from '../../../src/core/eval/knnFast';
import { seededRandom } from '../../../src/core/random';
import { exactKnnNaive, type KnnResult } from '../../../src/core/eval/topk';
import { normalisedMatrix, type VectorMatrix } from '../../../src/core/eval/vectors';

function randomRows(rows: number, dim: number, seed: number): number[][] {
  const r = seededRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: dim }, () => r() * 2 - 1));
}

function assertSame(fast: KnnResult, naive: KnnResult): void {
  assert.equal(fast.k, naive.k);
  assert.equal(fast.indices.length, naive.indices.length);
  naive.indices.forEach((idx, q) => {
    assert.deepEqual(Array.from(fast.indices[q] ?? []), Array.from(idx), `ranking of query ${q}`);
    assert.deepEqual(Array.from(fast.scores[q] ?? []), Array.from(naive.scores[q] ?? []), `scores of query ${q}`);
  });
}

/** Odd sizes (not multiples of the 4x8 block), duplicated vectors (exact ties) and a few exact copies of queries. */
function tricky(dim: number): { q: VectorMatrix; c: VectorMatrix } {
  const corpus = randomRows(203, dim, 5);
  for (let i = 0; i < 20; i++) corpus[100 + i] = corpus[i] as number[]; // ties: the earlier copy must rank first
  const queries = randomRows(69, dim, 6);
  queries[3] = corpus[7] as number[];
  return { q: normalisedMatrix(queries, dim), c: normalisedMatrix(corpus, dim) };
}

test('knn fast path: WebAssembly SIMD kernel equals the naive path exactly (rankings, ties and scores)', { skip: !wasmSimdAvailable() && 'no WebAssembly SIMD in this runtime' }, async () => {
  for (const dim of [1, 7, 33]) {
    const { q, c } = tricky(dim);
    for (const k of [1, 10, 250]) assertSame(await exactKnnWasm(q, c, k, undefined, { threads: 0 }), exactKnnNaive(q, c, k, undefined));
  }
});

test('knn fast path: leave-one-out exclusions and worker threads give the same result', { skip: !wasmSimdAvailable() && 'no WebAssembly SIMD in this runtime' }, async () => {
  const { c } = tricky(16);
  const exclude = Int32Array.from({ length: c.rows }, (_, i) => (i % 5 === 0 ? -1 : i));
  const naive = exactKnnNaive(c, c, 12, exclude);
  assertSame(await exactKnnWasm(c, c, 12, exclude, { threads: 0 }), naive);
  assertSame(await exactKnnWasm(c, c, 12, exclude, { threads: 2 }), naive);
  assert.ok(!Array.from(naive.indices[1] ?? []).includes(1), 'row 1 excluded from its own results');
});
