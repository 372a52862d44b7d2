// A small PNG codec on node:zlib: decode (every colour type and bit depth, Adam7 interlacing; alpha is ignored,
// 16-bit samples keep their high byte) for the emulated embedding models, and encode (RGB) for the sample dataset.
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

/** Reverses the per-row filters of `rows` rows of `stride` bytes starting at `offset` in `raw`. */
function unfilter(raw: Buffer, offset: number, stride: number, rows: number, bpp: number): Buffer {
  if (raw.length < offset + (stride + 1) * rows) throw new Error('PNG image data is truncated');
  const out = Buffer.alloc(stride * rows);
  for (let y = 0; y < rows; y++) {
    const filter = raw[offset + y * (stride + 1)] ?? 0;
    const src = offset + y * (stride + 1) + 1;
    const dst = y * stride;
    if (filter === 0) {
      out.set(raw.subarray(src, src + stride), dst); // the common unfiltered row: a plain copy
      continue;
    }
    for (let x = 0; x < stride; x++) {
      const v = raw[src + x] ?? 0;
      const a = x >= bpp ? out[dst + x - bpp] ?? 0 : 0;
      const b = y > 0 ? out[dst - stride + x] ?? 0 : 0;
      const c = x >= bpp && y > 0 ? out[dst - stride + x - bpp] ?? 0 : 0;
      const pred = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : -1;
      if (pred < 0) throw new Error(`PNG filter type ${filter} is not valid`);
      out[dst + x] = (v + pred) & 0xff;
    }
  }
  return out;
}

interface Header { width: number; height: number; depth: number; colorType: number; channels: number; palette: Buffer | undefined }

/** Writes the pixels of one (sub-)image of `w` x `h` into `rgb` at positions (x0 + i*dx, y0 + j*dy). */
function expand(h: Header, rows: Buffer, w: number, hgt: number, rgb: Uint8Array, x0: number, y0: number, dx: number, dy: number): void {
  const { depth, channels, colorType, palette } = h;
  const stride = Math.ceil((w * channels * depth) / 8);
  const max = (1 << Math.min(depth, 8)) - 1;
  const sample = (row: number, index: number): number => {
    if (depth === 8) return rows[row * stride + index] ?? 0;
    if (depth === 16) return rows[row * stride + index * 2] ?? 0; // the high byte first
    const bit = index * depth;
    const byte = rows[row * stride + (bit >> 3)] ?? 0;
    return (byte >> (8 - depth - (bit & 7))) & max;
  };
  for (let j = 0; j < hgt; j++) {
    for (let i = 0; i < w; i++) {
      const o = ((y0 + j * dy) * h.width + (x0 + i * dx)) * 3;
      if (colorType === 3) {
        const idx = sample(j, i) * 3;
        rgb[o] = palette?.[idx] ?? 0; rgb[o + 1] = palette?.[idx + 1] ?? 0; rgb[o + 2] = palette?.[idx + 2] ?? 0;
      } else if (channels <= 2) {
        const g = depth < 8 ? Math.round((sample(j, i * channels) * 255) / max) : sample(j, i * channels);
        rgb[o] = rgb[o + 1] = rgb[o + 2] = g;
      } else {
        rgb[o] = sample(j, i * channels); rgb[o + 1] = sample(j, i * channels + 1); rgb[o + 2] = sample(j, i * channels + 2);
      }
    }
  }
}

const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

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
    if (data.length < len || pos + 12 + len > bytes.length) throw new Error('truncated PNG chunk');
    if ((crc32(bytes.subarray(pos + 4, pos + 8 + len)) >>> 0) !== bytes.readUInt32BE(pos + 8 + len)) {
      throw new Error(`PNG chunk ${type} has a bad CRC (the file is corrupt)`);
    }
    if (pos === 8 && type !== 'IHDR') throw new Error('the PNG does not start with an IHDR chunk');
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
  if (!DEPTHS[colorType]?.includes(depth)) throw new Error(`PNG bit depth ${depth} is not valid for color type ${colorType}`);
  if (colorType === 3 && !palette) throw new Error('palette PNG without a palette');
  if (interlace > 1) throw new Error(`PNG interlace method ${interlace} is not valid`);
  if (idat.length === 0) throw new Error('PNG has no image data');
  const header: Header = { width, height, depth, colorType, channels, palette };
  const bpp = Math.max(1, (channels * depth) / 8);
  const raw = inflateSync(Buffer.concat(idat));
  if (colorType === 2 && depth === 8 && interlace === 0) {
    const pixels = unfilter(raw, 0, width * 3, height, bpp);
    return { width, height, rgb: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length) };
  }
  const rgb = new Uint8Array(width * height * 3);
  if (interlace === 0) {
    expand(header, unfilter(raw, 0, Math.ceil((width * channels * depth) / 8), height, bpp), width, height, rgb, 0, 0, 1, 1);
    return { width, height, rgb };
  }
  let offset = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const stride = Math.ceil((w * channels * depth) / 8);
    expand(header, unfilter(raw, offset, stride, h, bpp), w, h, rgb, x0, y0, dx, dy);
    offset += (stride + 1) * h;
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
