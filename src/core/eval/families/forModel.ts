// The family and dimension a compare spec's model embeds with: the model's own `dimension`, else the spec's
// `embeddingLength` when the family offers it, else the family's default.
import { resolveFamily } from './index';
import type { ModelFamily } from './types';

export interface ModelEmbeddingPlan {
  readonly family: ModelFamily;
  readonly dimension: number;
}

export function planFor(m: { modelId: string; family?: string | undefined; dimension?: number | undefined }, specLength: number): ModelEmbeddingPlan | { problem: string } {
  const r = resolveFamily(m.modelId, m.family);
  if ('problem' in r) return r;
  const f = r.family;
  if (m.dimension !== undefined) {
    return f.dimensions.includes(m.dimension) ? { family: f, dimension: m.dimension } : { problem: `dimension ${m.dimension} is not one ${f.displayName} offers (${f.dimensions.join(', ')})` };
  }
  return { family: f, dimension: f.dimensions.includes(specLength) ? specLength : f.defaultDimension };
}

/** planFor, throwing its problem (for a spec parseCompareSpec already checked). */
export function planOrThrow(m: Parameters<typeof planFor>[0], specLength: number): ModelEmbeddingPlan {
  const p = planFor(m, specLength);
  if ('problem' in p) throw new Error(`${m.modelId}: ${p.problem}`);
  return p;
}
