// Contract: every model family through the real AWS SDK's InvokeModelCommand (BedrockRuntime.embed / embedMany)
// against the emulator, both modalities; what the family sends is what the emulator validates as AWS does.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cohereFamily, familyFor, novaFamily } from '../../src/core/eval/families';
import { rejection, sampleImageBase64, useEmulator } from './support';

const NOVA = 'amazon.nova-2-multimodal-embeddings-v1:0';
const COHERE = 'cohere.embed-v4:0';
let imageBase64 = '';

const fx = useEmulator({
  setup: async (fixture) => {
    imageBase64 = await sampleImageBase64(fixture);
  },
});

describe('InvokeModel per family', () => {
  test('Titan, Nova and Cohere: a text and an image each, of the dimension asked for', async () => {
    for (const [modelId, dims] of [['amazon.titan-embed-image-v1', [256, 1024]], [NOVA, [384, 3072]], [COHERE, [512, 1536]]] as const) {
      const family = familyFor(modelId);
      for (const length of dims) {
        const text = await fx.aws.runtime.embed({ modelId, family, text: 'The letter A in sign language', length, purpose: 'query' });
        const image = await fx.aws.runtime.embed({ modelId, family, imageBase64, length });
        assert.equal(text.vector.length, length, modelId);
        assert.equal(image.vector.length, length, modelId);
      }
    }
  });

  test('Cohere: 96 texts in one call come back in order; the family refuses 97 before any call', async () => {
    const inputs = Array.from({ length: 96 }, (_, i) => ({ text: `caption ${i}` }));
    const vectors = await fx.aws.runtime.embedMany({ modelId: COHERE, family: cohereFamily, inputs, params: { dimension: 256, purpose: 'document' } });
    assert.equal(vectors.length, 96);
    const one = await fx.aws.runtime.embed({ modelId: COHERE, family: cohereFamily, text: 'caption 7', length: 256 });
    assert.deepEqual(Array.from(vectors[7] ?? []), Array.from(one.vector));
    const tooMany = await rejection(() => fx.aws.runtime.embedMany({ modelId: COHERE, family: cohereFamily, inputs: [...inputs, { text: 'x' }], params: { dimension: 256, purpose: 'document' } }));
    assert.equal(tooMany.kind, 'validation');
    assert.equal(tooMany.details.iamAction, 'bedrock:InvokeModel');
  });

  test('a dimension the model does not offer is the service\'s ValidationException, with the action', async () => {
    const err = await rejection(() => fx.aws.runtime.embed({ modelId: NOVA, family: novaFamily, text: 'x', length: 512 }));
    assert.equal(err.kind, 'validation');
    assert.equal(err.details.code, 'ValidationException');
    assert.match(err.message, /embeddingDimension/);
  });
});
