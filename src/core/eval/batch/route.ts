// Which route embeds a model's records: on-demand InvokeModel or a batch inference job, and why (for the
// confirmation). Facts: docs/reference/bedrock-batch.md "Which models".
import { parseArn } from '../../awsRules/arn';

export type InferenceSetting = 'auto' | 'on-demand' | 'batch';
export type Route = 'on-demand' | 'batch';

export interface RouteInput {
  modelId: string;
  requested: InferenceSetting;
  /** Records not yet in the cache. */
  toEmbed: number;
  threshold: number;
}

export type RouteChoice = { route: Route; why: string } | { problem: string };

export type ModelKind = 'base' | 'custom-model' | 'provisioned';

export function modelKindOf(modelId: string): ModelKind {
  const t = parseArn(modelId)?.resourceType;
  return t === 'custom-model' ? 'custom-model' : t === 'provisioned-model' ? 'provisioned' : 'base';
}

/** A model and setting that can never work, whatever the records (the spec parser reports it at its place). */
export function settingProblem(modelId: string, requested: InferenceSetting): string | undefined {
  const kind = modelKindOf(modelId);
  if (kind === 'custom-model' && requested === 'on-demand') {
    return `${modelId} is a custom model: on demand it is invoked only through a provisioned throughput (give its provisioned model ARN as modelId), or set "inference": "batch"`;
  }
  if (kind === 'provisioned' && requested === 'batch') return `${modelId} is a provisioned throughput: batch inference does not accept provisioned models; give the custom model ARN instead`;
  return undefined;
}

export function chooseRoute(i: RouteInput): RouteChoice {
  const kind = modelKindOf(i.modelId);
  const problem = settingProblem(i.modelId, i.requested);
  if (problem) return { problem };
  if (i.toEmbed === 0) return { route: 'on-demand', why: 'every vector is cached: nothing is embedded' };
  if (kind === 'custom-model') {
    return { route: 'batch', why: 'a custom model is embedded without a provisioned throughput only by batch inference' };
  }
  if (kind === 'provisioned') {
    return { route: 'on-demand', why: 'a provisioned throughput is invoked on demand' };
  }
  if (i.requested === 'batch') return { route: 'batch', why: 'the spec asks for batch inference' };
  if (i.requested === 'on-demand') return { route: 'on-demand', why: 'the spec asks for on-demand inference' };
  return i.toEmbed > i.threshold
    ? { route: 'batch', why: `${i.toEmbed} records exceed the batch threshold of ${i.threshold} (bedrockCustomizer.compare.batchThreshold)` }
    : { route: 'on-demand', why: `${i.toEmbed} records are within the batch threshold of ${i.threshold} (bedrockCustomizer.compare.batchThreshold)` };
}

/** Per-image prices the user set (0 = not set); text queries are billed per token and not estimated here. */
export interface EmbedPrices {
  onDemandPerImage: number;
  batchPerImage: number;
}

/** The confirmation's cost words for `images` image records on `route`; no price is ever assumed. */
export function costLine(route: Route, images: number, prices: EmbedPrices): string {
  const price = route === 'batch' ? prices.batchPerImage : prices.onDemandPerImage;
  const key = route === 'batch' ? 'pricing.batchPerImage' : 'pricing.onDemandPerImage';
  if (!(price > 0)) return `cost: set bedrockCustomizer.${key} (from the Bedrock pricing page) to see an estimate`;
  return `about $${(images * price).toFixed(4)} (${images} images x your $${price}; text queries bill per token)`;
}
