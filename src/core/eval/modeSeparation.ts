// Attaches class separation (separation.ts) to every model's result in a mode: over the corpus images (the gallery in
// image-to-image against a gallery, else the test images), each non-baseline model paired with the baseline.

import type { ModelModeResult, ModeReport } from '../../protocol/report';
import type { ComparisonSettings } from './compare';
import type { LabelRule } from './labels';
import type { EmbeddingRecord } from './records';
import { classSeparation, separationVsBaseline, type ItemSeparation } from './separation';
import { normalisedMatrix } from './vectors';

export interface SeparationModel {
  name: string;
  records: readonly EmbeddingRecord[];
  gallery?: readonly EmbeddingRecord[] | undefined;
}

interface Computed { ids: string[]; sep: ItemSeparation }

/** Computes each model's separation once per corpus and reuses it across modes. */
export class SeparationCache {
  private readonly done = new Map<string, Computed | undefined>();
  constructor(private readonly labelRule: LabelRule) {}

  of(model: SeparationModel, useGallery: boolean): Computed | undefined {
    const cacheKey = `${useGallery ? 'g' : 't'}\u0000${model.name}`;
    if (this.done.has(cacheKey)) return this.done.get(cacheKey);
    const source = useGallery && model.gallery ? model.gallery : model.records;
    const ids: string[] = [];
    const labels: string[] = [];
    const vectors: number[][] = [];
    for (const r of source) {
      if (r.kind !== 'image') continue;
      const label = this.labelRule.apply(r.label);
      if (label === null) continue;
      ids.push(r.id);
      labels.push(label);
      vectors.push(r.vector);
    }
    const sep = vectors.length > 0 ? classSeparation(normalisedMatrix(vectors, vectors[0]?.length ?? 0), labels) : undefined;
    const computed = sep ? { ids, sep } : undefined;
    this.done.set(cacheKey, computed);
    return computed;
  }
}

export function attachSeparation(
  mode: ModeReport['mode'],
  results: ModelModeResult[],
  models: readonly SeparationModel[],
  baseline: string,
  cache: SeparationCache,
  settings: ComparisonSettings,
): void {
  const useGallery = mode === 'image-to-image' && models.some((m) => m.gallery);
  const base = models.find((m) => m.name === baseline);
  const baseSep = base ? cache.of(base, useGallery) : undefined;
  for (const result of results) {
    const model = models.find((m) => m.name === result.model);
    const own = model ? cache.of(model, useGallery) : undefined;
    if (!own) continue;
    result.separation = {
      ...own.sep.separation,
      ...(baseSep && model !== base
        ? { vsBaseline: separationVsBaseline(baseSep, own, { resamples: settings.bootstrapResamples, seed: settings.seed }) }
        : {}),
    };
  }
}
