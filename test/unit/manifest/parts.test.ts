// A file validated in parts (as the CLI does on several threads) must give exactly the report of the file read as
// one string: same records, counts, diagnostics, line numbers, related lines and fixes.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  finishManifestParts, splitAtLines, validateManifest, validateManifestFile, validateManifestRange, type BatchOptions,
} from '../../../src/core/manifest';

const dir = mkdtempSync(join(tmpdir(), 'bmc-parts-'));
const line = (i: number, caption = `The letter ${i % 26} in sign language`): string =>
  JSON.stringify({ 'image-ref': `s3://asl-data/train/${i}.png`, caption });

/** Problems spread over the whole file, repeats whose first use is in another part, chunk-sized lines, CRLF, and
 * multi-byte captions around the repeats (read back by byte offset). */
function messyManifest(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 6000; i++) {
    if (i % 997 === 5) lines.push('{"image-ref": "s3://asl-data/a.png", "caption": "x",}');
    else if (i % 1499 === 7) lines.push('');
    else if (i % 1201 === 9) lines.push(line(1)); // repeats line 1, far away
    else if (i % 1303 === 11) lines.push(line(4, 'another caption')); // conflicts with line 4
    else if (i % 2003 === 13) lines.push(JSON.stringify({ image_ref: `s3://asl-data/${i}.png`, caption: 'c' }));
    else if (i === 4321) lines.push(line(i, 'y'.repeat(150_000))); // longer than a read chunk, and too long
    else if (i % 3 === 0) lines.push(line(i, `Буква ${i % 26} — 手话 🤟`)); // multi-byte: byte and character offsets differ
    else lines.push(line(i));
  }
  const text = lines.map((l, i) => (i % 7 === 0 ? `${l}\r` : l)).join('\n'); // some CRLF, no final line break
  const bytes = Buffer.from(`\ufeff${text}`, 'utf8');
  const bad = bytes.indexOf('s3://asl-data/train/2500.png');
  bytes[bad + 20] = 0xff; // invalid UTF-8 in the middle
  return bytes;
}

function inParts(path: string, parts: number, options: BatchOptions): ReturnType<typeof validateManifestFile> {
  return finishManifestParts(path, splitAtLines(path, parts).map((r) => validateManifestRange(path, r, options)), options);
}

describe('validation in parts', () => {
  const path = join(dir, 'messy-train.jsonl');
  const bytes = messyManifest();
  writeFileSync(path, bytes);

  it('splitAtLines covers the file with ranges that start at line starts', () => {
    for (const parts of [1, 2, 3, 7, 50]) {
      const ranges = splitAtLines(path, parts);
      assert.ok(ranges.length >= 1 && ranges.length <= parts);
      assert.equal(ranges[0]?.start, 0);
      assert.equal(ranges[ranges.length - 1]?.end, bytes.length);
      for (let i = 1; i < ranges.length; i++) {
        assert.equal(ranges[i]?.start, ranges[i - 1]?.end);
        assert.equal(bytes[(ranges[i]?.start ?? 0) - 1], 0x0a);
      }
    }
    const one = join(dir, 'one-line.jsonl');
    writeFileSync(one, line(1));
    assert.deepEqual(splitAtLines(one, 4), [{ start: 0, end: line(1).length }]);
  });

  it('gives the report of the whole string, for any number of parts and with a diagnostics cap', () => {
    for (const options of [{ role: 'training' as const }, { role: 'training' as const, maxDiagnostics: 5 }]) {
      const whole = validateManifest(readFileSync(path), options);
      assert.ok(whole.errors > 5 && whole.warnings > 5, 'the fixture has problems everywhere');
      for (const code of ['bom', 'encoding', 'json-syntax', 'blank-line', 'unknown-key', 'caption-too-long', 'duplicate-image', 'conflicting-caption']) {
        if (!options.maxDiagnostics) assert.ok(whole.diagnostics.some((d) => d.code === code), code);
      }
      assert.deepEqual(validateManifestFile(path, options), whole);
      for (const parts of [2, 3, 5, 16]) assert.deepEqual(inParts(path, parts, options), whole, `${parts} parts`);
    }
  });
});

describe('chunked file reading', () => {
  it('reports a BOM in a file that holds nothing else, as the in-memory validator does', () => {
    const path = join(dir, 'bom-only.jsonl');
    writeFileSync(path, Buffer.from([0xef, 0xbb, 0xbf]));
    assert.deepEqual(validateManifestFile(path), validateManifest(readFileSync(path)));
    assert.deepEqual(validateManifestFile(path).diagnostics.map((d) => d.code), ['bom']);
  });
});
