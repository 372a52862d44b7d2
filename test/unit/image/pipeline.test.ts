// The image pipeline behind the report's thumbnails and the leakage check: jpeg-js directly gives exactly jimp's
// pixels (EXIF orientation included), the zlib PNG encoder round-trips, and the worker pool's answers equal the
// in-thread ones, byte for byte (dist/imageWorker.js, built by scripts/build.mjs).
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Jimp } from 'jimp';
import jpeg from 'jpeg-js';
import { decodeImage } from '../../../src/core/image/decode';
import { exifOrientation } from '../../../src/core/image/exifOrientation';
import { findWorkerScript, ImagePool, WORKER_FILE } from '../../../src/core/image/imagePool';
import { encodePng } from '../../../src/core/image/pngEncode';
import { processImage } from '../../../src/core/image/process';
import { perceptualHashes } from '../../../src/core/image/phash';
import { generateDataset } from '../../../emulator/dataset/generate';

/** A 6 x 4 JPEG whose pixels differ everywhere (so any wrong rotation shows), with an EXIF orientation if given. */
function jpegWith(orientation: number | undefined, little: boolean): Uint8Array {
  const w = 24; const h = 16;
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) { data[i * 4] = (i * 7) & 255; data[i * 4 + 1] = (i * 3) & 255; data[i * 4 + 2] = 255 - ((i * 5) & 255); data[i * 4 + 3] = 255; }
  const plain = jpeg.encode({ data, width: w, height: h }, 95).data;
  if (orientation === undefined) return new Uint8Array(plain);
  // TIFF header, IFD0 with one entry: 0x0112 SHORT count 1 = orientation.
  const tiff = Buffer.alloc(26);
  const u16 = (v: number, at: number): void => { if (little) tiff.writeUInt16LE(v, at); else tiff.writeUInt16BE(v, at); };
  const u32 = (v: number, at: number): void => { if (little) tiff.writeUInt32LE(v, at); else tiff.writeUInt32BE(v, at); };
  tiff.write(little ? 'II' : 'MM', 0, 'latin1'); u16(42, 2); u32(8, 4);
  u16(1, 8); u16(0x0112, 10); u16(3, 12); u32(1, 14); u16(orientation, 18); u32(0, 22);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4); app1[0] = 0xff; app1[1] = 0xe1; app1.writeUInt16BE(body.length + 2, 2);
  return new Uint8Array(Buffer.concat([plain.subarray(0, 2), app1, body, plain.subarray(2)]));
}

describe('image pipeline', () => {
  it('decodes a JPEG to exactly the pixels jimp gives, for every EXIF orientation, either byte order', async () => {
    for (const orientation of [undefined, 1, 2, 3, 4, 5, 6, 7, 8]) for (const little of [true, false]) {
      const bytes = jpegWith(orientation, little);
      assert.equal(exifOrientation(bytes), orientation ?? 1);
      const ours = await decodeImage(bytes);
      const theirs = (await Jimp.fromBuffer(Buffer.from(bytes))).bitmap;
      assert.deepEqual([ours.width, ours.height], [theirs.width, theirs.height], `size, orientation ${orientation}`);
      assert.ok(Buffer.from(ours.rgba).equals(theirs.data), `pixels, orientation ${orientation} ${little ? 'II' : 'MM'}`);
    }
  });

  it('keeps the perceptual hashes of the sample images what jimp decoding gave', async () => {
    for (const img of [...generateDataset({ classes: 3, imagesPerClass: 1, testPerClass: 0, augment: false })]) {
      const j = (await Jimp.fromBuffer(img.bytes as Buffer)).bitmap;
      const viaJimp = perceptualHashes({ width: j.width, height: j.height, rgba: new Uint8Array(j.data) });
      assert.deepEqual(perceptualHashes(await decodeImage(img.bytes)), viaJimp);
    }
  });

  it('encodes PNG that decodes to the same pixels', async () => {
    const rgba = Uint8Array.from({ length: 5 * 3 * 4 }, (_, i) => (i * 37) & 255);
    const back = (await Jimp.fromBuffer(Buffer.from(encodePng(rgba, 5, 3)))).bitmap;
    assert.deepEqual([back.width, back.height], [5, 3]);
    assert.ok(Buffer.from(rgba).equals(back.data));
    assert.throws(() => encodePng(rgba, 4, 4), RangeError);
  });

  it('answers the same from the worker threads as in-thread: thumbnail bytes, hashes, sha256, and the reason for a bad image', async () => {
    const script = findWorkerScript();
    assert.ok(script, `${WORKER_FILE} is built into dist/ by scripts/build.mjs`);
    const pool = new ImagePool(script, 2);
    assert.equal(pool.threaded, true);
    try {
      const inputs = [jpegWith(6, true), ...[...generateDataset({ classes: 2, imagesPerClass: 2, testPerClass: 0, augment: false })].map((i) => new Uint8Array(i.bytes)), Uint8Array.from([1, 2, 3])];
      const wants = { thumbnail: true, hashes: true };
      const threaded = await Promise.all(inputs.map((b) => pool.process(b, wants)));
      const local = await Promise.all(inputs.map((b) => processImage(b, wants)));
      assert.deepEqual(threaded, local);
      assert.ok(local[1]?.thumbnail && local[1].hashes, 'a thumbnail and hashes from one call');
      assert.match(threaded.at(-1)?.error ?? '', /Not a readable image|Not PNG or JPEG/);
      assert.deepEqual(Object.keys(await pool.process(inputs[1] as Uint8Array, { hashes: true })).sort(), ['hashes', 'sha256'], 'only what is asked');
    } finally {
      await pool.dispose();
    }
  });

  it('runs from a VSIX-like folder holding only the bundles (the worker needs no node_modules), and the VSIX ships it', async () => {
    const built = findWorkerScript();
    assert.ok(built);
    const dist = join(mkdtempSync(join(tmpdir(), 'vsix-layout-')), 'extension', 'dist');
    mkdirSync(dist, { recursive: true });
    copyFileSync(built, join(dist, WORKER_FILE));
    const script = findWorkerScript(dist);
    assert.equal(script, join(dist, WORKER_FILE), 'found beside dist/extension.js, dist/aws.js (and cli.js in the CLI package)');
    const pool = new ImagePool(script, 1);
    try {
      const png = new Uint8Array(await new Jimp({ width: 300, height: 150, color: 0x336699ff }).getBuffer('image/png'));
      const [fromVsix, local] = await Promise.all([pool.process(png, { thumbnail: true, hashes: true }), processImage(png, { thumbnail: true, hashes: true })]);
      assert.equal(fromVsix.error, undefined);
      assert.deepEqual(fromVsix, local, 'PNG (jimp) decodes in the worker too');
    } finally {
      await pool.dispose();
    }
    const ignore = readFileSync(join(__dirname, '..', '..', '..', '..', '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes(`!dist/${WORKER_FILE}`), '.vscodeignore allow-lists the worker into the VSIX');
  });

  it('finds the worker beside the bundle, else in dist/ of a folder up, else nowhere', () => {
    const root = mkdtempSync(join(tmpdir(), 'worker-find-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'out', 'bench', 'x'), { recursive: true });
    assert.equal(findWorkerScript(join(root, 'out', 'bench', 'x')), undefined);
    writeFileSync(join(root, 'dist', WORKER_FILE), '');
    assert.equal(findWorkerScript(join(root, 'out', 'bench', 'x')), join(root, 'dist', WORKER_FILE));
    assert.equal(findWorkerScript(join(root, 'dist')), join(root, 'dist', WORKER_FILE));
  });
});
