// A response body's vectors checked against what was asked: one per input, each of the dimension asked for (a wrong
// shape must never reach an index or the cache).
import { AwsUserError } from '../../awsRules/userError';
import { badResponse } from './common';
import type { ModelFamily } from './types';

export interface ParsedVectors {
  readonly vectors: Float32Array[];
  readonly inputTextTokenCount: number | undefined;
}

export function parseEmbeddings(family: ModelFamily, text: string, expected: { count: number; dimension: number; modelId: string }): ParsedVectors {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AwsUserError('internal', `${expected.modelId} returned a response that is not JSON.`, { retryable: true });
  }
  const parsed = family.parseResponse(json);
  if (parsed.vectors.length !== expected.count) throw badResponse(`${expected.modelId} returned ${parsed.vectors.length} embeddings for ${expected.count} inputs.`);
  for (const v of parsed.vectors) {
    if (v.length !== expected.dimension) throw badResponse(`${expected.modelId} returned ${v.length} values; expected ${expected.dimension} numbers.`);
  }
  return { vectors: parsed.vectors.map((v) => Float32Array.from(v)), inputTextTokenCount: parsed.inputTextTokenCount };
}
