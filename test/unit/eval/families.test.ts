// Each family's body builder against the documented examples (docs/reference/model-families.md), the parsers
// against every documented response form, and the model-id inference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsUserError } from '../../../src/core/awsRules/userError';
import { variantKey, textKey } from '../../../src/core/eval/embeddingCache';
import { cohereFamily, familyFor, imageFormatOf, novaFamily, parseEmbeddings, resolveFamily, titanFamily } from '../../../src/core/eval/families';
import { planFor } from '../../../src/core/eval/families/forModel';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]).toString('base64');
const doc = { dimension: 1024, purpose: 'document' } as const;
const query = { dimension: 1024, purpose: 'query' } as const;

test('familyFor: ids, ARNs and inference-profile prefixes; an unknown id lists the supported families', () => {
  assert.equal(familyFor('amazon.titan-embed-image-v1').id, 'titan-mm-g1');
  assert.equal(familyFor('amazon.titan-embed-image-v1:0').id, 'titan-mm-g1');
  assert.equal(familyFor('arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl').id, 'titan-mm-g1');
  assert.equal(familyFor('arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/abcdefghijkl').id, 'titan-mm-g1');
  assert.equal(familyFor('amazon.nova-2-multimodal-embeddings-v1:0').id, 'nova-mme');
  assert.equal(familyFor('us.amazon.nova-2-multimodal-embeddings-v1:0').id, 'nova-mme');
  assert.equal(familyFor('arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-v4:0').id, 'cohere-embed-v4');
  assert.equal(familyFor('cohere.embed-v4:0').id, 'cohere-embed-v4');
  assert.equal(familyFor('my-model', 'cohere-embed-v4').id, 'cohere-embed-v4');
  assert.throws(() => familyFor('amazon.titan-embed-text-v2:0'), /titan-mm-g1.*nova-mme.*cohere-embed-v4/);
  const r = resolveFamily('x', 'clip');
  assert.ok('problem' in r && /unknown model family "clip"/.test(r.problem));
});

test('Titan: the documented body, both inputs in one request, one embedding parsed; purpose changes nothing', () => {
  assert.deepEqual(titanFamily.requestBody({ text: 'a hand', imageBase64: PNG }, { dimension: 384, purpose: 'query' }), { inputText: 'a hand', inputImage: PNG, embeddingConfig: { outputEmbeddingLength: 384 } });
  assert.deepEqual(titanFamily.parseResponse({ embedding: [0.1, 0.2], inputTextTokenCount: 3, message: null }), { vectors: [[0.1, 0.2]], inputTextTokenCount: 3 });
  assert.equal(titanFamily.cacheVariant(doc), titanFamily.cacheVariant(query));
  assert.throws(() => titanFamily.requestBody({}, doc), (e: unknown) => e instanceof AwsUserError && e.kind === 'validation');
  assert.throws(() => titanFamily.requestBodyMany([{ text: 'a' }, { text: 'b' }], doc), /one input per call/);
});

test('Nova: SINGLE_EMBEDDING bodies for a text (truncationMode set) and an image (format, detail level); one modality', () => {
  assert.deepEqual(novaFamily.requestBody({ text: 'the letter A' }, query), {
    schemaVersion: 'nova-multimodal-embed-v1',
    taskType: 'SINGLE_EMBEDDING',
    singleEmbeddingParams: { embeddingPurpose: 'IMAGE_RETRIEVAL', embeddingDimension: 1024, text: { truncationMode: 'END', value: 'the letter A' } },
  });
  assert.deepEqual(novaFamily.requestBody({ imageBase64: JPEG }, { dimension: 3072, purpose: 'document' }), {
    schemaVersion: 'nova-multimodal-embed-v1',
    taskType: 'SINGLE_EMBEDDING',
    singleEmbeddingParams: { embeddingPurpose: 'GENERIC_INDEX', embeddingDimension: 3072, image: { format: 'jpeg', detailLevel: 'STANDARD_IMAGE', source: { bytes: JPEG } } },
  });
  assert.throws(() => novaFamily.requestBody({ text: 'x', imageBase64: PNG }, doc), /one text or one image/);
  assert.throws(() => novaFamily.requestBody({ imageBase64: Buffer.from('BM....').toString('base64') }, doc), /png, jpeg, gif, webp/);
  assert.deepEqual(novaFamily.parseResponse({ embeddings: [{ embeddingType: 'TEXT', embedding: [1, 2, 3], truncatedCharLength: 10 }] }).vectors, [[1, 2, 3]]);
  assert.throws(() => novaFamily.parseResponse({ embedding: [1] }), /embeddings/);
  assert.notEqual(novaFamily.cacheVariant(doc), novaFamily.cacheVariant(query), 'a document vector is never reused for a query');
});

test('Cohere: texts or images (data URIs) in one call of up to 96, both documented response forms', () => {
  assert.deepEqual(cohereFamily.requestBodyMany([{ text: 'a' }, { text: 'b' }], { dimension: 512, purpose: 'query' }), {
    input_type: 'search_query', texts: ['a', 'b'], embedding_types: ['float'], output_dimension: 512,
  });
  assert.deepEqual(cohereFamily.requestBody({ imageBase64: PNG }, doc), {
    input_type: 'search_document', images: [`data:image/png;base64,${PNG}`], embedding_types: ['float'], output_dimension: 1024,
  });
  assert.throws(() => cohereFamily.requestBodyMany([{ text: 'a' }, { imageBase64: PNG }], doc), /texts or images, not both/);
  assert.throws(() => cohereFamily.requestBodyMany(Array.from({ length: 97 }, () => ({ text: 'a' })), doc), /1 to 96 inputs per call; 97/);
  assert.deepEqual(cohereFamily.parseResponse({ id: 'x', response_type: 'embeddings_floats', embeddings: [[1, 2], [3, 4]], texts: ['a', 'b'] }).vectors, [[1, 2], [3, 4]]);
  assert.deepEqual(cohereFamily.parseResponse({ id: 'x', response_type: 'embeddings_by_type', embeddings: { float: [[1, 2], [3, 4]] } }).vectors, [[1, 2], [3, 4]]);
  assert.throws(() => cohereFamily.parseResponse({ embeddings: { int8: [[1]] } }), /float/);
  assert.equal(cohereFamily.maxItemsPerCall, 96);
});

test('parseEmbeddings: count and dimension checked against the request; not JSON is retryable', () => {
  const two = JSON.stringify({ embeddings: [[1, 2], [3, 4]] });
  assert.equal(parseEmbeddings(cohereFamily, two, { count: 2, dimension: 2, modelId: 'm' }).vectors.length, 2);
  assert.throws(() => parseEmbeddings(cohereFamily, two, { count: 3, dimension: 2, modelId: 'm' }), /2 embeddings for 3 inputs/);
  assert.throws(() => parseEmbeddings(cohereFamily, two, { count: 2, dimension: 256, modelId: 'm' }), /expected 256 numbers/);
  assert.throws(() => parseEmbeddings(titanFamily, '<html>', { count: 1, dimension: 2, modelId: 'm' }), (e: unknown) => e instanceof AwsUserError && e.details.retryable);
});

test('planFor: the model dimension, else the spec length when offered, else the family default; cache keys per purpose', () => {
  assert.deepEqual(planFor({ modelId: 'cohere.embed-v4:0' }, 384), { family: cohereFamily, dimension: 1536 });
  assert.deepEqual(planFor({ modelId: 'cohere.embed-v4:0' }, 1024), { family: cohereFamily, dimension: 1024 });
  assert.deepEqual(planFor({ modelId: 'amazon.nova-2-multimodal-embeddings-v1:0', dimension: 3072 }, 1024), { family: novaFamily, dimension: 3072 });
  const bad = planFor({ modelId: 'amazon.titan-embed-image-v1', dimension: 512 }, 1024);
  assert.ok('problem' in bad && /512 is not one Titan Multimodal Embeddings G1 offers \(256, 384, 1024\)/.test(bad.problem));
  assert.equal(variantKey('', textKey('a')), textKey('a'), "Titan's keys are today's");
  assert.notEqual(variantKey(cohereFamily.cacheVariant(doc), textKey('a')), variantKey(cohereFamily.cacheVariant(query), textKey('a')));
  assert.equal(imageFormatOf(PNG), 'png');
});
