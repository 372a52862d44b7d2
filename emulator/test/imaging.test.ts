import assert from 'node:assert/strict';
import { crc32, deflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { encode as encodeJpeg } from 'jpeg-js';
import { imageSize } from 'image-size';
import { DEFAULT_DATASET, generateDataset, planDataset } from '../dataset/generate';
import { decodeImage, imageFeatures, imageInfo } from '../model/image';
import { decodePng, encodePng } from '../model/png';

describe('emulator image decoding', () => {
  it('round-trips an RGB PNG through its own encoder', () => {
    const rgb = Uint8Array.from({ length: 5 * 3 * 3 }, (_, i) => (i * 37) % 256);
    const png = encodePng({ width: 5, height: 3, rgb });
    const back = decodePng(png);
    assert.deepEqual([back.width, back.height], [5, 3]);
    assert.deepEqual(Array.from(back.rgb), Array.from(rgb));
    assert.deepEqual(imageSize(png), { height: 3, width: 5, type: 'png' });
  });

  it('undoes every PNG filter type on an RGBA image', () => {
    // Build a 4x5 RGBA image whose rows use filters 0..4, filtered by hand.
    const w = 4, h = 5, bpp = 4, stride = w * bpp;
    const pixels = Uint8Array.from({ length: stride * h }, (_, i) => (i * 29 + 7) % 256);
    const raw: number[] = [];
    const at = (y: number, x: number): number => (y < 0 || x < 0 ? 0 : pixels[y * stride + x] ?? 0);
    for (let y = 0; y < h; y++) {
      const f = y % 5;
      raw.push(f);
      for (let x = 0; x < stride; x++) {
        const a = at(y, x - bpp), b = at(y - 1, x), c = at(y - 1, x - bpp);
        const p = a + b - c;
        const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        const pred = [0, a, b, (a + b) >> 1, paeth][f] ?? 0;
        raw.push((at(y, x) - pred + 256) % 256);
      }
    }
    const chunk = (type: string, data: Buffer): Buffer => {
      const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, crc]);
    };
    const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 6;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(raw))), chunk('IEND', Buffer.alloc(0))]);
    const out = decodePng(png);
    for (let i = 0; i < w * h; i++) {
      assert.deepEqual(Array.from(out.rgb.subarray(i * 3, i * 3 + 3)), Array.from(pixels.subarray(i * 4, i * 4 + 3)), `pixel ${i}`);
    }
  });

  it('decodes JPEG through jpeg-js and tells formats by their bytes', () => {
    const data = Buffer.alloc(16 * 16 * 4, 200);
    const jpeg = encodeJpeg({ width: 16, height: 16, data }, 90).data;
    assert.deepEqual(imageInfo(jpeg), { format: 'jpeg', width: 16, height: 16 });
    const img = decodeImage(jpeg);
    assert.equal(img.rgb.length, 16 * 16 * 3);
    assert.throws(() => imageInfo(Buffer.from('GIF89a')), /neither PNG nor JPEG/);
  });

  it('gives unit-length thumbnail features that ignore overall brightness', () => {
    const [a] = [...generateDataset({ imagesPerClass: 1, testPerClass: 0, classes: 1, augment: false })];
    const f = imageFeatures(decodeImage(a?.bytes ?? Buffer.alloc(0)));
    assert.ok(Math.abs(f.reduce((s, x) => s + x * x, 0) - 1) < 1e-9);
  });
});

describe('emulator sample dataset', () => {
  it('respects every TMME image limit and captions each letter like the reference run', () => {
    const images = [...generateDataset({ imagesPerClass: 2, testPerClass: 1 })];
    for (const img of images) {
      const info = imageInfo(img.bytes);
      assert.equal(info.format, 'png');
      assert.deepEqual([info.width, info.height], [256, 256]);
      assert.ok(img.bytes.length < 5 * 1024 * 1024);
      assert.equal(img.caption, `The letter ${img.label} in sign language`);
    }
    assert.equal(new Set(images.map((i) => i.label)).size, 26);
    assert.ok(images.some((i) => i.key === 'images/A/A1.png') && images.some((i) => i.key === 'images/A/A1_1.png'));
    assert.equal(images.filter((i) => i.split === 'test').length, 26);
  });

  it('has at least 1,000 training records at the default size, and is deterministic', () => {
    const counts = { training: 0, validation: 0, test: 0 };
    for (const img of planDataset()) counts[img.split]++;
    assert.deepEqual(counts, { training: 1040, validation: 260, test: 78 });
    assert.equal(DEFAULT_DATASET.bucket, 'bedrock-mm-demo');
    const a = [...generateDataset({ imagesPerClass: 1, classes: 2 })].map((i) => i.bytes.toString('base64'));
    const b = [...generateDataset({ imagesPerClass: 1, classes: 2 })].map((i) => i.bytes.toString('base64'));
    assert.deepEqual(a, b);
  });

  it('refuses bad options with a message naming the option', () => {
    assert.throws(() => [...generateDataset({ classes: 27 })], /classes must be an integer from 1 to 26/);
    assert.throws(() => [...generateDataset({ bucket: 'Bad_Bucket' })], /not a valid S3 bucket name/);
  });
});
