// Image bytes -> format, size and a small feature vector. The format is decided by the bytes, not a file name.
import { decode as decodeJpeg } from 'jpeg-js';
import { imageSize } from 'image-size';
import { decodePng, isPng, type RgbImage } from './png';

export type ImageFormat = 'png' | 'jpeg';

export interface ImageInfo { format: ImageFormat; width: number; height: number }

export function sniffFormat(bytes: Buffer): ImageFormat | undefined {
  if (isPng(bytes)) return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

/** Reads only the header. Throws when the bytes are neither PNG nor JPEG or the header is unreadable. */
export function imageInfo(bytes: Buffer): ImageInfo {
  const format = sniffFormat(bytes);
  if (!format) throw new Error('the image is neither PNG nor JPEG');
  const size = imageSize(bytes);
  if (!size.width || !size.height) throw new Error('the image header has no dimensions');
  return { format, width: size.width, height: size.height };
}

export function decodeImage(bytes: Buffer): RgbImage {
  const format = sniffFormat(bytes);
  if (format === 'png') return decodePng(bytes);
  if (format === 'jpeg') {
    const img = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: 50, maxMemoryUsageInMB: 512 });
    return { width: img.width, height: img.height, rgb: img.data };
  }
  throw new Error('the image is neither PNG nor JPEG');
}

export const FEATURE_SIDE = 16;
export const FEATURE_DIM = FEATURE_SIDE * FEATURE_SIDE * 3;

/**
 * The emulated models' view of an image: a 16x16 RGB box-filtered thumbnail, centred and scaled to unit length,
 * so brightness shifts barely matter and the coarse layout and colours do.
 */
export function imageFeatures(image: RgbImage): Float64Array {
  const { width, height, rgb } = image;
  const sums = new Float64Array(FEATURE_DIM);
  const counts = new Float64Array(FEATURE_SIDE * FEATURE_SIDE);
  const column = new Int32Array(width);
  for (let x = 0; x < width; x++) column[x] = Math.min(FEATURE_SIDE - 1, Math.floor((x * FEATURE_SIDE) / width));
  for (let y = 0; y < height; y++) {
    const rowCell = Math.min(FEATURE_SIDE - 1, Math.floor((y * FEATURE_SIDE) / height)) * FEATURE_SIDE;
    let p = y * width * 3;
    for (let x = 0; x < width; x++, p += 3) {
      const cell = rowCell + (column[x] ?? 0);
      const o = cell * 3;
      sums[o] = (sums[o] ?? 0) + (rgb[p] ?? 0);
      sums[o + 1] = (sums[o + 1] ?? 0) + (rgb[p + 1] ?? 0);
      sums[o + 2] = (sums[o + 2] ?? 0) + (rgb[p + 2] ?? 0);
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }
  for (let i = 0; i < FEATURE_DIM; i++) sums[i] = (sums[i] ?? 0) / Math.max(1, counts[Math.floor(i / 3)] ?? 1) / 255;
  let mean = 0;
  for (const v of sums) mean += v;
  mean /= FEATURE_DIM;
  for (let i = 0; i < FEATURE_DIM; i++) sums[i] = (sums[i] ?? 0) - mean;
  return normalize(sums);
}

export function normalize(v: Float64Array): Float64Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / n;
  return v;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}
