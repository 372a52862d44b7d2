import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { generateDataset } from '../dataset/generate';
import { encodePng } from '../model/png';
import { decodeImage } from '../model/image';
import { encode as encodeJpeg } from 'jpeg-js';
import { rejection, setUp, trainedSampleModel, type Harness } from './harness';

const BASE = 'amazon.titan-embed-image-v1';

async function embed(h: Harness, modelId: string, input: { inputText?: string; inputImage?: string; embeddingConfig?: object }): Promise<number[]> {
  const r = await h.runtime.send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(input) }));
  return (JSON.parse(new TextDecoder().decode(r.body)) as { embedding: number[] }).embedding;
}

const cosine = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

/** Top-1 accuracy of text -> image retrieval: one query per letter over the test images. */
async function top1(h: Harness, modelId: string, test: { label: string; base64: string }[], letters: string[]): Promise<number> {
  const images = await Promise.all(test.map(async (t) => ({ label: t.label, v: await embed(h, modelId, { inputImage: t.base64, embeddingConfig: { outputEmbeddingLength: 384 } }) })));
  let hits = 0;
  for (const letter of letters) {
    const q = await embed(h, modelId, { inputText: `The letter ${letter} in sign language`, embeddingConfig: { outputEmbeddingLength: 384 } });
    const best = images.reduce((a, b) => (cosine(q, b.v) > cosine(q, a.v) ? b : a));
    if (best.label === letter) hits++;
  }
  return hits / letters.length;
}

describe('emulator Bedrock runtime on-demand quota', () => {
  let h: Harness;
  before(async () => { h = await setUp({ runtimeRequestsPerMinute: 3 }); });
  after(async () => { await h.tearDown(); });

  it('throttles on-demand requests beyond the per-minute quota, per minute of simulated time', async () => {
    for (let i = 0; i < 3; i++) await embed(h, BASE, { inputText: `q${i}` });
    assert.equal((await rejection(() => embed(h, BASE, { inputText: 'q3' }))).name, 'ThrottlingException');
    await h.admin('POST', '/clock', { advanceMs: 60_000 });
    assert.equal((await embed(h, BASE, { inputText: 'q4' })).length, 1024);
  });
});

describe('emulator Bedrock runtime InvokeModel', () => {
  let h: Harness;
  const sample = [...generateDataset({ imagesPerClass: 1, testPerClass: 0, classes: 1, augment: false })][0];
  const image = sample?.bytes.toString('base64') ?? '';
  before(async () => { h = await setUp({ jobDurationMs: 10_000, minTrainingRecords: 10, throughputDurationMs: 1_000 }); });
  after(async () => { await h.tearDown(); });

  it('returns deterministic unit-length embeddings of the requested length', async () => {
    for (const length of [256, 384, 1024]) {
      const a = await embed(h, BASE, { inputImage: image, embeddingConfig: { outputEmbeddingLength: length } });
      const b = await embed(h, BASE, { inputImage: image, embeddingConfig: { outputEmbeddingLength: length } });
      assert.equal(a.length, length);
      assert.deepEqual(a, b);
      assert.ok(Math.abs(cosine(a, a) - 1) < 1e-5);
    }
    assert.equal((await embed(h, BASE, { inputText: 'hello world' })).length, 1024);
    // The same picture as JPEG embeds close to the PNG (decoded by bytes, not by name).
    const png = decodeImage(sample?.bytes ?? Buffer.alloc(0));
    const rgba = Buffer.alloc(png.width * png.height * 4);
    for (let i = 0; i < png.width * png.height; i++) png.rgb.subarray(i * 3, i * 3 + 3).forEach((v, k) => { rgba[i * 4 + k] = v; });
    const jpeg = encodeJpeg({ width: png.width, height: png.height, data: rgba }, 95).data.toString('base64');
    assert.ok(cosine(await embed(h, BASE, { inputImage: jpeg }), await embed(h, BASE, { inputImage: image })) > 0.95);
    const both = await embed(h, BASE, { inputText: 'hello', inputImage: image });
    assert.notDeepEqual(both, await embed(h, BASE, { inputText: 'hello' }));
  });

  it('answers bad input like Titan (ValidationException)', async () => {
    const cases: [object, RegExp][] = [
      [{}, /at least one of inputText or inputImage/],
      [{ inputText: 'x', embeddingConfig: { outputEmbeddingLength: 512 } }, /outputEmbeddingLength/],
      [{ inputText: 'x'.repeat(2561) }, /maxLength: 2560/],
      [{ inputImage: 'not base64!' }, /not valid base64/],
      [{ inputImage: Buffer.from('GIF89a....').toString('base64') }, /PNG or JPEG/],
      [{ inputText: 'x', extra: 1 }, /extraneous key \[extra\]/],
    ];
    for (const [body, message] of cases) {
      const err = await rejection(() => embed(h, BASE, body));
      assert.equal(err.name, 'ValidationException', JSON.stringify(body));
      assert.match(err.message, message);
    }
    const huge = encodePng({ width: 4096, height: 4096, rgb: new Uint8Array(4096 * 4096 * 3) });
    const err = await rejection(() => embed(h, BASE, { inputImage: huge.toString('base64') }));
    assert.match(err.message, /Image exceeds max pixels allowed/);
  });

  it('refuses an unknown model id and a provisioned model that is not InService', async () => {
    assert.equal((await rejection(() => embed(h, 'amazon.nope', { inputText: 'x' }))).name, 'ValidationException');
    const seeded = await h.admin('POST', '/seed', { customModels: [{ modelName: 'm' }], provisionedThroughputs: [{ status: 'Creating' }] });
    const [arn] = seeded['provisionedModelArns'] as string[];
    assert.equal((await rejection(() => embed(h, arn ?? '', { inputText: 'x' }))).name, 'ModelNotReadyException');
  });

  it('the fine-tuned model ranks differently and retrieves the right letter far more often than the base model', async () => {
    const { provisionedModelArn, test, letters } = await trainedSampleModel(h, 'tmme-ft');
    const base = await top1(h, BASE, test, letters);
    const tuned = await top1(h, provisionedModelArn, test, letters);
    console.log(`top-1 text->image over ${letters.length} letters: base ${base.toFixed(2)}, fine-tuned ${tuned.toFixed(2)}`);
    assert.ok(base <= 0.25, `base model should be near chance, got ${base}`);
    assert.ok(tuned >= 0.7, `fine-tuned model should retrieve most letters, got ${tuned}`);
    const one = test[0]?.base64 ?? '';
    assert.notDeepEqual(await embed(h, BASE, { inputImage: one }), await embed(h, provisionedModelArn, { inputImage: one }));
  });

  it('a seeded model with a training manifest answers as fine-tuned through a seeded throughput', async () => {
    await h.emulator.uploadSampleData({ bucket: 'seeded-data', imagesPerClass: 3, testPerClass: 1, classes: 6 });
    const seeded = await h.admin('POST', '/seed', {
      customModels: [{ modelName: 'seeded-ft', trainingDataConfig: { s3Uri: 's3://seeded-data/manifests/training.jsonl' } }],
      provisionedThroughputs: [{ provisionedModelName: 'seeded-pt' }],
    });
    const [arn] = seeded['provisionedModelArns'] as string[];
    const test = [...generateDataset({ imagesPerClass: 3, testPerClass: 1, classes: 6 })].filter((i) => i.split === 'test').map((i) => ({ label: i.label, base64: i.bytes.toString('base64') }));
    const letters = test.map((t) => t.label);
    assert.equal(await top1(h, arn ?? '', test, letters), 1);
    await assert.rejects(h.admin('POST', '/seed', { customModels: [{ modelName: 'x', trainingDataConfig: { s3Uri: 's3://seeded-data/none.jsonl' } }] }), /Cannot fit the seeded model x: Unable to access the training data/);
  });
});
