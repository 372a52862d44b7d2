// Contract: Bedrock runtime embeddings (InvokeModel, Titan Multimodal Embeddings shape) against the emulator.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { rejection, sampleImageBase64, sessionFor, useEmulator } from './support';

const MODEL = 'amazon.titan-embed-image-v1';
let imageBase64 = '';

const fx = useEmulator({
  // A real image from the emulator's sample dataset, read back through the S3 wrapper.
  setup: async (fixture) => {
    imageBase64 = await sampleImageBase64(fixture);
  },
});

const norm = (v: Float32Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('InvokeModel embeddings', () => {
  test('text, image, and both, at every output length; deterministic', async () => {
    for (const length of [256, 384, 1024] as const) {
      const text = await fx.aws.runtime.embed({ modelId: MODEL, text: 'The letter A in sign language', length });
      assert.equal(text.vector.length, length);
      assert.ok(text.vector instanceof Float32Array);
      assert.ok(norm(text.vector) > 0);
      assert.ok((text.inputTextTokenCount ?? 0) > 0);
    }
    const image = await fx.aws.runtime.embed({ modelId: MODEL, imageBase64, length: 384 });
    const again = await fx.aws.runtime.embed({ modelId: MODEL, imageBase64, length: 384 });
    assert.deepEqual(again.vector, image.vector, 'the same input gives the same embedding');
    const both = await fx.aws.runtime.embed({ modelId: MODEL, text: 'a hand', imageBase64, length: 384 });
    assert.notDeepEqual(both.vector, image.vector);
    const sent = (await fx.admin.requests('bedrockRuntime')).at(-1);
    assert.equal(sent?.path, `/model/${MODEL}/invoke`);
    assert.deepEqual(Object.keys(sent?.body as object).sort(), ['embeddingConfig', 'inputImage', 'inputText']);
  });

  test('bad input: refused locally when empty, ValidationException from the service otherwise', async () => {
    const empty = await rejection(() => fx.aws.runtime.embed({ modelId: MODEL, length: 256 }));
    assert.equal(empty.kind, 'validation');
    const tooLong = await rejection(() => fx.aws.runtime.embed({ modelId: MODEL, text: 'x'.repeat(3000), length: 256 }));
    assert.equal(tooLong.kind, 'validation');
    assert.equal(tooLong.details.code, 'ValidationException');
    assert.equal(tooLong.details.iamAction, 'bedrock:InvokeModel');
    const customModel = await rejection(() => fx.aws.runtime.embed({
      modelId: 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/abcdefghijkl', text: 'x', length: 256,
    }));
    assert.equal(customModel.kind, 'validation');
    assert.match(customModel.message, /provisioned throughput/);
    const unknown = await rejection(() => fx.aws.runtime.embed({ modelId: 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/zzzzzzzzzzzz', text: 'x', length: 256 }));
    assert.equal(unknown.kind, 'notFound');
  });

  test('a provisioned throughput not yet InService answers ModelNotReadyException; once InService it embeds', async () => {
    const { modelArns } = await fx.admin.seed({ customModels: [{ modelName: 'runtime-model' }] });
    const { provisionedModelArn } = await fx.aws.bedrock.createProvisionedThroughput({ modelId: modelArns[0] ?? '', modelUnits: 1, provisionedModelName: 'runtime-pt' });
    const quick = sessionFor(fx.emulator, { maxAttempts: 1 });
    try {
      const notReady = await rejection(() => quick.runtime.embed({ modelId: provisionedModelArn, text: 'x', length: 256 }));
      assert.equal(notReady.details.code, 'ModelNotReadyException');
      assert.equal(notReady.details.retryable, true);
    } finally {
      quick.dispose();
    }
    await fx.admin.advance(30 * 60_000);
    const tuned = await fx.aws.runtime.embed({ modelId: provisionedModelArn, imageBase64, length: 256 });
    assert.equal(tuned.vector.length, 256);
  });
});
