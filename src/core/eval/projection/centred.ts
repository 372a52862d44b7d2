// The centred data matrix PCA works on, behind the three operations the Krylov iteration (pca.ts) needs, so the hot
// loops have one fast implementation (WebAssembly SIMD, centredWasm.ts) and this plain-JS one where it is missing.
// Both store the centred values as float32 (the input's own precision) and centre in float64.

export interface CentredData {
  readonly n: number;
  readonly d: number;
  /** Sum of squares of the centred values (the total scatter; over n - 1, the total variance). */
  readonly total: number;
  /** Xc^T (Xc Q) for Q of d x 8, row-major (direction t of dimension j at j * 8 + t); d x 8 back. */
  gramTimes8(q: Float64Array): Float64Array;
  /** Xc [a b] as n x 2 row-major, in float64 (the coordinates, and the final Rayleigh-Ritz step). */
  project2(a: Float64Array, b: Float64Array): Float64Array;
}

/** Column means of n x d row-major data, summed in float64. */
export function columnMeans(data: ArrayLike<number>, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (data[i * d + j] as number);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / Math.max(1, n);
  return mean;
}

export function centreJs(data: ArrayLike<number>, n: number, d: number): CentredData {
  const mean = columnMeans(data, n, d);
  const x = new Float32Array(n * d);
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) {
    const v = (data[i * d + j] as number) - (mean[j] as number);
    x[i * d + j] = v;
    total += v * v;
  }
  return {
    n, d, total,
    gramTimes8: (q) => gramTimes8(x, n, d, q),
    project2(a, b) {
      const xy = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        let sa = 0, sb = 0;
        for (let j = 0, o = i * d; j < d; j++, o++) {
          sa += (x[o] as number) * (a[j] as number);
          sb += (x[o] as number) * (b[j] as number);
        }
        xy[i * 2] = sa;
        xy[i * 2 + 1] = sb;
      }
      return xy;
    },
  };
}

/** One pass over the rows: each row's 8 projections, then its rank-1 update (float64 throughout). */
function gramTimes8(x: Float32Array, n: number, d: number, q: Float64Array): Float64Array {
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
