// A model's cost lines in the report, from the user's prices only (prices.ts): what this evaluation's embeddings
// cost on the route they took and what serving the model costs (on demand per 1,000 images, or a provisioned
// throughput per hour for a fine-tuned model). A price left unset gives no line: nothing is invented.
import type { ModelCost } from '../../protocol/report';
import type { Route } from './batch/route';
import type { FamilyId } from './families/types';
import { isSet, type Prices } from './prices';

export interface CostInput {
  family: FamilyId;
  fineTuned: boolean;
  /** The route this run embedded with (a fine-tuned model: batch, or on demand through its provisioned throughput). */
  route: Route;
  embedded: { images: number; textTokens: number };
}

export function modelCost(prices: Prices | undefined, c: CostInput): ModelCost {
  const p = prices?.families[c.family];
  const cost: ModelCost = { embeddedImages: c.embedded.images, embeddedTextTokens: c.embedded.textTokens };
  // Through a provisioned throughput the embeddings are covered by its hourly price: no per-image amount.
  const viaThroughput = c.fineTuned && c.route === 'on-demand';
  const perImage = c.route === 'batch' ? p?.batchPerImage : p?.onDemandPerImage;
  const imagePart = c.embedded.images === 0 ? 0 : isSet(perImage) ? perImage * c.embedded.images : undefined;
  // One text-token price per family (Bedrock's batch text price is lower: for a batch run this is an upper bound).
  const textPart = c.embedded.textTokens === 0 ? 0 : isSet(p?.per1000TextTokens) ? (p.per1000TextTokens * c.embedded.textTokens) / 1000 : undefined;
  if (!viaThroughput && imagePart !== undefined && textPart !== undefined) cost.evaluationUsd = imagePart + textPart;
  if (!c.fineTuned && isSet(p?.onDemandPerImage)) cost.onDemandPer1000ImagesUsd = p.onDemandPerImage * 1000;
  if (c.fineTuned && isSet(prices?.throughputHourly)) cost.provisionedPerHourUsd = prices.throughputHourly;
  return cost;
}
