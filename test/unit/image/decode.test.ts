// decodeImage: the one decoder behind thumbnails and perceptual hashes.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Jimp } from 'jimp';
import { decodeImage, ImageDecodeError } from '../../../src/core/image/decode';

describe('decodeImage', () => {
  it('decodes a PNG to its exact RGBA pixels', async () => {
    const img = new Jimp({ width: 3, height: 2, color: 0x112233ff });
    img.setPixelColor(0xff0000ff, 2, 1);
    const d = await decodeImage(new Uint8Array(await img.getBuffer('image/png')));
    assert.equal(d.width, 3);
    assert.equal(d.height, 2);
    assert.equal(d.rgba.length, 24);
    assert.deepEqual([...d.rgba.subarray(0, 4)], [0x11, 0x22, 0x33, 0xff]);
    assert.deepEqual([...d.rgba.subarray(20, 24)], [0xff, 0, 0, 0xff]);
  });

  it('decodes a JPEG to its size', async () => {
    const img = new Jimp({ width: 40, height: 30, color: 0x808080ff });
    const d = await decodeImage(new Uint8Array(await img.getBuffer('image/jpeg', { quality: 70 })));
    assert.equal(d.width, 40);
    assert.equal(d.height, 30);
    assert.ok(Math.abs((d.rgba[0] ?? 0) - 0x80) <= 3);
  });

  it('names why for empty, non-image and truncated bytes', async () => {
    await assert.rejects(decodeImage(new Uint8Array()), (e: Error) => e instanceof ImageDecodeError && /empty/.test(e.message));
    await assert.rejects(decodeImage(new TextEncoder().encode('<img src=x onerror=alert(1)>')), ImageDecodeError);
    const png = new Uint8Array(await new Jimp({ width: 50, height: 50, color: 0xff }).getBuffer('image/png'));
    await assert.rejects(decodeImage(png.subarray(0, 40)), ImageDecodeError);
  });
});
