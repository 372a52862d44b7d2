// Row-major float32 matrices of L2-normalised vectors: the one representation every similarity search here uses.
// Whether Titan returns unit vectors is not documented, so every vector is normalised once, on the way in.

export interface VectorMatrix {
  rows: number;
  dim: number;
  /** rows * dim values, row-major. */
  data: Float32Array;
}

/** Normalises in float64 (then rounds to float32) so the stored vector is as close to unit length as float32 allows. */
export function normalisedMatrix(vectors: readonly ArrayLike<number>[], dim: number): VectorMatrix {
  const data = new Float32Array(vectors.length * dim);
  vectors.forEach((v, r) => {
    if (v.length !== dim) throw new RangeError(`vector ${r} has ${v.length} values, expected ${dim}`);
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += (v[i] as number) * (v[i] as number);
    norm = Math.sqrt(norm);
    // A zero vector stays zero: it scores 0 against everything instead of NaN.
    const scale = norm > 0 ? 1 / norm : 0;
    for (let i = 0; i < dim; i++) data[r * dim + i] = (v[i] as number) * scale;
  });
  return { rows: vectors.length, dim, data };
}

/** The L2-normalised mean of some rows (a class prototype from its caption embeddings). */
export function normalisedMean(m: VectorMatrix, rowIndexes: readonly number[]): Float64Array {
  const mean = new Float64Array(m.dim);
  for (const r of rowIndexes) for (let i = 0; i < m.dim; i++) mean[i] = (mean[i] as number) + (m.data[r * m.dim + i] as number);
  let norm = 0;
  for (let i = 0; i < m.dim; i++) norm += (mean[i] as number) ** 2;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < m.dim; i++) mean[i] = (mean[i] as number) / norm;
  return mean;
}
