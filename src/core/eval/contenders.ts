// The strongest off-the-shelf multimodal embedders on Bedrock a fine-tuned model is compared against (issue 18):
// what the compare wizard offers, ticked by default, each with its estimated embedding cost for the test set from
// the user's prices (prices.ts) or the setting that gives one. Facts: docs/reference/model-families.md.
import { cohereFamily, novaFamily } from './families/index';
import type { ModelFamily } from './families/types';
import { estimateTokens, isSet, priceSettingFor, type Prices } from './prices';

export interface Contender {
  /** The spec's model name. */
  readonly name: string;
  readonly modelId: string;
  readonly family: ModelFamily;
}

export const CONTENDERS: readonly Contender[] = [
  { name: 'nova-mme', modelId: 'amazon.nova-2-multimodal-embeddings-v1:0', family: novaFamily },
  { name: 'cohere-embed-v4', modelId: 'cohere.embed-v4:0', family: cohereFamily },
];

/** What a test set asks each model to embed: its distinct images and the characters of its distinct captions. */
export interface TestSetSize {
  images: number;
  textChars: number;
}

/** The test set's size from its manifest text (JSON lines with image-ref and caption); bad lines are not counted. */
export function testSetSize(manifest: string): TestSetSize {
  const images = new Set<string>();
  const captions = new Set<string>();
  for (const line of manifest.split('\n')) {
    try {
      const o = JSON.parse(line) as { 'image-ref'?: unknown; caption?: unknown };
      if (typeof o['image-ref'] === 'string') images.add(o['image-ref']);
      if (typeof o.caption === 'string') captions.add(o.caption);
    } catch { /* a blank or broken line: the spec's own checks report it when the comparison runs */ }
  }
  return { images: images.size, textChars: [...captions].reduce((n, c) => n + c.length, 0) };
}

/** The estimate's words for one contender on demand: an amount from the user's prices, or the setting to set. */
export function contenderEstimate(c: Contender, size: TestSetSize, prices: Prices): string {
  const p = prices.families[c.family.id];
  const tokens = estimateTokens(size.textChars);
  const missing = [
    ...(size.images > 0 && !isSet(p.onDemandPerImage) ? [priceSettingFor(c.family.id, 'onDemandPerImage')] : []),
    ...(tokens > 0 && !isSet(p.per1000TextTokens) ? [priceSettingFor(c.family.id, 'per1000TextTokens')] : []),
  ];
  if (missing.length > 0) return `set ${missing.join(' and ')} to see an estimate (${size.images} images, about ${tokens} text tokens)`;
  const usd = size.images * p.onDemandPerImage + (tokens * p.per1000TextTokens) / 1000;
  return `about $${usd.toFixed(4)} to embed ${size.images} images and about ${tokens} text tokens on demand`;
}
