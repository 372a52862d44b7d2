// A small PNG codec on node:zlib: decode (8- and 16-bit gray, gray+alpha, RGB, RGBA and palette images, not
// interlaced) for the emulated embedding models, and encode (RGB) for the sample dataset.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

export interface RgbImage { width: number; height: number; rgb: Uint8Array }

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function isPng(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(SIGNATURE);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Buffer): RgbImage {
  if (!isPng(bytes)) throw new Error('not a PNG file');
  let pos = 8;
  let width = 0, height = 0, depth = 0, colorType = 0, interlace = 0;
  let palette: Buffer | undefined;
  const idat: Buffer[] = [];
  while (pos + 8 <= bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    if (data.length < len) throw new Error('truncated PNG chunk');
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8] ?? 0;
      colorType = data[9] ?? 0;
      interlace = data[12] ?? 0;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = CHANNELS[colorType];
  if (!width || !height || channels === undefined) throw new Error('PNG header missing or with an unknown color type');
  if (interlace !== 0) throw new Error('interlaced PNG is not supported');
  if (depth !== 8 && depth !== 16) throw new Error(`PNG bit depth ${depth} is not supported`);
  if (colorType === 3 && (!palette || depth !== 8)) throw new Error('palette PNG without a palette');
  const bpp = (channels * depth) / 8;
  const stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < (stride + 1) * height) throw new Error('PNG image data is truncated');
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    if (filter === 0) {
      pixels.set(raw.subarray(src, src + stride), dst); // the common unfiltered row: a plain copy
      continue;
    }
    for (let x = 0; x < stride; x++) {
      const v = raw[src + x] ?? 0;
      const a = x >= bpp ? pixels[dst + x - bpp] ?? 0 : 0;
      const b = y > 0 ? pixels[dst - stride + x] ?? 0 : 0;
      const c = x >= bpp && y > 0 ? pixels[dst - stride + x - bpp] ?? 0 : 0;
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : -1;
      if (pred < 0) throw new Error(`PNG filter type ${filter} is not valid`);
      pixels[dst + x] = (v + pred) & 0xff;
    }
  }
  if (colorType === 2 && depth === 8) return { width, height, rgb: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length) };
  const rgb = new Uint8Array(width * height * 3);
  const step = depth / 8; // for 16-bit samples the high byte comes first
  for (let i = 0; i < width * height; i++) {
    const s = (k: number): number => pixels[(i * channels + k) * step] ?? 0;
    if (colorType === 3) {
      const idx = s(0) * 3;
      rgb[i * 3] = palette?.[idx] ?? 0; rgb[i * 3 + 1] = palette?.[idx + 1] ?? 0; rgb[i * 3 + 2] = palette?.[idx + 2] ?? 0;
    } else if (channels <= 2) {
      rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = s(0);
    } else {
      rgb[i * 3] = s(0); rgb[i * 3 + 1] = s(1); rgb[i * 3 + 2] = s(2);
    }
  }
  return { width, height, rgb };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(image: RgbImage): Buffer {
  const { width, height, rgb } = image;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
