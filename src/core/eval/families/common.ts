// Helpers the family definitions share: input checks with the family's own words, and vector shape checks.
import { AwsUserError } from '../../awsRules/userError';
import type { EmbedInput, ImageFormat, ModelFamily } from './types';

export const invalid = (message: string): AwsUserError => new AwsUserError('validation', message, { retryable: false });
export const badResponse = (message: string): AwsUserError => new AwsUserError('internal', message, { retryable: false });

/** The image format from the file's first bytes (the families that need it say it in the request). */
export function imageFormatOf(imageBase64: string): ImageFormat | undefined {
  const head = Buffer.from(imageBase64.slice(0, 16), 'base64');
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8) return 'jpeg';
  if (head.subarray(0, 3).toString('latin1') === 'GIF') return 'gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return undefined;
}

/** The format of an input's image, or a validation error naming the formats the family takes. */
export function formatOrThrow(family: Pick<ModelFamily, 'displayName' | 'limits'>, imageBase64: string): ImageFormat {
  const f = imageFormatOf(imageBase64);
  if (!f || !family.limits.imageFormats.includes(f)) throw invalid(`${family.displayName} takes ${family.limits.imageFormats.join(', ')} images; this image is ${f ?? 'none of them'}.`);
  return f;
}

/**
 * Checks one input's shape (what the family can never take). Size limits are the service's to enforce: its
 * ValidationException names the limit, and a local guess at a token count would be wrong.
 */
export function checkInput(family: Pick<ModelFamily, 'displayName' | 'limits'>, input: EmbedInput): void {
  const hasText = input.text !== undefined;
  const hasImage = input.imageBase64 !== undefined;
  if (!hasText && !hasImage) throw invalid('An embedding needs a text, an image, or both.');
  if (hasText && hasImage && !family.limits.textAndImageTogether) throw invalid(`${family.displayName} embeds one text or one image per input, not both.`);
}

/** A list of finite numbers, or undefined. */
export function numberList(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (v as number[]) : undefined;
}

export function asRecord(json: unknown): Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}

/** requestBodyMany for a family that takes one input per call. */
export function oneOnly(family: Pick<ModelFamily, 'displayName' | 'requestBody'>): ModelFamily['requestBodyMany'] {
  return (inputs, params) => {
    if (inputs.length !== 1) throw invalid(`${family.displayName} embeds one input per call; ${inputs.length} were given.`);
    return family.requestBody(inputs[0] as EmbedInput, params);
  };
}
