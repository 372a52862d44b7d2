// PngSuite (Willem van Schaik, test/fixtures/pngsuite/LICENSE) and generated JPEGs through checkImageHeader.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as jpeg from 'jpeg-js';
import { crc32 } from '../../../src/core/image/crc32';
import { checkImageHeader, DEFAULT_IMAGE_LIMITS } from '../../../src/core/image/header';

const dir = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'pngsuite', 'png');
const files = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
const noSideLimits = { ...DEFAULT_IMAGE_LIMITS, minSide: 1 };

function ihdr(b: Uint8Array): [number, number] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

function makeJpeg(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4, 0x80);
  return jpeg.encode({ data, width, height }, 50).data;
}

describe('image header: PngSuite', () => {
  it('has the corpus', () => {
    assert.ok(files.length >= 170, `${files.length} files`);
  });

  it('side lengths match the IHDR for every valid file, from the whole file and from its first 1 KiB', () => {
    for (const f of files.filter((x) => !x.startsWith('x'))) {
      const b = readFileSync(join(dir, f));
      const [w, h] = ihdr(b);
      for (const bytes of [b, b.subarray(0, 1024)]) {
        const facts = checkImageHeader(bytes, b.length, noSideLimits);
        assert.equal(facts.format, 'png', f);
        assert.deepEqual([facts.width, facts.height], [w, h], f);
        assert.deepEqual(facts.problems, [], `${f}: ${JSON.stringify(facts.problems)}`);
      }
    }
  });

  it('every x* (corrupt) file is reported, not thrown', () => {
    const xs = files.filter((x) => x.startsWith('x'));
    assert.equal(xs.length, 14);
    for (const f of xs) {
      const b = readFileSync(join(dir, f));
      const facts = checkImageHeader(b, b.length, noSideLimits);
      const codes = facts.problems.map((p) => p.code);
      assert.ok(codes.includes('image-corrupt') || codes.includes('image-format'), `${f}: ${JSON.stringify(facts)}`);
    }
  });

  it('the small s* files break the default 128 px minimum side', () => {
    const b = readFileSync(join(dir, 's01n3p01.png'));
    assert.deepEqual(checkImageHeader(b, b.length).problems.map((p) => p.code), ['image-side']);
  });
});

describe('image header: JPEG and limits', () => {
  it('reads JPEG sides; asks for more bytes when the header lies beyond them', () => {
    const b = makeJpeg(300, 200);
    const facts = checkImageHeader(b, b.length);
    assert.deepEqual([facts.format, facts.width, facts.height, facts.problems.length], ['jpeg', 300, 200, 0]);
    const partial = checkImageHeader(b.subarray(0, 20), b.length);
    assert.equal(partial.needMoreBytes, true);
  });

  it('image-too-large, image-side, image-pixels, image-aspect, image-format', () => {
    const b = makeJpeg(130, 600);
    const codes = (bytes: Uint8Array, size: number, limits = DEFAULT_IMAGE_LIMITS): string[] => checkImageHeader(bytes, size, limits).problems.map((p) => p.code).sort();
    assert.deepEqual(codes(b, 6 * 1024 * 1024), ['image-aspect', 'image-too-large']);
    assert.deepEqual(codes(b, b.length, { ...DEFAULT_IMAGE_LIMITS, maxBytes: 25 * 1024 * 1024, minSide: 256 }), ['image-aspect', 'image-side']);
    const big = Buffer.from(readFileSync(join(dir, 'basn0g08.png')));
    // Rewrite the IHDR to 4096 x 4096 with a fresh CRC: the header alone decides.
    const view = new DataView(big.buffer, big.byteOffset, big.byteLength);
    view.setUint32(16, 4096); view.setUint32(20, 4096);
    view.setUint32(29, crc32(big, 12, 29));
    assert.deepEqual(codes(big.subarray(0, 64), big.length + 1000), ['image-pixels']);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    assert.deepEqual(codes(gif, gif.length), ['image-format']);
    assert.deepEqual(codes(new Uint8Array(0), 0), ['image-corrupt']);
  });

  it('a JPEG cut short is corrupt when it is the whole object', () => {
    const b = makeJpeg(200, 200).subarray(0, 100);
    assert.deepEqual(checkImageHeader(b, b.length).problems.map((p) => p.code), ['image-corrupt']);
  });
});
