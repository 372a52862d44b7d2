// PCA to 2D by subspace iteration on the centred data (never the d x d covariance): Q = orth(Xc^T Xc Q) over 8
// directions (2 + 6 oversampled), one fused pass over the rows per iteration, until the top two Ritz values change by
// less than 1e-7 (relative) or 40 iterations, then Rayleigh-Ritz on the small 8 x 8 matrix. Converged, this is the
// exact PCA (the two leading eigenvectors of the covariance); when the leading eigenvalues are nearly equal the axes
// are not unique and the iteration stops at the cap. The start vectors come from the seed: same input and seed, same
// coordinates.

import { seededRandom } from '../../random';
import { symmetricEigen } from './eigen';

export interface Pca2 {
  /** n x 2 row-major projected coordinates (centred data times the two components), unscaled. */
  xy: Float64Array;
  /** The two components, each of length d, unit length; sign fixed so the largest-magnitude entry is positive. */
  components: [Float64Array, Float64Array];
  explainedVariance: [number, number];
  /** Explained variance over total variance (sklearn's explained_variance_ratio_). */
  explainedVarianceRatio: [number, number];
}

const BLOCK = 8;
const MAX_ITERATIONS = 40;
const TOLERANCE = 1e-7;

/** `data` is n x d row-major. */
export function pca2(data: ArrayLike<number>, n: number, d: number, seed: number): Pca2 {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (data[i * d + j] as number);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / Math.max(1, n);
  const x = new Float32Array(n * d);
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) {
    const v = (data[i * d + j] as number) - (mean[j] as number);
    x[i * d + j] = v;
    total += v * v;
  }
  const k = BLOCK;
  const rand = seededRandom(seed);
  let q: Float64Array = new Float64Array(d * k);
  for (let t = 0; t < q.length; t++) q[t] = rand() * 2 - 1;
  orthonormalise(q, d, k);
  const y = new Float64Array(n * k);
  let previous = [NaN, NaN];
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const z = gramTimes(x, n, d, q);
    // Ritz estimates of the top eigenvalues: column norms of Xc^T Xc Q before orthonormalising.
    const ritz = columnNorms(z, d, k).sort((a, b) => b - a);
    q = z;
    orthonormalise(q, d, k);
    const done = Math.abs((ritz[0] as number) - (previous[0] as number)) <= TOLERANCE * (ritz[0] as number)
      && Math.abs((ritz[1] ?? 0) - (previous[1] ?? 0)) <= TOLERANCE * (ritz[0] as number);
    previous = ritz;
    if (done) break;
  }
  // Rayleigh-Ritz: B = (Xc Q)^T (Xc Q), k x k; its eigenvectors rotate Q onto the principal directions.
  mulXQ(x, n, d, q, k, y);
  const b = new Float64Array(k * k);
  for (let i = 0; i < n; i++) for (let s = 0; s < k; s++) for (let t = s; t < k; t++) b[s * k + t] = (b[s * k + t] as number) + (y[i * k + s] as number) * (y[i * k + t] as number);
  for (let s = 0; s < k; s++) for (let t = 0; t < s; t++) b[s * k + t] = b[t * k + s] as number;
  const eig = symmetricEigen(b, k);
  const comps: Float64Array[] = [0, 1].map((c) => {
    const v = new Float64Array(d);
    if (c >= k) return v;
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += (q[j * k + t] as number) * (eig.vectors[t * k + c] as number);
      v[j] = s;
    }
    let big = 0;
    for (let j = 0; j < d; j++) if (Math.abs(v[j] as number) > Math.abs(big)) big = v[j] as number;
    if (big < 0) for (let j = 0; j < d; j++) v[j] = -(v[j] as number);
    return v;
  });
  const xy = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) for (let c = 0; c < 2; c++) {
    const v = comps[c] as Float64Array;
    let s = 0;
    for (let j = 0; j < d; j++) s += (x[i * d + j] as number) * (v[j] as number);
    xy[i * 2 + c] = s;
  }
  const dof = Math.max(1, n - 1);
  const ev: [number, number] = [(eig.values[0] ?? 0) / dof, (eig.values[1] ?? 0) / dof];
  const tv = total / dof;
  return {
    xy,
    components: [comps[0] as Float64Array, comps[1] as Float64Array],
    explainedVariance: ev,
    explainedVarianceRatio: tv > 0 ? [ev[0] / tv, ev[1] / tv] : [0, 0],
  };
}

function mulXQ(x: Float32Array, n: number, d: number, q: Float64Array, k: number, y: Float64Array): void {
  y.fill(0);
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    const yo = i * k;
    for (let j = 0; j < d; j++) {
      const v = x[xo + j] as number;
      const qo = j * k;
      for (let t = 0; t < k; t++) y[yo + t] = (y[yo + t] as number) + v * (q[qo + t] as number);
    }
  }
}

/** Xc^T (Xc Q) for Q of d x 8, one pass over the rows: each row's 8 projections, then its rank-1 update. */
function gramTimes(x: Float32Array, n: number, d: number, q: Float64Array): Float64Array {
  const z = new Float64Array(d * 8);
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    let y0 = 0, y1 = 0, y2 = 0, y3 = 0, y4 = 0, y5 = 0, y6 = 0, y7 = 0;
    for (let j = 0, qo = 0; j < d; j++, qo += 8) {
      const v = x[xo + j] as number;
      y0 += v * (q[qo] as number); y1 += v * (q[qo + 1] as number); y2 += v * (q[qo + 2] as number); y3 += v * (q[qo + 3] as number);
      y4 += v * (q[qo + 4] as number); y5 += v * (q[qo + 5] as number); y6 += v * (q[qo + 6] as number); y7 += v * (q[qo + 7] as number);
    }
    for (let j = 0, zo = 0; j < d; j++, zo += 8) {
      const v = x[xo + j] as number;
      z[zo] = (z[zo] as number) + v * y0; z[zo + 1] = (z[zo + 1] as number) + v * y1; z[zo + 2] = (z[zo + 2] as number) + v * y2; z[zo + 3] = (z[zo + 3] as number) + v * y3;
      z[zo + 4] = (z[zo + 4] as number) + v * y4; z[zo + 5] = (z[zo + 5] as number) + v * y5; z[zo + 6] = (z[zo + 6] as number) + v * y6; z[zo + 7] = (z[zo + 7] as number) + v * y7;
    }
  }
  return z;
}

function columnNorms(z: Float64Array, d: number, k: number): number[] {
  const out = new Array<number>(k).fill(0);
  for (let j = 0; j < d; j++) for (let t = 0; t < k; t++) out[t] = (out[t] as number) + (z[j * k + t] as number) ** 2;
  return out.map(Math.sqrt);
}

/** Modified Gram-Schmidt (projections removed twice, for stability) on the k columns of a d x k row-major matrix. A
 * column left with round-off only (rank below k: fewer rows or dimensions than k) becomes zero, not amplified noise. */
function orthonormalise(q: Float64Array, d: number, k: number): void {
  const norm = (t: number): number => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (q[j * k + t] as number) ** 2;
    return Math.sqrt(s);
  };
  for (let t = 0; t < k; t++) {
    const before = norm(t);
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
