// The emulator's PNG decoder against PngSuite (the repository's copy, test/fixtures/pngsuite, with its LICENSE):
// every valid file decodes to the size image-size reads, 8-bit-or-less files match Pillow's RGB pixels exactly
// (cross-checked with /usr/bin/python3 when Pillow is there, reported as skipped with the reason when not), and
// every deliberately corrupt file is refused with an Error, never a crash.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { imageSize } from 'image-size';
import { decodePng } from '../model/png';

// Compiled to out/emulator/test: three levels up is the repository root. Tests read only what it holds.
const ROOT = resolve(__dirname, '..', '..', '..');
const SUITE = join(ROOT, 'test', 'fixtures', 'pngsuite');
const DIR = join(SUITE, 'png');
const files = readdirSync(DIR).filter((f) => f.endsWith('.png')).sort();

/** sha256 of Pillow's RGB bytes per file, or undefined when Pillow is unavailable. */
function pillowHashes(names: string[]): Record<string, string> | string {
  const script = [
    'import sys, json, hashlib',
    'from PIL import Image',
    'out = {}',
    'for p in sys.argv[1:]:',
    '    im = Image.open(p)',
    '    if im.mode in ("I", "I;16", "I;16B", "RGBA;16B", "RGB;16B", "LA;16B") or "16" in im.mode: continue',
    '    out[p] = hashlib.sha256(im.convert("RGB").tobytes()).hexdigest()',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync('/usr/bin/python3', ['-c', script, ...names.map((n) => join(DIR, n))], { encoding: 'utf8' });
  if (r.status !== 0) return `Pillow cross-check unavailable: ${(r.stderr || String(r.error)).split('\n').slice(-2).join(' ')}`;
  return JSON.parse(r.stdout) as Record<string, string>;
}

describe('emulator PNG decoder on PngSuite', () => {
  const valid = files.filter((f) => !f.startsWith('x'));
  const corrupt = files.filter((f) => f.startsWith('x'));

  it('reads the repository\'s own PngSuite (all 175 files, with its licence), never a path outside it', () => {
    const rel = relative(ROOT, DIR);
    assert.ok(!rel.startsWith('..') && !isAbsolute(rel), `${DIR} is outside the repository ${ROOT}`);
    assert.ok(existsSync(join(SUITE, 'LICENSE')), 'PngSuite is used under its licence: test/fixtures/pngsuite/LICENSE');
    assert.equal(files.length, 175);
  });

  it('decodes every valid file at the size image-size reads', () => {
    for (const f of valid) {
      const bytes = readFileSync(join(DIR, f));
      const img = decodePng(bytes);
      const size = imageSize(bytes);
      assert.deepEqual([img.width, img.height], [size.width, size.height], f);
      assert.equal(img.rgb.length, img.width * img.height * 3, f);
    }
    assert.ok(valid.length > 150);
  });

  it('matches Pillow pixel for pixel on every file of 8 bits or less per sample', (t) => {
    const hashes = pillowHashes(valid.filter((f) => !/16\.png$/.test(f)));
    if (typeof hashes === 'string') {
      t.skip(hashes);
      return;
    }
    let compared = 0;
    for (const [path, expected] of Object.entries(hashes)) {
      const img = decodePng(readFileSync(path));
      assert.equal(createHash('sha256').update(img.rgb).digest('hex'), expected, path);
      compared++;
    }
    assert.ok(compared > 100, `compared ${compared}`);
  });

  it('refuses every corrupt file with an Error', () => {
    for (const f of corrupt) assert.throws(() => decodePng(readFileSync(join(DIR, f))), Error, f);
    assert.equal(corrupt.length, 14);
  });
});
