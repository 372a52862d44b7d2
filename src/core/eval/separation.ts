// Class separation of one model's corpus images (docs/reference/evaluation.md, "Class separation"): the silhouette on
// cosine distance (sklearn.metrics.silhouette_score(metric="cosine")), and mean intra-class vs nearest-other-class
// cosine similarity. On unit vectors the sum of similarities of x to a class is x . (sum of the class), so the whole
// computation is n x classes dot products, not n x n.

import type { ClassSeparation, Separation } from '../../protocol/report';
import { pairedBootstrapCi } from './stats';
import type { VectorMatrix } from './vectors';

export interface ItemSeparation {
  /** Silhouette of each item (0 for an item alone in its class, as sklearn). */
  silhouette: Float64Array;
  separation: Separation;
}

/** Undefined when fewer than 2 classes or no class with 2 items: the silhouette is not defined. */
export function classSeparation(m: VectorMatrix, labels: readonly string[]): ItemSeparation | undefined {
  const classes = [...new Set(labels)].sort();
  const C = classes.length;
  const n = m.rows;
  const d = m.dim;
  if (C < 2 || C >= n) return undefined;
  // Renormalised in float64 (as sklearn's cosine_distances does), so float32 round-off does not enter the sums.
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += (m.data[i * d + j] as number) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < d; j++) x[i * d + j] = (m.data[i * d + j] as number) * scale;
  }
  const at = new Map(classes.map((c, i) => [c, i]));
  const cls = Int32Array.from(labels, (l) => at.get(l) as number);
  const size = new Float64Array(C);
  const sums = new Float64Array(C * d);
  for (let i = 0; i < n; i++) {
    const c = cls[i] as number;
    size[c] = (size[c] as number) + 1;
    for (let j = 0; j < d; j++) sums[c * d + j] = (sums[c * d + j] as number) + (x[i * d + j] as number);
  }
  const sil = new Float64Array(n);
  const intra = new Float64Array(n);
  const nearest = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = cls[i] as number;
    let self = 0;
    for (let j = 0; j < d; j++) self += (x[i * d + j] as number) ** 2;
    let best = -Infinity;
    let intraSim = 0;
    for (let c = 0; c < C; c++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += (x[i * d + j] as number) * (sums[c * d + j] as number);
      if (c === own) {
        const others = (size[c] as number) - 1;
        intraSim = others > 0 ? (dot - self) / others : NaN;
      } else best = Math.max(best, dot / (size[c] as number));
    }
    intra[i] = intraSim;
    nearest[i] = best;
    if (Number.isNaN(intraSim)) continue; // a singleton: silhouette 0 (sklearn)
    // Cosine distance = 1 - similarity, clipped to [0, 2] as sklearn does.
    const a = Math.min(2, Math.max(0, 1 - intraSim));
    const b = Math.min(2, Math.max(0, 1 - best));
    const den = Math.max(a, b);
    sil[i] = den > 0 ? (b - a) / den : 0;
  }
  const perClass: ClassSeparation[] = classes.map((label, c) => {
    const rows = [...cls.keys()].filter((i) => cls[i] === c);
    const withOthers = rows.filter((i) => !Number.isNaN(intra[i] as number));
    return {
      label,
      count: rows.length,
      silhouette: mean(rows.map((i) => sil[i] as number)),
      intraClass: mean(withOthers.map((i) => intra[i] as number)),
      nearestOtherClass: mean(rows.map((i) => nearest[i] as number)),
    };
  });
  const all = [...cls.keys()];
  return {
    silhouette: sil,
    separation: {
      silhouette: mean(all.map((i) => sil[i] as number)),
      intraClass: mean(all.filter((i) => !Number.isNaN(intra[i] as number)).map((i) => intra[i] as number)),
      nearestOtherClass: mean(all.map((i) => nearest[i] as number)),
      perClass,
    },
  };
}

/** Paired over the items both models have (by id): mean silhouette difference, its bootstrap interval, and the
 * classes whose mean silhouette fell, the largest fall first. */
export function separationVsBaseline(
  base: { ids: readonly string[]; sep: ItemSeparation },
  other: { ids: readonly string[]; sep: ItemSeparation },
  bootstrap: { resamples: number; seed: number },
): NonNullable<Separation['vsBaseline']> {
  const baseAt = new Map(base.ids.map((id, i) => [id, i]));
  const diffs: number[] = [];
  other.ids.forEach((id, i) => {
    const b = baseAt.get(id);
    if (b !== undefined) diffs.push((other.sep.silhouette[i] as number) - (base.sep.silhouette[b] as number));
  });
  const baseClass = new Map(base.sep.separation.perClass.map((c) => [c.label, c.silhouette]));
  const worsenedClasses = other.sep.separation.perClass
    .map((c) => ({ label: c.label, fall: (baseClass.get(c.label) ?? c.silhouette) - c.silhouette }))
    .filter((c) => c.fall > 0)
    .sort((x, y) => y.fall - x.fall || (x.label < y.label ? -1 : 1))
    .map((c) => c.label);
  return { difference: mean(diffs), ci95: pairedBootstrapCi(diffs, bootstrap.resamples, bootstrap.seed), worsenedClasses };
}

function mean(xs: readonly number[]): number {
  return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
