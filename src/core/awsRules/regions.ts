/** Regions where Titan Multimodal Embeddings G1 fine-tuning is offered (docs/reference/bedrock-tmme.md §3). */
export const TMME_CUSTOMIZATION_REGIONS: readonly string[] = ['us-east-1', 'us-west-2'];

/** The region used when neither the setting nor the profile names one. */
export const DEFAULT_REGION = 'us-east-1';

export function offersTmmeCustomization(region: string): boolean {
  return TMME_CUSTOMIZATION_REGIONS.includes(region);
}

/** AWS region names look like `us-east-1`, `ap-southeast-2`, `us-gov-west-1`, `eu-isoe-west-1`. */
export function isRegionName(text: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(text);
}
