// Paired significance for comparing a model with the baseline on the same queries (docs/reference/evaluation.md):
// paired bootstrap interval, sign-flip randomization test, exact McNemar.

import { seededRandom } from '../random';

/** 95% percentile interval of the mean of d over B resamples of the queries with replacement. */
export function pairedBootstrapCi(diffs: readonly number[], resamples: number, seed: number): [number, number] {
  const n = diffs.length;
  if (n === 0) return [0, 0];
  const rand = seededRandom(seed);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += diffs[Math.floor(rand() * n)] as number;
    means[b] = s / n;
  }
  means.sort();
  return [percentile(means, 0.025), percentile(means, 0.975)];
}

/** Linear interpolation between closest ranks (numpy's default), on sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

export interface RandomizationResult {
  p: number;
  method: 'exact' | 'monte-carlo';
  /** Sign patterns examined (2^n when exact). */
  permutations: number;
}

/** Up to this many non-zero differences, all 2^n sign patterns are enumerated. */
export const EXACT_RANDOMIZATION_LIMIT = 20;

/**
 * Two-sided sign-flip test: p = share of sign patterns s with |Σ s_q d_q| >= |Σ d_q|. Zero differences do not
 * change the sum under any sign, so only the non-zero ones are flipped. Monte Carlo uses (hits + 1) / (N + 1).
 */
export function signFlipTest(diffs: readonly number[], monteCarlo: number, seed: number): RandomizationResult {
  const d = diffs.filter((x) => x !== 0);
  const n = d.length;
  if (n === 0) return { p: 1, method: 'exact', permutations: 1 };
  const observed = Math.abs(d.reduce((a, b) => a + b, 0));
  // Sums of the same terms in another order can differ in the last bits; equal magnitudes must count as extreme.
  const tol = 1e-9 * d.reduce((a, b) => a + Math.abs(b), 0);
  if (n <= EXACT_RANDOMIZATION_LIMIT) {
    // Gray code: each step flips exactly one sign, so the sum updates in O(1).
    const signs = new Int8Array(n).fill(1);
    let sum = d.reduce((a, b) => a + b, 0);
    let hits = Math.abs(sum) >= observed - tol ? 1 : 0;
    const total = 2 ** n;
    for (let i = 1; i < total; i++) {
      let bit = 0;
      while (((i >> bit) & 1) === 0) bit++;
      signs[bit] = -(signs[bit] as number);
      sum += 2 * (signs[bit] as number) * (d[bit] as number);
      if (Math.abs(sum) >= observed - tol) hits++;
    }
    return { p: hits / total, method: 'exact', permutations: total };
  }
  const rand = seededRandom(seed);
  let hits = 0;
  for (let b = 0; b < monteCarlo; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += rand() < 0.5 ? -(d[i] as number) : (d[i] as number);
    if (Math.abs(s) >= observed - tol) hits++;
  }
  return { p: (hits + 1) / (monteCarlo + 1), method: 'monte-carlo', permutations: monteCarlo };
}

/**
 * Exact two-sided McNemar p = min(1, 2 Σ_{i=0}^{min(b,c)} C(b+c, i) 0.5^(b+c)), computed in exact integer
 * arithmetic (BigInt) and converted to a float once, so large b+c neither overflows nor loses the tail.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const m = Math.min(b, c);
  let binom = 1n; // C(n, 0)
  let sum = 1n;
  for (let i = 1; i <= m; i++) {
    binom = (binom * BigInt(n - i + 1)) / BigInt(i);
    sum += binom;
  }
  const p = bigRatio(2n * sum, n);
  return Math.min(1, p);
}

/** num / 2^exp as a float: neither part overflows to Infinity and tiny results keep their leading bits. */
function bigRatio(num: bigint, exp: number): number {
  // Keep the top 60 bits of num (more than a double holds), then divide by powers of two a double can represent.
  const shift = Math.max(0, num.toString(2).length - 60);
  let x = Number(num >> BigInt(shift));
  let e = exp - shift;
  while (e > 0) {
    const step = Math.min(e, 1000);
    x /= 2 ** step;
    e -= step;
  }
  return e < 0 ? x * 2 ** -e : x;
}
