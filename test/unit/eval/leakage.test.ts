// Leakage proof: the emulator's sample test set plus 3 training images copied under new keys, 2 re-encoded at JPEG
// quality 70 and 1 resized to 90%. All 6 are reported (exact for the copies, near for the others), no other test image
// is paired, and the second scoring equals a run on the test set without those 6.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { Jimp } from 'jimp';
import { decodeImage, type DecodedImage } from '../../../src/core/image/decode';
import { perceptualHashes } from '../../../src/core/image/phash';
import { DEFAULT_NEAR_DUPLICATE_DISTANCE, findLeakedPairs, findLeakedPairsIn, type ImageIdentity, type TestImageIdentity } from '../../../src/core/eval/leakage';
import { evaluate } from '../../../src/core/eval/evaluate';
import { compileLabelRule } from '../../../src/core/eval/labels';
import type { EmbeddingRecord } from '../../../src/core/eval/records';
import { generateDataset } from '../../../emulator/dataset/generate';

interface Img { key: string; caption: string; bytes: Uint8Array }

async function identity(img: Img): Promise<ImageIdentity & { decoded: DecodedImage }> {
  const decoded = await decodeImage(img.bytes);
  return { uri: `s3://bucket/${img.key}`, sha256: createHash('sha256').update(img.bytes).digest('hex'), ...perceptualHashes(decoded), decoded };
}

/** A stand-in embedding from the pixels (a coarse colour grid), plus a per-model twist, so two models differ. */
function vectorOf(d: DecodedImage, twist: number): number[] {
  const v: number[] = [];
  for (let gy = 0; gy < 8; gy++) for (let gx = 0; gx < 8; gx++) {
    const o = ((Math.floor(((gy + 0.5) * d.height) / 8) * d.width) + Math.floor(((gx + 0.5) * d.width) / 8)) * 4;
    v.push((d.rgba[o] as number) + twist * (d.rgba[o + 1] as number), d.rgba[o + 2] as number);
  }
  return v;
}

describe('leakage between training and test images', () => {
  it('finds the 6 planted leaks and nothing else, and scores again exactly as without them', async () => {
    const all = [...generateDataset()];
    const training = all.filter((i) => i.split !== 'test');
    const tests: Img[] = all.filter((i) => i.split === 'test');
    const pick = (n: number) => training[n * 97] as Img;
    const planted: Img[] = [];
    for (let n = 0; n < 3; n++) planted.push({ key: `leak/copy${n}.png`, caption: pick(n).caption, bytes: pick(n).bytes });
    for (let n = 3; n < 5; n++) {
      const jpeg = await (await Jimp.fromBuffer(Buffer.from(pick(n).bytes))).getBuffer('image/jpeg', { quality: 70 });
      planted.push({ key: `leak/jpeg${n}.jpg`, caption: pick(n).caption, bytes: new Uint8Array(jpeg) });
    }
    const src = await Jimp.fromBuffer(Buffer.from(pick(5).bytes));
    const resized = await src.resize({ w: Math.round(src.bitmap.width * 0.9) }).getBuffer('image/png');
    planted.push({ key: 'leak/resized5.png', caption: pick(5).caption, bytes: new Uint8Array(resized) });

    const trainIds = await Promise.all(training.map(identity));
    const testSet = [...tests, ...planted];
    const testIds = await Promise.all(testSet.map(async (t) => ({ ...(await identity(t)), id: t.key })));
    const pairs = findLeakedPairs(testIds as TestImageIdentity[], trainIds, DEFAULT_NEAR_DUPLICATE_DISTANCE);
    assert.deepEqual(pairs.map((p) => [p.testId, p.kind, p.trainUri]), planted.map((p, n) => [p.key, n < 3 ? 'exact' : 'near', `s3://bucket/${pick(n).key}`]));
    assert.ok(pairs.every((p) => p.kind === 'exact' ? p.distance === 0 : p.distance <= DEFAULT_NEAR_DUPLICATE_DISTANCE));

    const records = (twist: number): EmbeddingRecord[] => [
      ...testIds.map((t, i) => ({ id: t.id, label: (testSet[i] as Img).caption, kind: 'image' as const, vector: vectorOf(t.decoded, twist) })),
      ...[...new Set(testSet.map((t) => t.caption))].map((c, i) => ({ id: `q${i}`, label: c, kind: 'text' as const, text: c, vector: vectorOf(testIds[testSet.findIndex((t) => t.caption === c)]?.decoded as DecodedImage, twist) })),
    ];
    const rule = compileLabelRule('The letter (\\w) in sign language');
    assert.ok(!('error' in rule));
    const request = {
      models: [{ model: { name: 'base', baseline: true }, records: records(0) }, { model: { name: 'tuned', baseline: false }, records: records(0.5) }],
      baseline: 'base',
      modes: ['text-to-image', 'image-to-image', 'classify'] as const,
      ks: [1, 5],
      labelRule: rule,
      comparison: { bootstrapResamples: 200, randomizationSamples: 200 },
      now: new Date(0),
    };
    const leaked = new Set(pairs.map((p) => p.testId));
    const report = await evaluate({ ...request, modes: [...request.modes], leakage: { against: ['train.jsonl'], threshold: 6, hash: 'test', pairs } });
    const clean = await evaluate({
      ...request,
      modes: [...request.modes],
      map: false,
      models: request.models.map((m) => ({ ...m, records: m.records.filter((r) => !leaked.has(r.id)) })),
    });
    assert.equal(report.leakage?.pairs.length, 6);
    assert.deepEqual(report.leakage?.withoutLeaked, clean.modes);
    assert.notDeepEqual(report.modes, clean.modes, 'the planted images change the scores, so the equality above is not vacuous');
    assert.match(report.warnings[0] ?? '', /^without the 6 leaked test images: /);
    assert.ok(report.embeddingMap && report.modes.every((m) => m.results.every((r) => r.separation)));
  });
});

describe('leakage against the training and the validation manifest', () => {
  it('each pair names the manifest of its image; an image in both is named by the first; the rest pair with nothing', async () => {
    const all = [...generateDataset({ classes: 4, imagesPerClass: 5, testPerClass: 2 })];
    const training = all.filter((i) => i.split === 'training');
    const validation = all.filter((i) => i.split === 'validation');
    const tests: Img[] = all.filter((i) => i.split === 'test');
    const [v0, v1] = [validation[0] as Img, validation[1] as Img];
    const jpeg = await (await Jimp.fromBuffer(Buffer.from(v1.bytes))).getBuffer('image/jpeg', { quality: 70 });
    const planted: Img[] = [
      { key: 'leak/from-training.png', caption: (training[3] as Img).caption, bytes: (training[3] as Img).bytes },
      { key: 'leak/from-validation.png', caption: v0.caption, bytes: v0.bytes },
      { key: 'leak/validation-q70.jpg', caption: v1.caption, bytes: new Uint8Array(jpeg) },
    ];
    const trainIds = await Promise.all(training.map(identity));
    const validIds = await Promise.all(validation.map(identity));
    const testIds = await Promise.all([...tests, ...planted].map(async (t) => ({ ...(await identity(t)), id: t.key })));
    // The training manifest also lists validation[0]'s URI: the pair is then the training manifest's.
    const sources = [
      { manifest: 'train.jsonl', role: 'training' as const, images: trainIds },
      { manifest: 'valid.jsonl', role: 'validation' as const, images: validIds },
    ];
    const pairs = findLeakedPairsIn(testIds as TestImageIdentity[], sources, DEFAULT_NEAR_DUPLICATE_DISTANCE);
    assert.deepEqual(pairs.map((p) => [p.testId, p.kind, p.role, p.manifest, p.trainUri]), [
      ['leak/from-training.png', 'exact', 'training', 'train.jsonl', `s3://bucket/${(training[3] as Img).key}`],
      ['leak/from-validation.png', 'exact', 'validation', 'valid.jsonl', `s3://bucket/${v0.key}`],
      ['leak/validation-q70.jpg', 'near', 'validation', 'valid.jsonl', `s3://bucket/${v1.key}`],
    ]);
    const both = findLeakedPairsIn(testIds as TestImageIdentity[], [sources[0] as (typeof sources)[number], { ...sources[1] as (typeof sources)[number], images: [...validIds, trainIds[3] as ImageIdentity] }], DEFAULT_NEAR_DUPLICATE_DISTANCE);
    assert.equal(both[0]?.manifest, 'train.jsonl', 'an image both manifests list is named by the first');
    const trainOnly = findLeakedPairsIn(testIds as TestImageIdentity[], [sources[0] as (typeof sources)[number]], DEFAULT_NEAR_DUPLICATE_DISTANCE);
    assert.deepEqual(trainOnly.map((p) => p.testId), ['leak/from-training.png'], 'without the validation manifest its copies are not found');
  });
});
