import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactKnnNaive, f32Dot } from '../../../src/core/eval/topk';
import { normalisedMatrix } from '../../../src/core/eval/vectors';
import { seededRandom } from '../../../src/core/random';

function randomMatrix(rows: number, dim: number, seed: number): number[][] {
  const r = seededRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: dim }, () => r() * 2 - 1));
}

test('knn: naive top-k equals a full sort by (score desc, corpus index asc)', () => {
  const q = normalisedMatrix(randomMatrix(20, 16, 1), 16);
  const c = normalisedMatrix(randomMatrix(50, 16, 2), 16);
  const res = exactKnnNaive(q, c, 7, undefined);
  for (let i = 0; i < q.rows; i++) {
    const all = Array.from({ length: c.rows }, (_, j) => ({ j, s: f32Dot(q.data, i * 16, c.data, j * 16, 16) }));
    all.sort((a, b) => b.s - a.s || a.j - b.j);
    assert.deepEqual(Array.from(res.indices[i] ?? []), all.slice(0, 7).map((x) => x.j));
  }
});

test('knn: ties are broken by corpus order, leave-one-out skips the query row', () => {
  const c = normalisedMatrix([[1, 0], [0, 1], [1, 0], [1, 0]], 2);
  const q = normalisedMatrix([[1, 0], [1, 0]], 2);
  const res = exactKnnNaive(q, c, 4, Int32Array.from([-1, 2]));
  assert.deepEqual(Array.from(res.indices[0] ?? []), [0, 2, 3, 1]);
  assert.deepEqual(Array.from(res.indices[1] ?? []), [0, 3, 1]);
  assert.equal(res.k, 4);
});

test('knn: vectors are L2-normalised on the way in; zero vectors score 0', () => {
  const m = normalisedMatrix([[3, 4], [0, 0]], 2);
  assert.deepEqual(Array.from(m.data), [Math.fround(0.6), Math.fround(0.8), 0, 0]);
  assert.throws(() => normalisedMatrix([[1, 2, 3]], 2), /3 values, expected 2/);
});
