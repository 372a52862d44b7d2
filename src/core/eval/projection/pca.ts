// PCA to 2D by block Krylov iteration on the centred data (never the d x d covariance): the basis
// [Q, C Q, C^2 Q, ...] with C = Xc^T Xc and Q 8 seeded random directions, one fused pass over the rows per block, fully
// re-orthogonalised, Rayleigh-Ritz over the whole basis, until the top two Ritz values change by less than 1e-10
// (relative) or 16 blocks. Converged, this is the exact PCA (the two leading eigenvectors of the covariance); when the
// leading eigenvalues are nearly equal the axes are not unique and the cap ends it. Same input and seed, same
// coordinates.

import { seededRandom } from '../../random';
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

const BLOCK = 8;
const MAX_BLOCKS = 16;
const TOLERANCE = 1e-10;

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
  const first = new Float64Array(d * k);
  for (let t = 0; t < first.length; t++) first[t] = rand() * 2 - 1;
  orthonormalise(first, d, k);
  // Block Krylov: the basis [Q, (Xc^T Xc) Q, (Xc^T Xc)^2 Q, ...], fully re-orthogonalised, with Rayleigh-Ritz on the
  // whole basis; it converges far faster than iterating on one block (Musco and Musco, NeurIPS 2015).
  const blocks: Float64Array[] = [first];
  const images: Float64Array[] = [];
  let eig: Eigen = { values: new Float64Array(0), vectors: new Float64Array(0) };
  let previous = [NaN, NaN];
  for (let it = 0; it < MAX_BLOCKS; it++) {
    images.push(gramTimes(x, n, d, blocks[blocks.length - 1] as Float64Array));
    eig = symmetricEigen(projected(blocks, images, d, k), blocks.length * k);
    const top = [eig.values[0] ?? 0, eig.values[1] ?? 0];
    const done = Math.abs((top[0] as number) - (previous[0] as number)) <= TOLERANCE * (top[0] as number)
      && Math.abs((top[1] as number) - (previous[1] as number)) <= TOLERANCE * (top[0] as number);
    previous = top;
    if (done || it === MAX_BLOCKS - 1) break;
    const next = Float64Array.from(images[images.length - 1] as Float64Array);
    const before = columnNorms(next, d, k);
    for (let pass = 0; pass < 2; pass++) for (const q of blocks) removeProjections(next, q, d, k);
    orthonormalise(next, d, k, before);
    blocks.push(next);
  }
  const m = blocks.length * k;
  const comps: Float64Array[] = [0, 1].map((c) => {
    const v = new Float64Array(d);
    blocks.forEach((q, bi) => {
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += (q[j * k + t] as number) * (eig.vectors[(bi * k + t) * m + c] as number);
        v[j] = (v[j] as number) + s;
      }
    });
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

/** B = K^T (Xc^T Xc K) over the basis so far (symmetric; the upper triangle from the images, mirrored). */
function projected(blocks: Float64Array[], images: Float64Array[], d: number, k: number): Float64Array {
  const m = blocks.length * k;
  const b = new Float64Array(m * m);
  blocks.forEach((q, bi) => images.forEach((z, zi) => {
    if (zi < bi) return;
    for (let s = 0; s < k; s++) for (let t = 0; t < k; t++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += (q[j * k + s] as number) * (z[j * k + t] as number);
      b[(bi * k + s) * m + zi * k + t] = dot;
      b[(zi * k + t) * m + bi * k + s] = dot;
    }
  }));
  return b;
}

function columnNorms(z: Float64Array, d: number, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let j = 0; j < d; j++) for (let t = 0; t < k; t++) out[t] = (out[t] as number) + (z[j * k + t] as number) ** 2;
  return out.map(Math.sqrt);
}

/** next -= Q (Q^T next), Q with orthonormal (or zero) columns; both d x k row-major. */
function removeProjections(next: Float64Array, q: Float64Array, d: number, k: number): void {
  for (let t = 0; t < k; t++) for (let s = 0; s < k; s++) {
    let dot = 0;
    for (let j = 0; j < d; j++) dot += (next[j * k + t] as number) * (q[j * k + s] as number);
    if (dot !== 0) for (let j = 0; j < d; j++) next[j * k + t] = (next[j * k + t] as number) - dot * (q[j * k + s] as number);
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
