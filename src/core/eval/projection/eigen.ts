// Cyclic Jacobi eigen-decomposition of a small symmetric matrix (the k x k Rayleigh-Ritz step of pca.ts).

export interface Eigen {
  /** Descending. */
  values: Float64Array;
  /** k x k row-major; column c is the eigenvector of values[c]. */
  vectors: Float64Array;
}

export function symmetricEigen(matrix: Float64Array, k: number): Eigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += (a[p * k + q] as number) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) {
      const apq = a[p * k + q] as number;
      if (apq === 0) continue;
      const theta = ((a[q * k + q] as number) - (a[p * k + p] as number)) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let r = 0; r < k; r++) {
        const arp = a[r * k + p] as number;
        const arq = a[r * k + q] as number;
        a[r * k + p] = c * arp - s * arq;
        a[r * k + q] = s * arp + c * arq;
      }
      for (let r = 0; r < k; r++) {
        const apr = a[p * k + r] as number;
        const aqr = a[q * k + r] as number;
        a[p * k + r] = c * apr - s * aqr;
        a[q * k + r] = s * apr + c * aqr;
      }
      for (let r = 0; r < k; r++) {
        const vrp = v[r * k + p] as number;
        const vrq = v[r * k + q] as number;
        v[r * k + p] = c * vrp - s * vrq;
        v[r * k + q] = s * vrp + c * vrq;
      }
    }
  }
  const order = [...Array(k).keys()].sort((x, y) => (a[y * k + y] as number) - (a[x * k + x] as number));
  const values = Float64Array.from(order, (i) => a[i * k + i] as number);
  const vectors = new Float64Array(k * k);
  order.forEach((src, dst) => { for (let r = 0; r < k; r++) vectors[r * k + dst] = v[r * k + src] as number; });
  return { values, vectors };
}
