// The perceptual hash and the multi-index near-duplicate search: re-encoded and resized copies stay near, different
// images stay far, and the index returns exactly what comparing every pair returns.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Jimp } from 'jimp';
import { decodeImage } from '../../../src/core/image/decode';
import { perceptualHash } from '../../../src/core/image/phash';
import { hamming, HammingIndex, naiveSearch } from '../../../src/core/image/nearDuplicates';
import { seededRandom } from '../../../src/core/random';
import { generateDataset } from '../../../emulator/dataset/generate';

const hashOf = async (bytes: Uint8Array): Promise<string> => perceptualHash(await decodeImage(bytes));

describe('perceptual hash (DCT, 64 bits)', () => {
  it('is 16 hex digits, stable, near for a JPEG re-encode and a 90% resize, far for another letter', async () => {
    const images = [...generateDataset({ classes: 2, imagesPerClass: 1, testPerClass: 0, augment: false })];
    const a = images[0]?.bytes as Buffer;
    const b = images[1]?.bytes as Buffer;
    const h = await hashOf(a);
    assert.match(h, /^[0-9a-f]{16}$/);
    assert.equal(await hashOf(a), h);
    const img = await Jimp.fromBuffer(a);
    const jpeg = await img.clone().getBuffer('image/jpeg', { quality: 70 });
    const resized = await img.clone().resize({ w: Math.round(img.bitmap.width * 0.9) }).getBuffer('image/png');
    assert.ok(hamming(h, await hashOf(jpeg)) <= 6, `jpeg ${hamming(h, await hashOf(jpeg))}`);
    assert.ok(hamming(h, await hashOf(resized)) <= 6, `resized ${hamming(h, await hashOf(resized))}`);
    assert.ok(hamming(h, await hashOf(b)) > 6, `other letter ${hamming(h, await hashOf(b))}`);
  });
});

describe('multi-index Hamming search', () => {
  it('returns exactly the pairs of the all-pairs loop, for every distance up to its maximum', () => {
    const rand = seededRandom(21);
    const hex = (): string => Array.from({ length: 16 }, () => Math.floor(rand() * 16).toString(16)).join('');
    const targets = Array.from({ length: 2000 }, hex);
    // Queries: flipped copies of targets (0..9 bits) and random ones.
    const flip = (h: string, bits: number): string => {
      let v = BigInt(`0x${h}`);
      const used = new Set<number>();
      while (used.size < bits) used.add(Math.floor(rand() * 64));
      for (const b of used) v ^= 1n << BigInt(b);
      return v.toString(16).padStart(16, '0');
    };
    const queries = [...Array.from({ length: 300 }, (_, i) => flip(targets[i * 5] as string, i % 10)), ...Array.from({ length: 100 }, hex)];
    const index = new HammingIndex(targets, 8);
    for (const d of [0, 3, 6, 8]) assert.deepEqual(index.search(queries, d), naiveSearch(queries, targets, d), `distance ${d}`);
    assert.ok(index.search(queries, 6).length >= 200);
    assert.throws(() => index.search(queries, 9), /exceeds/);
  });
});
