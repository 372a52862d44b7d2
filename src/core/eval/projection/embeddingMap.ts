// The report's embedding map (schema 2): every corpus image and every text query, projected per model to 2D over the
// same items, coordinates centred and scaled by one factor into [-1, 1] (both axes alike, so distances keep their
// proportions). PCA by default, UMAP on request.

import type { EmbeddingMap, MapItem } from '../../../protocol/report';
import type { LabelRule } from '../labels';
import type { EmbeddingRecord } from '../records';
import { normalisedMatrix } from '../vectors';
import { pca2 } from './pca';
import { umap2 } from './umap';

export type MapMethod = EmbeddingMap['method'];
export interface MapSettings { method: MapMethod; seed: number }
export const DEFAULT_MAP: MapSettings = { method: 'pca', seed: 20240901 };

/** The spec's `map` (either field optional) over the defaults. */
export function mapSettings(spec: { method?: MapMethod; seed?: number } | undefined): MapSettings {
  return { method: spec?.method ?? DEFAULT_MAP.method, seed: spec?.seed ?? DEFAULT_MAP.seed };
}

export interface MapModel {
  name: string;
  records: readonly EmbeddingRecord[];
  /** S3 URI of each image record by id, for thumbnails; the id itself when unknown. */
  imageUris?: ReadonlyMap<string, string>;
}

const key = (r: { kind: string; id: string }): string => `${r.kind}\u0000${r.id}`;

/** Items in the first model's order that every model has and the label rule matches. Undefined with no items. */
export function buildEmbeddingMap(models: readonly MapModel[], labelRule: LabelRule, settings: MapSettings): EmbeddingMap | undefined {
  const first = models[0];
  if (!first) return undefined;
  const byModel = models.map((m) => new Map(m.records.map((r) => [key(r), r])));
  const chosen = first.records.filter((r) => labelRule.apply(r.label) !== null && byModel.every((b) => b.has(key(r))));
  if (chosen.length === 0) return undefined;
  const items: MapItem[] = chosen.map((r) => ({
    id: r.id,
    label: labelRule.apply(r.label) as string,
    kind: r.kind,
    source: r.kind === 'image' ? (first.imageUris?.get(r.id) ?? r.id) : (r.text ?? r.label),
  }));
  const out: EmbeddingMap = { method: settings.method, seed: settings.seed, items, models: [] };
  models.forEach((m, mi) => {
    const vectors = chosen.map((r) => (byModel[mi]?.get(key(r)) as EmbeddingRecord).vector);
    const dim = vectors[0]?.length ?? 0;
    const matrix = normalisedMatrix(vectors, dim);
    if (settings.method === 'umap') {
      const rows = chosen.map((_, i) => matrix.data.subarray(i * dim, (i + 1) * dim));
      out.models.push({ model: m.name, xy: scaleToUnit(umap2(rows, settings.seed)) });
    } else {
      const p = pca2(matrix.data, matrix.rows, dim, settings.seed);
      out.models.push({ model: m.name, xy: scaleToUnit(p.xy), explainedVariance: p.explainedVarianceRatio });
    }
  });
  return out;
}

/** Centres each axis on its mid-range and divides both by the larger half-range, into [-1, 1]. */
export function scaleToUnit(xy: Float64Array): number[] {
  const n = xy.length / 2;
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (let i = 0; i < n; i++) for (let c = 0; c < 2; c++) {
    const v = xy[i * 2 + c] as number;
    lo[c] = Math.min(lo[c] as number, v);
    hi[c] = Math.max(hi[c] as number, v);
  }
  const mid = [0, 1].map((c) => ((lo[c] as number) + (hi[c] as number)) / 2);
  const half = Math.max(((hi[0] as number) - (lo[0] as number)) / 2, ((hi[1] as number) - (lo[1] as number)) / 2);
  const scale = half > 0 && Number.isFinite(half) ? 1 / half : 0;
  return Array.from(xy, (v, t) => Math.max(-1, Math.min(1, (v - (mid[t % 2] as number)) * scale)));
}
