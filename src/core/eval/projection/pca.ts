// PCA to 2D by block Krylov iteration on the centred data (never the d x d covariance): the basis
// [Q, C Q, C^2 Q, ...] with C = Xc^T Xc and Q 8 seeded random directions, one fused pass over the rows per block
// (centred.ts: WebAssembly SIMD, else plain JS), fully re-orthogonalised, Rayleigh-Ritz over the whole basis, until
// the top two Ritz values change by less than TOLERANCE (relative) or MAX_BLOCKS blocks; then one Rayleigh-Ritz step
// in float64 on the data itself within the two vectors found, which gives the explained variances and the axes
// within their plane to float64 accuracy. Converged, this is the exact PCA (the two leading eigenvectors of the
// covariance); when the leading eigenvalues are nearly equal the axes are not unique and the cap ends it. Same input
// and seed, same coordinates.

import { seededRandom } from '../../random';
import { centreJs, type CentredData } from './centred';
import { centreWasm } from './centredWasm';
import { symmetricEigen, type Eigen } from './eigen';

export interface Pca2 {
  /** n x 2 row-major projected coordinates (centred data times the two components), unscaled. */
  xy: Float64Array;
  /** The two components, each of length d, unit length; sign fixed so the largest-magnitude entry is positive. */
  components: [Float64Array, Float64Array];
  explainedVariance: [number, number];
  /** Explained variance over total variance (sklearn's explained_variance_ratio_). */
  explainedVarianceRatio: [number, number];
}

/** Directions per block: 8, the width of the kernels (gramTimes8, and the unrolled loops below). */
const BLOCK = 8;
const MAX_BLOCKS = 16;
/** Relative change of the top two Ritz values that ends the iteration. The fast kernel's products carry float32
 * rounding (relative 1e-7), but a Ritz value's error is quadratic in its vector's, so rounding alone does not move
 * them this much once converged; the final float64 step takes the rest out of the answer. */
const TOLERANCE = 1e-8;

/** `data` is n x d row-major. */
export function pca2(data: ArrayLike<number>, n: number, d: number, seed: number): Pca2 {
  return pca2Of(centreWasm(data, n, d) ?? centreJs(data, n, d), seed);
}

/** PCA over already centred data (either implementation of CentredData). */
export function pca2Of(x: CentredData, seed: number): Pca2 {
  const { n, d } = x;
  const k = BLOCK;
  const rand = seededRandom(seed);
  const first = new Float64Array(d * k);
  for (let t = 0; t < first.length; t++) first[t] = rand() * 2 - 1;
  orthonormalise(first, d, k);
  // Block Krylov: the basis [Q, (Xc^T Xc) Q, (Xc^T Xc)^2 Q, ...], fully re-orthogonalised, with Rayleigh-Ritz on the
  // whole basis; it converges far faster than iterating on one block (Musco and Musco, NeurIPS 2015).
  const blocks: Float64Array[] = [first];
  let b: Float64Array = new Float64Array(0);
  let eig: Eigen = { values: new Float64Array(0), vectors: new Float64Array(0) };
  let previous = [NaN, NaN];
  for (let it = 0; it < MAX_BLOCKS; it++) {
    const image = x.gramTimes8(blocks[blocks.length - 1] as Float64Array);
    b = extendProjected(b, blocks, image, d, k);
    eig = symmetricEigen(b, blocks.length * k);
    const top = [eig.values[0] ?? 0, eig.values[1] ?? 0];
    const done = Math.abs((top[0] as number) - (previous[0] as number)) <= TOLERANCE * (top[0] as number)
      && Math.abs((top[1] as number) - (previous[1] as number)) <= TOLERANCE * (top[0] as number);
    previous = top;
    if (done || it === MAX_BLOCKS - 1) break;
    const before = columnNorms(image, d, k);
    const dots = new Float64Array(k * k);
    for (let pass = 0; pass < 2; pass++) for (const q of blocks) removeProjections(image, q, d, k, dots);
    orthonormalise(image, d, k, before);
    blocks.push(image);
  }
  const m = blocks.length * k;
  const [v1, v2] = [0, 1].map((c) => {
    const v = new Float64Array(d);
    blocks.forEach((q, bi) => {
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += (q[j * k + t] as number) * (eig.vectors[(bi * k + t) * m + c] as number);
        v[j] = (v[j] as number) + s;
      }
    });
    return v;
  }) as [Float64Array, Float64Array];
  return finalStep(x, v1, v2, n);
}

/** Rayleigh-Ritz in float64 on the data within span(v1, v2): the 2 x 2 scatter of the projections, its eigenvectors
 * rotate the axes, its eigenvalues are the explained variances. */
function finalStep(x: CentredData, v1: Float64Array, v2: Float64Array, n: number): Pca2 {
  const y = x.project2(v1, v2);
  const g = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    const a = y[i * 2] as number;
    const c = y[i * 2 + 1] as number;
    g[0] = (g[0] as number) + a * a;
    g[1] = (g[1] as number) + a * c;
    g[3] = (g[3] as number) + c * c;
  }
  g[2] = g[1] as number;
  const e = symmetricEigen(g, 2);
  const xy = new Float64Array(n * 2);
  const comps = [0, 1].map((c) => {
    const r0 = e.vectors[c] as number;
    const r1 = e.vectors[2 + c] as number;
    const v = Float64Array.from(v1, (a, j) => r0 * a + r1 * (v2[j] as number));
    let big = 0;
    for (const a of v) if (Math.abs(a) > Math.abs(big)) big = a;
    const sign = big < 0 ? -1 : 1;
    if (sign < 0) for (let j = 0; j < v.length; j++) v[j] = -(v[j] as number);
    for (let i = 0; i < n; i++) xy[i * 2 + c] = sign * (r0 * (y[i * 2] as number) + r1 * (y[i * 2 + 1] as number));
    return v;
  });
  const dof = Math.max(1, n - 1);
  const ev: [number, number] = [Math.max(0, e.values[0] ?? 0) / dof, Math.max(0, e.values[1] ?? 0) / dof];
  const tv = x.total / dof;
  return {
    xy,
    components: [comps[0] as Float64Array, comps[1] as Float64Array],
    explainedVariance: ev,
    explainedVarianceRatio: tv > 0 ? [ev[0] / tv, ev[1] / tv] : [0, 0],
  };
}

/** B = K^T (Xc^T Xc K) over the basis so far, grown by the newest block: only its column (and, mirrored, its row) is
 * new, q_b^T z for every block b and the newest image z. */
function extendProjected(old: Float64Array, blocks: Float64Array[], z: Float64Array, d: number, k: number): Float64Array {
  const m = blocks.length * k;
  const was = m - k;
  const b = new Float64Array(m * m);
  for (let r = 0; r < was; r++) b.set(old.subarray(r * was, (r + 1) * was), r * m);
  const dots = new Float64Array(k * k);
  blocks.forEach((q, bi) => {
    blockDots(q, z, d, k, dots);
    for (let s = 0; s < k; s++) for (let t = 0; t < k; t++) {
      const v = dots[s * k + t] as number;
      b[(bi * k + s) * m + was + t] = v;
      b[(was + t) * m + bi * k + s] = v;
    }
  });
  return b;
}

/** out[s * 8 + t] = column s of q . column t of z, both d x 8 row-major: for each column of q, its 8 dots in
 * locals, reading both matrices in order (they stay in cache: 64 KB each at d = 1,024). */
function blockDots(q: Float64Array, z: Float64Array, d: number, k: number, out: Float64Array): void {
  for (let s = 0; s < k; s++) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    for (let j = 0, o = 0; j < d; j++, o += 8) {
      const a = q[o + s] as number;
      a0 += a * (z[o] as number); a1 += a * (z[o + 1] as number); a2 += a * (z[o + 2] as number); a3 += a * (z[o + 3] as number);
      a4 += a * (z[o + 4] as number); a5 += a * (z[o + 5] as number); a6 += a * (z[o + 6] as number); a7 += a * (z[o + 7] as number);
    }
    out[s * 8] = a0; out[s * 8 + 1] = a1; out[s * 8 + 2] = a2; out[s * 8 + 3] = a3;
    out[s * 8 + 4] = a4; out[s * 8 + 5] = a5; out[s * 8 + 6] = a6; out[s * 8 + 7] = a7;
  }
}

function columnNorms(z: Float64Array, d: number, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let j = 0; j < d; j++) for (let t = 0; t < k; t++) out[t] = (out[t] as number) + (z[j * k + t] as number) ** 2;
  return out.map(Math.sqrt);
}

/** next -= Q (Q^T next), Q with orthonormal (or zero) columns; both d x 8 row-major (one block of classical
 * Gram-Schmidt; the caller runs it twice). */
function removeProjections(next: Float64Array, q: Float64Array, d: number, k: number, dots: Float64Array): void {
  blockDots(q, next, d, k, dots);
  for (let j = 0, o = 0; j < d; j++, o += 8) {
    let r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0;
    for (let s = 0; s < k; s++) {
      const a = q[o + s] as number;
      const w = s * 8;
      r0 += a * (dots[w] as number); r1 += a * (dots[w + 1] as number); r2 += a * (dots[w + 2] as number); r3 += a * (dots[w + 3] as number);
      r4 += a * (dots[w + 4] as number); r5 += a * (dots[w + 5] as number); r6 += a * (dots[w + 6] as number); r7 += a * (dots[w + 7] as number);
    }
    next[o] = (next[o] as number) - r0; next[o + 1] = (next[o + 1] as number) - r1; next[o + 2] = (next[o + 2] as number) - r2; next[o + 3] = (next[o + 3] as number) - r3;
    next[o + 4] = (next[o + 4] as number) - r4; next[o + 5] = (next[o + 5] as number) - r5; next[o + 6] = (next[o + 6] as number) - r6; next[o + 7] = (next[o + 7] as number) - r7;
  }
}

/** Modified Gram-Schmidt (projections removed twice, for stability) on the k columns of a d x k row-major matrix. A
 * column left with round-off only (rank below k: fewer rows or dimensions than k; or nothing new beyond the earlier
 * blocks, measured against `reference`, its length before they were removed) becomes zero, not amplified noise. */
function orthonormalise(q: Float64Array, d: number, k: number, reference?: Float64Array): void {
  const norm = (t: number): number => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (q[j * k + t] as number) ** 2;
    return Math.sqrt(s);
  };
  for (let t = 0; t < k; t++) {
    const before = reference?.[t] ?? norm(t);
    for (let pass = 0; pass < 2; pass++) {
      for (let s = 0; s < t; s++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += (q[j * k + t] as number) * (q[j * k + s] as number);
        for (let j = 0; j < d; j++) q[j * k + t] = (q[j * k + t] as number) - dot * (q[j * k + s] as number);
      }
    }
    const after = norm(t);
    const scale = after > 1e-10 * before ? 1 / after : 0;
    for (let j = 0; j < d; j++) q[j * k + t] = (q[j * k + t] as number) * scale;
  }
}
