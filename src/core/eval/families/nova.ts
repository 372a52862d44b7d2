// Amazon Nova Multimodal Embeddings (Nova user guide, "Amazon Nova Multimodal Embeddings request schema"):
// synchronous SINGLE_EMBEDDING, exactly one modality per request.
import { asRecord, badResponse, checkInput, formatOrThrow, numberList, oneOnly } from './common';
import type { EmbedParams, ModelFamily } from './types';

const base = {
  id: 'nova-mme',
  displayName: 'Nova Multimodal Embeddings',
  dimensions: [256, 384, 1024, 3072],
  defaultDimension: 3072,
  limits: { imageFormats: ['png', 'jpeg', 'gif', 'webp'], textAndImageTogether: false },
  distinguishesPurpose: true,
  maxItemsPerCall: 1,
  customizable: false,
  batchInference: true,
} as const;

/**
 * Corpus items (images) are indexed with GENERIC_INDEX; the texts searched with against them use the retrieval
 * purpose of the corpus' modality, IMAGE_RETRIEVAL.
 */
export const novaPurpose = (p: EmbedParams): string => (p.purpose === 'document' ? 'GENERIC_INDEX' : 'IMAGE_RETRIEVAL');

const requestBody: ModelFamily['requestBody'] = (input, params) => {
  checkInput(base, input);
  const content = input.text !== undefined
    // END keeps the start of a long text (the caption's head carries the class); NONE would fail the request.
    ? { text: { truncationMode: 'END', value: input.text } }
    : { image: { format: formatOrThrow(base, input.imageBase64 as string), detailLevel: 'STANDARD_IMAGE', source: { bytes: input.imageBase64 } } };
  return {
    schemaVersion: 'nova-multimodal-embed-v1',
    taskType: 'SINGLE_EMBEDDING',
    singleEmbeddingParams: { embeddingPurpose: novaPurpose(params), embeddingDimension: params.dimension, ...content },
  };
};

export const novaFamily: ModelFamily = {
  ...base,
  requestBody,
  requestBodyMany: oneOnly({ displayName: base.displayName, requestBody }),
  parseResponse(json) {
    const list = asRecord(json)['embeddings'];
    const first = Array.isArray(list) ? numberList(asRecord(list[0])['embedding']) : undefined;
    if (!first || (list as unknown[]).length !== 1) throw badResponse(`${base.displayName} returned no "embeddings": [{"embedding": [...]}] with one embedding.`);
    return { vectors: [first] };
  },
  cacheVariant: (p) => `nova:${novaPurpose(p)}:${p.dimension}`,
};
