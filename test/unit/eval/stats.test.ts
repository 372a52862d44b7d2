import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mcnemarExact, pairedBootstrapCi, signFlipTest } from '../../../src/core/eval/stats';

test('mcnemar: reference run b=0 c=18 gives exactly 2 x 0.5^18', () => {
  assert.equal(mcnemarExact(0, 18), 2 * 0.5 ** 18);
  assert.equal(mcnemarExact(18, 0), 2 * 0.5 ** 18);
});

test('mcnemar: exact binomial sums', () => {
  // n = 8, min = 3: 2 (C(8,0)+C(8,1)+C(8,2)+C(8,3)) / 2^8 = 2 * 93 / 256.
  assert.equal(mcnemarExact(3, 5), (2 * 93) / 256);
  // n = 10, min = 1: 2 (1 + 10) / 1024.
  assert.equal(mcnemarExact(1, 9), 22 / 1024);
  assert.equal(mcnemarExact(4, 4), 1);
  assert.equal(mcnemarExact(0, 0), 1);
});

test('mcnemar: large counts neither overflow nor lose the tail', () => {
  assert.equal(mcnemarExact(0, 1060), 2 ** -1059);
  assert.equal(mcnemarExact(700, 700), 1);
  const p = mcnemarExact(950, 1050);
  assert.ok(Number.isFinite(p) && p > 0.02 && p < 0.04, `p = ${p}`);
  // Cross-check against a log-space sum.
  const n = 2000;
  let logC = 0;
  let acc = 0;
  for (let i = 0; i <= 950; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    acc += Math.exp(logC - n * Math.LN2);
  }
  assert.ok(Math.abs(p - 2 * acc) / p < 1e-9, `${p} vs ${2 * acc}`);
});

test('randomization: exact enumeration', () => {
  assert.deepEqual(signFlipTest([1, 1, 1], 100, 1), { p: 2 / 8, method: 'exact', permutations: 8 });
  assert.equal(signFlipTest([1, -1, 0, 0], 100, 1).p, 1);
  assert.equal(signFlipTest([0, 0], 100, 1).p, 1);
  assert.equal(signFlipTest(Array(18).fill(1), 100, 1).p, 2 * 0.5 ** 18);
  // Sums of +-0.5 +-0.25 +-0.25: only +++ and --- reach |1|.
  assert.equal(signFlipTest([0.5, 0.25, 0.25], 100, 1).p, 2 / 8);
});

test('randomization: Monte Carlo above 20 non-zero differences is seeded and sensible', () => {
  const d = Array.from({ length: 25 }, (_, i) => (i % 5 === 0 ? -0.5 : 1));
  const a = signFlipTest(d, 2000, 7);
  const b = signFlipTest(d, 2000, 7);
  assert.equal(a.method, 'monte-carlo');
  assert.deepEqual(a, b);
  assert.ok(a.p > 0 && a.p < 0.01, `p = ${a.p}`);
  const noise = signFlipTest(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 1 : -1)), 2000, 7);
  assert.ok(noise.p > 0.9, `balanced differences p = ${noise.p}`);
});

test('bootstrap: constant differences give a point interval; seeded; covers the mean', () => {
  assert.deepEqual(pairedBootstrapCi([0.25, 0.25, 0.25], 500, 3), [0.25, 0.25]);
  const d = [...Array(18).fill(1), ...Array(8).fill(0)];
  const ci = pairedBootstrapCi(d, 10_000, 42);
  assert.deepEqual(ci, pairedBootstrapCi(d, 10_000, 42));
  assert.ok(ci[0] > 0.4 && ci[0] < 18 / 26 && ci[1] > 18 / 26 && ci[1] <= 1, `ci = ${ci}`);
});
