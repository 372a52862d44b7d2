// A model's cost lines in the report, from the user's price settings only: what this evaluation's embeddings cost
// and what serving the model costs (on demand per 1,000 images, or a provisioned throughput per hour for a
// fine-tuned model). A price left unset (0 or absent) gives no line: nothing is invented.
import type { ModelCost } from '../../protocol/report';
import type { FamilyId } from './families/types';

export interface FamilyPrices {
  /** USD per image embedded on demand. */
  perImage?: number;
  /** USD per 1,000 input text tokens on demand. */
  per1000TextTokens?: number;
}

export interface EmbeddingPrices {
  readonly families?: Partial<Record<FamilyId, FamilyPrices>>;
  /** USD per model unit per hour, no commitment (bedrockCustomizer.pricing.throughputHourlyNoCommitment). */
  readonly throughputHourly?: number;
}

const set = (x: number | undefined): x is number => typeof x === 'number' && x > 0;

export function modelCost(prices: EmbeddingPrices | undefined, family: FamilyId, fineTuned: boolean, embedded: { images: number; textTokens: number }): ModelCost {
  const p = prices?.families?.[family];
  const cost: ModelCost = { embeddedImages: embedded.images, embeddedTextTokens: embedded.textTokens };
  const imagePart = embedded.images === 0 ? 0 : set(p?.perImage) ? p.perImage * embedded.images : undefined;
  const textPart = embedded.textTokens === 0 ? 0 : set(p?.per1000TextTokens) ? (p.per1000TextTokens * embedded.textTokens) / 1000 : undefined;
  // A fine-tuned model is invoked through its provisioned throughput: its embeddings are covered by the hourly price.
  if (!fineTuned && imagePart !== undefined && textPart !== undefined) cost.evaluationUsd = imagePart + textPart;
  if (!fineTuned && set(p?.perImage)) cost.onDemandPer1000ImagesUsd = p.perImage * 1000;
  if (fineTuned && set(prices?.throughputHourly)) cost.provisionedPerHourUsd = prices.throughputHourly;
  return cost;
}
