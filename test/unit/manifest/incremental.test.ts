import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IncrementalManifest, validateManifest } from '../../../src/core/manifest';

const line = (i: number, caption = 'c'): string => `{"image-ref": "s3://asl-data/${i}.png", "caption": "${caption}"}`;
const strip = (ds: { line: number; column: number; code: string }[]): string[] => ds.map((d) => `${d.line}:${d.column}:${d.code}`);

describe('incremental manifest', () => {
  it('agrees with the batch validator after edits, inserts and deletes', () => {
    const lines = Array.from({ length: 30 }, (_, i) => line(i));
    const doc = new IncrementalManifest(`${lines.join('\n')}\n`, { role: 'validation' });
    assert.deepEqual(strip(doc.diagnostics()), []);
    const edits: [number, number, string[]][] = [
      [3, 1, ['{"image-ref": "s3://asl-data/3.png", "caption": "c",}']],
      [10, 0, [line(1), '']],
      [0, 2, []],
      [20, 1, [line(5, 'other')]],
      [7, 3, [line(99)]],
    ];
    const mirror = [...lines, ''];
    for (const [start, del, add] of edits) {
      doc.replaceLines(start, del, add);
      mirror.splice(start, del, ...add);
      const batch = validateManifest(mirror.join('\n'), { role: 'validation' });
      assert.deepEqual(strip(doc.diagnostics()), strip(batch.diagnostics));
    }
    assert.ok(doc.diagnostics().some((d) => d.code === 'conflicting-caption'));
  });

  it('opens Bedrock\'s largest manifest (500,000 lines, half of them repeats) and takes a large paste', () => {
    const lines = Array.from({ length: 500_000 }, (_, i) => line(i % 250_000));
    const doc = new IncrementalManifest(lines.join('\n'), { role: 'training' });
    assert.equal(doc.recordCount, 500_000);
    const repeats = doc.diagnostics().filter((d) => d.code === 'duplicate-image');
    assert.equal(repeats.length, 250_000);
    assert.deepEqual([repeats[0]?.line, repeats[0]?.related?.line], [250_000, 0]);
    doc.replaceLines(0, 0, Array.from({ length: 200_000 }, (_, i) => line(1_000_000 + i))); // paste 200,000 new lines on top
    assert.equal(doc.recordCount, 700_000);
    const moved = doc.diagnostics().find((d) => d.code === 'duplicate-image');
    assert.deepEqual([moved?.line, moved?.related?.line], [450_000, 200_000]);
  });

  it('shifts line-level fixes with their line', () => {
    const doc = new IncrementalManifest(`${line(0)}\n\n${line(1)}`);
    assert.equal(doc.diagnostics()[0]?.fix?.edits[0]?.line, 1);
    doc.replaceLines(0, 0, [line(7), line(8)]);
    const d = doc.diagnostics()[0];
    assert.equal(d?.line, 3);
    assert.equal(d?.fix?.edits[0]?.line, 3);
    assert.equal(d?.fix?.edits[0]?.endLine, 4);
  });
});
