import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captionFor, manifestLine, planFolderManifest } from '../../../src/core/dataset/folder';
import { groupKey, splitRecords, type SplitRecord } from '../../../src/core/dataset/split';
import { mapBounded } from '../../../src/core/concurrency';

function dataset(): SplitRecord[] {
  const out: SplitRecord[] = [];
  for (const label of ['A', 'B', 'C']) {
    for (let i = 1; i <= 10; i++) {
      for (const suffix of ['', '_1', '_2']) {
        const ref = `s3://asl-data/train/${label}/${label}${i}${suffix}.jpg`;
        out.push({ text: JSON.stringify({ 'image-ref': ref, caption: `The letter ${label} in sign language` }), imageRef: ref, caption: `The letter ${label} in sign language` });
      }
    }
  }
  return out;
}

describe('dataset split', () => {
  it('groups near-duplicate copies by their source image', () => {
    assert.equal(groupKey('s3://b/x/A/A1.jpg'), 'x/A/A1');
    assert.equal(groupKey('s3://b/x/A/A1_1.jpg'), 'x/A/A1');
    assert.equal(groupKey('s3://b/x/A/A1_2.jpg'), 'x/A/A1');
    assert.notEqual(groupKey('s3://b/x/A/A11.jpg'), groupKey('s3://b/x/A/A1.jpg'));
  });

  it('is seeded, stratified by label, and never splits a group', () => {
    const records = dataset();
    const a = splitRecords(records, { seed: 7, validationFraction: 0.2 });
    const b = splitRecords(records, { seed: 7, validationFraction: 0.2 });
    const c = splitRecords(records, { seed: 8, validationFraction: 0.2 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.validation, c.validation);
    assert.equal(a.training.length + a.validation.length, records.length);
    for (const label of ['A', 'B', 'C']) assert.deepEqual(a.perLabel[label], { groups: 10, training: 24, validation: 6 });
    const group = (t: string): string => groupKey(String((JSON.parse(t) as Record<string, unknown>)['image-ref']));
    const trainGroups = new Set(a.training.map(group));
    for (const v of a.validation) assert.ok(!trainGroups.has(group(v)), `group ${group(v)} leaked into training`);
  });
});

describe('manifest from folder', () => {
  it('plans S3 keys and captions from subfolders, skipping the rest', () => {
    const plan = planFolderManifest(['A/A1.jpg', 'B/B1.PNG', 'readme.txt', 'top.jpg', 'A/notes.txt'], 's3://asl-data/v1/', 'The letter {label} in sign language');
    assert.ok(typeof plan !== 'string');
    assert.deepEqual(plan.entries.map((e) => e.uri), ['s3://asl-data/v1/A/A1.jpg', 's3://asl-data/v1/B/B1.PNG']);
    assert.deepEqual(plan.skipped, ['A/notes.txt', 'readme.txt', 'top.jpg']);
    assert.equal(manifestLine(plan.entries[0]!), '{"image-ref":"s3://asl-data/v1/A/A1.jpg","caption":"The letter A in sign language"}');
    assert.equal(captionFor('{label} and {label}', 'Z'), 'Z and Z');
    assert.equal(typeof planFolderManifest([], 'bucket/x', 't'), 'string');
  });

  it('bounds concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapBounded(Array.from({ length: 40 }, (_, i) => i), 5, async (x) => {
      inFlight++; peak = Math.max(peak, inFlight);
      await new Promise<void>((r) => setImmediate(r));
      inFlight--;
      return x * 2;
    });
    assert.equal(peak, 5);
    assert.equal(results[39], 78);
  });
});
