// Amazon Titan Multimodal Embeddings G1 (Bedrock user guide, model-parameters-titan-embed-mm): the base model and
// every fine-tuned one (custom and provisioned model ARNs).
import { asRecord, badResponse, checkInput, numberList, oneOnly } from './common';
import type { ModelFamily } from './types';

const base = {
  id: 'titan-mm-g1',
  displayName: 'Titan Multimodal Embeddings G1',
  dimensions: [256, 384, 1024],
  defaultDimension: 1024,
  limits: { maxTextChars: 2560, maxImageBytes: 5 * 1024 * 1024, imageFormats: ['png', 'jpeg'], textAndImageTogether: true },
  distinguishesPurpose: false,
  maxItemsPerCall: 1,
  customizable: true,
  batchInference: true,
} as const;

const requestBody: ModelFamily['requestBody'] = (input, params) => {
  checkInput(base, input);
  return {
    ...(input.text !== undefined ? { inputText: input.text } : {}),
    ...(input.imageBase64 !== undefined ? { inputImage: input.imageBase64 } : {}),
    embeddingConfig: { outputEmbeddingLength: params.dimension },
  };
};

export const titanFamily: ModelFamily = {
  ...base,
  requestBody,
  requestBodyMany: oneOnly({ displayName: base.displayName, requestBody }),
  parseResponse(json) {
    const r = asRecord(json);
    const vector = numberList(r['embedding']);
    if (!vector) throw badResponse(`${base.displayName} returned no "embedding" list of numbers.`);
    return { vectors: [vector], inputTextTokenCount: typeof r['inputTextTokenCount'] === 'number' ? r['inputTextTokenCount'] : undefined };
  },
  // The purpose changes nothing and the dimension is the cache shard's: today's cache files stay valid.
  cacheVariant: () => '',
};
