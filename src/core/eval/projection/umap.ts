// UMAP to 2D on request (umap-js, pure JS), seeded: umap-js draws every random number from the function it is given,
// so the same vectors and seed give the same layout. Euclidean distance on unit vectors orders pairs as cosine does.

import { UMAP } from 'umap-js';
import { seededRandom } from '../../random';

/** n x 2 row-major coordinates (unscaled). `rows` are L2-normalised vectors. */
export function umap2(rows: readonly ArrayLike<number>[], seed: number): Float64Array {
  const n = rows.length;
  if (n < 3) return new Float64Array(n * 2);
  const layout = new UMAP({ nComponents: 2, nNeighbors: Math.min(15, n - 1), minDist: 0.1, random: seededRandom(seed) })
    .fit(rows.map((r) => Array.from(r)));
  const xy = new Float64Array(n * 2);
  layout.forEach((p, i) => { xy[i * 2] = p[0] ?? 0; xy[i * 2 + 1] = p[1] ?? 0; });
  return xy;
}
