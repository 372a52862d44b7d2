// A model's cost line in words: the amounts the user's prices gave (report.ts ModelCost) and, when none did, that
// none is set. Shared by the CLI's text and the webview's headline. Pure.
import type { ModelCost } from './report';

const usd = (x: number): string => `$${x === 0 ? '0' : x < 0.01 ? x.toPrecision(2) : x.toFixed(2)}`;

export function costWords(name: string, c: ModelCost): string {
  const parts = [`${c.embeddedImages} images and about ${c.embeddedTextTokens} text tokens embedded this run`];
  if (c.evaluationUsd !== undefined) parts.push(`${usd(c.evaluationUsd)} for this evaluation`);
  if (c.onDemandPer1000ImagesUsd !== undefined) parts.push(`${usd(c.onDemandPer1000ImagesUsd)} per 1,000 images on demand`);
  if (c.provisionedPerHourUsd !== undefined) parts.push(`${usd(c.provisionedPerHourUsd)} per hour of provisioned throughput`);
  if (parts.length === 1) parts.push('no prices set, so no amounts');
  return `cost ${name}: ${parts.join('; ')}`;
}
