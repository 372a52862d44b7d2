// Leakage proof: the emulator's sample test set plus 3 training images copied under new keys, 2 re-encoded at JPEG
// quality 70 and 1 resized to 90%. All 6 are reported (exact for the copies, near for the others), no other test image
// is paired, and the second scoring equals a run on the test set without those 6.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { Jimp } from 'jimp';
import { decodeImage, type DecodedImage } from '../../../src/core/image/decode';
import { perceptualHashes } from '../../../src/core/image/phash';
import { DEFAULT_NEAR_DUPLICATE_DISTANCE, findLeakedPairs, type ImageIdentity, type TestImageIdentity } from '../../../src/core/eval/leakage';
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
