// Real PNG and JPEG bytes of given sizes for tests (PNG: zlib + CRC by hand, JPEG: jpeg-js).
import { deflateSync } from 'node:zlib';
import * as jpeg from 'jpeg-js';
import { crc32 } from '../../src/core/image/crc32';

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out, 4, 8 + data.length), 8 + data.length);
  return out;
}

/** A grey 8-bit greyscale PNG. */
export function makePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter type none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0)),
  ]);
}

export function makeJpeg(width: number, height: number, quality = 50): Buffer {
  return Buffer.from(jpeg.encode({ data: Buffer.alloc(width * height * 4, 0x90), width, height }, quality).data);
}
