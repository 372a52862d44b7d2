// The emulated off-the-shelf contenders (Nova Multimodal Embeddings, Cohere Embed v4) through the real AWS SDK:
// AWS's request validation, both response shapes, deterministic vectors, the catalogue and "not offered here", and
// quality on the sample set between the emulated base and fine-tuned Titan.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GetFoundationModelCommand, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { cohereFamily, novaFamily, titanFamily, type EmbedParams, type ModelFamily } from '../../src/core/eval/families';
import { generateDataset } from '../dataset/generate';
import { rejection, setUp, trainedSampleModel, type Harness } from './harness';

const NOVA = 'amazon.nova-2-multimodal-embeddings-v1:0';
const COHERE = 'cohere.embed-v4:0';
const BASE = 'amazon.titan-embed-image-v1';

async function invoke(h: Harness, modelId: string, body: object): Promise<Record<string, unknown>> {
  const r = await h.runtime.send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }));
  return JSON.parse(new TextDecoder().decode(r.body)) as Record<string, unknown>;
}

async function vectorOf(h: Harness, modelId: string, family: ModelFamily, input: { text?: string; imageBase64?: string }, params: EmbedParams): Promise<number[]> {
  return family.parseResponse(await invoke(h, modelId, family.requestBody(input, params))).vectors[0] as number[];
}

const cosine = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

async function top1(h: Harness, modelId: string, family: ModelFamily, test: { label: string; base64: string }[], letters: string[]): Promise<number> {
  const images = await Promise.all(test.map(async (t) => ({ label: t.label, v: await vectorOf(h, modelId, family, { imageBase64: t.base64 }, { dimension: 256, purpose: 'document' }) })));
  let hits = 0;
  for (const letter of letters) {
    const q = await vectorOf(h, modelId, family, { text: `The letter ${letter} in sign language` }, { dimension: 256, purpose: 'query' });
    if (images.reduce((a, b) => (cosine(q, b.v) > cosine(q, a.v) ? b : a)).label === letter) hits++;
  }
  return hits / letters.length;
}

describe('emulated contenders', () => {
  let h: Harness;
  const image = [...generateDataset({ imagesPerClass: 1, testPerClass: 0, classes: 1, augment: false })][0]?.bytes.toString('base64') ?? '';
  before(async () => { h = await setUp({ jobDurationMs: 10_000, minTrainingRecords: 10, throughputDurationMs: 1_000 }); });
  after(async () => { await h.tearDown(); });

  it('Nova: documented response shape, deterministic vectors of each dimension; AWS validation texts', async () => {
    for (const dimension of [256, 384, 1024, 3072]) {
      const r = await invoke(h, NOVA, novaFamily.requestBody({ text: 'a hand' }, { dimension, purpose: 'query' }));
      const [e] = r['embeddings'] as { embeddingType: string; embedding: number[] }[];
      assert.equal(e?.embeddingType, 'TEXT');
      assert.equal(e?.embedding.length, dimension);
    }
    const a = await vectorOf(h, NOVA, novaFamily, { imageBase64: image }, { dimension: 1024, purpose: 'document' });
    assert.deepEqual(a, await vectorOf(h, NOVA, novaFamily, { imageBase64: image }, { dimension: 1024, purpose: 'document' }));
    const body = novaFamily.requestBody({ text: 'x' }, { dimension: 256, purpose: 'query' }) as { singleEmbeddingParams: Record<string, unknown> };
    const cases: [object, RegExp][] = [
      [{ ...body, singleEmbeddingParams: { ...body.singleEmbeddingParams, text: { value: 'x' } } }, /required key \[truncationMode\] not found/],
      [{ ...body, singleEmbeddingParams: { ...body.singleEmbeddingParams, image: { format: 'png', source: { bytes: image } } } }, /exactly one of text, image, audio or video is required; found 2/],
      [{ ...body, singleEmbeddingParams: { ...body.singleEmbeddingParams, embeddingDimension: 512 } }, /embeddingDimension: 512 is not a valid enum value \(256, 384, 1024, 3072\)/],
      [{ ...body, taskType: 'SEGMENTED_EMBEDDING' }, /taskType/],
    ];
    for (const [b, message] of cases) {
      const err = await rejection(() => invoke(h, NOVA, b));
      assert.equal(err.name, 'ValidationException', JSON.stringify(b).slice(0, 200));
      assert.match(err.message, message);
    }
  });

  it('Cohere: up to 96 texts per call in order, images as data URIs, both response forms; more than 96 refused', async () => {
    const texts = Array.from({ length: 96 }, (_, i) => ({ text: `t${i}` }));
    const many = cohereFamily.parseResponse(await invoke(h, COHERE, cohereFamily.requestBodyMany(texts, { dimension: 512, purpose: 'document' }))).vectors;
    assert.equal(many.length, 96);
    assert.deepEqual(many[5], await vectorOf(h, COHERE, cohereFamily, { text: 't5' }, { dimension: 512, purpose: 'document' }));
    const byType = await invoke(h, COHERE, cohereFamily.requestBody({ imageBase64: image }, { dimension: 1536, purpose: 'document' }));
    assert.equal(byType['response_type'], 'embeddings_by_type');
    assert.equal(((byType['embeddings'] as { float: number[][] }).float[0] ?? []).length, 1536);
    const plain = await invoke(h, COHERE, { input_type: 'search_query', texts: ['a'] });
    assert.equal(plain['response_type'], 'embeddings_floats');
    assert.equal((cohereFamily.parseResponse(plain).vectors[0] ?? []).length, 1536);
    const cases: [object, RegExp][] = [
      [{ input_type: 'search_query', texts: Array.from({ length: 97 }, () => 'x') }, /expected maxItems: 96, actual: 97/],
      [{ input_type: 'search_query', texts: ['x'], images: [`data:image/png;base64,${image}`] }, /texts and images cannot be sent in the same request/],
      [{ input_type: 'search_query', texts: ['x'], output_dimension: 384 }, /output_dimension: 384 is not a valid enum value \(256, 512, 1024, 1536\)/],
      [{ input_type: 'query', texts: ['x'] }, /input_type/],
      [{ input_type: 'search_document', images: [image] }, /expected a data URI/],
    ];
    for (const [b, message] of cases) {
      const err = await rejection(() => invoke(h, COHERE, b));
      assert.equal(err.name, 'ValidationException', JSON.stringify(b).slice(0, 200));
      assert.match(err.message, message);
    }
  });

  it('catalogue: Get/ListFoundationModels name the contenders; a model marked not offered is absent and refused', async () => {
    const nova = await h.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: NOVA }));
    assert.equal(nova.modelDetails?.modelName, 'Nova Multimodal Embeddings');
    const list = await h.bedrock.send(new ListFoundationModelsCommand({ byOutputModality: 'EMBEDDING' }));
    assert.ok(list.modelSummaries?.some((m) => m.modelId === COHERE));
    await h.admin('POST', '/seed', { notOffered: [COHERE] });
    assert.equal((await rejection(() => h.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: COHERE })))).name, 'ValidationException');
    assert.ok(!(await h.bedrock.send(new ListFoundationModelsCommand({}))).modelSummaries?.some((m) => m.modelId === COHERE));
    assert.match((await rejection(() => invoke(h, COHERE, { input_type: 'search_query', texts: ['a'] }))).message, /model identifier is invalid/);
    await h.admin('POST', '/reset', { keepS3: true });
    assert.equal((await h.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: COHERE }))).modelDetails?.modelId, COHERE);
  });

  it('on the sample set each contender ranks between the emulated base and fine-tuned Titan', async () => {
    const { provisionedModelArn, test, letters } = await trainedSampleModel(h, 'contenders-ft');
    const base = await top1(h, BASE, titanFamily, test, letters);
    const tuned = await top1(h, provisionedModelArn, titanFamily, test, letters);
    const nova = await top1(h, NOVA, novaFamily, test, letters);
    const cohere = await top1(h, COHERE, cohereFamily, test, letters);
    console.log(`top-1 text->image: base ${base.toFixed(2)}, Cohere ${cohere.toFixed(2)}, Nova ${nova.toFixed(2)}, fine-tuned ${tuned.toFixed(2)}`);
    for (const [name, v] of [['Nova', nova], ['Cohere', cohere]] as const) {
      assert.ok(v > base && v < tuned, `${name} ${v} should lie between base ${base} and fine-tuned ${tuned}`);
    }
  });
});
