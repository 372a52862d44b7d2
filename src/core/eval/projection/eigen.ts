// Eigen-decomposition of a small symmetric matrix (the Rayleigh-Ritz steps of pca.ts, up to a few hundred rows):
// Householder reduction to tridiagonal form, then the implicit QL method with the transformations accumulated; the
// EISPACK routines tred2 and tql2 (Wilkinson and Reinsch, Handbook for Automatic Computation II, 1971), as JAMA
// publishes them. O(k^3) with a small constant, where cyclic Jacobi needs several O(k^3) sweeps.

export interface Eigen {
  /** Descending. */
  values: Float64Array;
  /** k x k row-major; column c is the eigenvector of values[c]. */
  vectors: Float64Array;
}

export function symmetricEigen(matrix: Float64Array, k: number): Eigen {
  const v = Float64Array.from(matrix.subarray(0, k * k));
  const d = new Float64Array(k);
  const e = new Float64Array(k);
  if (k > 0) {
    tridiagonalise(v, d, e, k);
    diagonalise(v, d, e, k);
  }
  const order = [...Array(k).keys()].sort((x, y) => (d[y] as number) - (d[x] as number));
  const values = Float64Array.from(order, (i) => d[i] as number);
  const vectors = new Float64Array(k * k);
  order.forEach((src, dst) => { for (let r = 0; r < k; r++) vectors[r * k + dst] = v[r * k + src] as number; });
  return { values, vectors };
}

/** tred2: on return v holds the orthogonal transformation, d the diagonal and e (from index 1) the off-diagonal. */
function tridiagonalise(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  const at = (i: number, j: number): number => v[i * n + j] as number;
  for (let j = 0; j < n; j++) d[j] = at(n - 1, j);
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let t = 0; t < i; t++) scale += Math.abs(d[t] as number);
    if (scale === 0) {
      e[i] = d[i - 1] as number;
      for (let j = 0; j < i; j++) {
        d[j] = at(i - 1, j);
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let t = 0; t < i; t++) {
        d[t] = (d[t] as number) / scale;
        h += (d[t] as number) ** 2;
      }
      let f = d[i - 1] as number;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j] as number;
        v[j * n + i] = f;
        g = (e[j] as number) + at(j, j) * f;
        for (let t = j + 1; t <= i - 1; t++) {
          g += at(t, j) * (d[t] as number);
          e[t] = (e[t] as number) + at(t, j) * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = (e[j] as number) / h;
        f += (e[j] as number) * (d[j] as number);
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = (e[j] as number) - hh * (d[j] as number);
      for (let j = 0; j < i; j++) {
        f = d[j] as number;
        g = e[j] as number;
        for (let t = j; t <= i - 1; t++) v[t * n + j] = at(t, j) - (f * (e[t] as number) + g * (d[t] as number));
        d[j] = at(i - 1, j);
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = at(i, i);
    v[i * n + i] = 1;
    const h = d[i + 1] as number;
    if (h !== 0) {
      for (let t = 0; t <= i; t++) d[t] = at(t, i + 1) / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let t = 0; t <= i; t++) g += at(t, i + 1) * at(t, j);
        for (let t = 0; t <= i; t++) v[t * n + j] = at(t, j) - g * (d[t] as number);
      }
    }
    for (let t = 0; t <= i; t++) v[t * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = at(n - 1, j);
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** tql2: the symmetric tridiagonal (d, e) diagonalised in place, rotations applied to v's columns. */
function diagonalise(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    let m = l;
    while (m < n - 1 && !(Math.abs(e[m] as number) <= eps * tst1)) m++;
    // A bound on the sweeps, so input holding NaN or infinity ends (with NaN values) instead of looping.
    for (let iter = 0; m > l && iter < 64; iter++) {
      let g = d[l] as number;
      let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
      let r = Math.hypot(p, 1);
      if (p < 0) r = -r;
      d[l] = (e[l] as number) / (p + r);
      d[l + 1] = (e[l] as number) * (p + r);
      const dl1 = d[l + 1] as number;
      let h = g - (d[l] as number);
      for (let i = l + 2; i < n; i++) d[i] = (d[i] as number) - h;
      f += h;
      p = d[m] as number;
      let c = 1;
      let c2 = c;
      let c3 = c;
      const el1 = e[l + 1] as number;
      let s = 0;
      let s2 = 0;
      for (let i = m - 1; i >= l; i--) {
        c3 = c2;
        c2 = c;
        s2 = s;
        g = c * (e[i] as number);
        h = c * p;
        r = Math.hypot(p, e[i] as number);
        e[i + 1] = s * r;
        s = (e[i] as number) / r;
        c = p / r;
        p = c * (d[i] as number) - s * g;
        d[i + 1] = h + s * (c * g + s * (d[i] as number));
        for (let t = 0; t < n; t++) {
          const a = v[t * n + i + 1] as number;
          const b = v[t * n + i] as number;
          v[t * n + i + 1] = s * b + c * a;
          v[t * n + i] = c * b - s * a;
        }
      }
      p = (-s * s2 * c3 * el1 * (e[l] as number)) / dl1;
      e[l] = s * p;
      d[l] = c * p;
      if (!(Math.abs(e[l] as number) > eps * tst1)) break;
    }
    d[l] = (d[l] as number) + f;
    e[l] = 0;
  }
}
