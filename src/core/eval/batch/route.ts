// Which route embeds a model's records: on-demand InvokeModel or a batch inference job, and why (for the
// confirmation). Facts: docs/reference/bedrock-batch.md "Which models".
import { parseArn } from '../../awsRules/arn';
import type { FamilyId, ModelFamily } from '../families/types';
import { isSet, priceSettingFor, type Prices } from '../prices';

export type InferenceSetting = 'auto' | 'on-demand' | 'batch';
export type Route = 'on-demand' | 'batch';

export interface RouteInput {
  modelId: string;
  /** The model's family (inferred from the id, or the spec's `family`). */
  family: ModelFamily;
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
export function settingProblem(modelId: string, requested: InferenceSetting, family?: ModelFamily): string | undefined {
  const kind = modelKindOf(modelId);
  if (family && !family.batchInference && requested === 'batch') {
    return `${family.displayName} (${modelId}) is not among the models AWS's batch-inference page lists (docs/reference/bedrock-batch.md "Which models"): remove "inference": "batch" (it is embedded on demand)`;
  }
  if (kind === 'custom-model' && requested === 'on-demand') {
    return `${modelId} is a custom model: on demand it is invoked only through a provisioned throughput (give its provisioned model ARN as modelId), or set "inference": "batch"`;
  }
  if (kind === 'provisioned' && requested === 'batch') return `${modelId} is a provisioned throughput: batch inference does not accept provisioned models; give the custom model ARN instead`;
  return undefined;
}

export function chooseRoute(i: RouteInput): RouteChoice {
  const kind = modelKindOf(i.modelId);
  const problem = settingProblem(i.modelId, i.requested, i.family);
  if (problem) return { problem };
  if (i.toEmbed === 0) return { route: 'on-demand', why: 'every vector is cached: nothing is embedded' };
  if (!i.family.batchInference) return { route: 'on-demand', why: `${i.family.displayName} has no batch inference on Bedrock` };
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

/** The confirmation's cost words for `images` image records of a `family` model on `route`; no price is ever assumed. */
export function costLine(route: Route, images: number, prices: Prices, family: FamilyId): string {
  const field = route === 'batch' ? 'batchPerImage' : 'onDemandPerImage';
  const price = prices.families[family][field];
  if (!isSet(price)) return `cost: set ${priceSettingFor(family, field) ?? `a ${route} price for ${family}`} (from the Bedrock pricing page) to see an estimate`;
  return `about $${(images * price).toFixed(4)} (${images} images x your $${price}; text queries bill per token)`;
}
