// Cohere Embed v4 on Bedrock (Bedrock user guide, model-parameters-embed-v4): texts or images (data URIs), up to
// 96 per call, float embeddings. The response carries `embeddings` as a list of vectors or as {"float": [...]}.
import { asRecord, badResponse, checkInput, formatOrThrow, invalid, numberList } from './common';
import type { EmbedParams, ModelFamily } from './types';

const base = {
  id: 'cohere-embed-v4',
  displayName: 'Cohere Embed v4',
  dimensions: [256, 512, 1024, 1536],
  defaultDimension: 1536,
  limits: { maxImageBytes: 5 * 1024 * 1024, imageFormats: ['png', 'jpeg', 'gif', 'webp'], textAndImageTogether: false },
  distinguishesPurpose: true,
  maxItemsPerCall: 96,
  customizable: false,
  batchInference: false,
} as const;

export const cohereInputType = (p: EmbedParams): string => (p.purpose === 'document' ? 'search_document' : 'search_query');

const requestBodyMany: ModelFamily['requestBodyMany'] = (inputs, params) => {
  if (inputs.length < 1 || inputs.length > base.maxItemsPerCall) throw invalid(`${base.displayName} embeds 1 to ${base.maxItemsPerCall} inputs per call; ${inputs.length} were given.`);
  for (const i of inputs) checkInput(base, i);
  const texts = inputs.filter((i) => i.text !== undefined);
  if (texts.length !== 0 && texts.length !== inputs.length) throw invalid(`${base.displayName}: one call embeds texts or images, not both.`);
  const content = texts.length > 0
    ? { texts: inputs.map((i) => i.text as string) }
    : { images: inputs.map((i) => `data:image/${formatOrThrow(base, i.imageBase64 as string)};base64,${i.imageBase64 as string}`) };
  return { input_type: cohereInputType(params), ...content, embedding_types: ['float'], output_dimension: params.dimension };
};

/** `embeddings` as a list of vectors (embeddings_floats) or as {"float": [...]} (embeddings_by_type). */
function vectorsOf(embeddings: unknown): number[][] | undefined {
  const list = Array.isArray(embeddings) ? embeddings : asRecord(embeddings)['float'];
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const vectors = list.map(numberList);
  return vectors.every((v) => v !== undefined) ? (vectors as number[][]) : undefined;
}

export const cohereFamily: ModelFamily = {
  ...base,
  requestBody: (input, params) => requestBodyMany([input], params),
  requestBodyMany,
  parseResponse(json) {
    const vectors = vectorsOf(asRecord(json)['embeddings']);
    if (!vectors) throw badResponse(`${base.displayName} returned no "embeddings" (a list of vectors, or {"float": [...]}).`);
    return { vectors };
  },
  cacheVariant: (p) => `cohere:${cohereInputType(p)}:${p.dimension}`,
};
