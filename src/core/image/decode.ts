// The one image decoder (PNG, JPEG) of the project: the report's thumbnails and the perceptual hash both start from
// its pixels (src/core/image/process.ts, run in worker threads by imagePool.ts). Both libraries are pure JavaScript
// with no native binary and no network, so one decoder serves every platform the VSIX targets:
// - JPEG by jpeg-js directly (what jimp itself calls, without jimp's MIME sniffing and Buffer copies: ~13 ms instead
//   of ~18 ms for a 416 x 416 photo), then the EXIF orientation jimp would apply (exifOrientation.ts), so the pixels
//   and every perceptual hash stay what they were;
// - PNG by jimp (pngjs inside), which jpeg-js does not cover.
import { Jimp } from 'jimp';
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { applyOrientation, exifOrientation } from './exifOrientation';

export interface DecodedImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, row-major RGBA. */
  rgba: Uint8Array;
}

/** Why an image could not be decoded, in words a placeholder can show. */
export class ImageDecodeError extends Error {
  override readonly name = 'ImageDecodeError';
}

/** Refuse before decoding what would need more memory than a report image deserves (a decompression bomb). */
export const MAX_DECODE_PIXELS = 64 * 1024 * 1024;
/** jpeg-js's own allocation cap (its coefficient blocks take ~5 bytes per pixel besides the RGBA output). */
const JPEG_MAX_MEMORY_MB = Math.ceil((MAX_DECODE_PIXELS * 10) / 1024 / 1024);

/** Decodes whole image bytes to RGBA. Throws ImageDecodeError with the reason (not an image, damaged, too large). */
export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  if (bytes.length === 0) throw new ImageDecodeError('The image is empty (0 bytes)');
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch (err) {
    throw new ImageDecodeError(`Not a readable image: ${(err as Error).message}`);
  }
  if (size.type !== 'png' && size.type !== 'jpg') {
    throw new ImageDecodeError(`Not PNG or JPEG (detected: ${size.type ?? 'unknown'})`);
  }
  const pixels = (size.width ?? 0) * (size.height ?? 0);
  if (pixels > MAX_DECODE_PIXELS) {
    throw new ImageDecodeError(`Image has ${pixels.toLocaleString('en-US')} pixels; at most ${MAX_DECODE_PIXELS.toLocaleString('en-US')} are decoded`);
  }
  try {
    if (size.type === 'jpg') {
      const d = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: JPEG_MAX_MEMORY_MB, maxResolutionInMP: Math.ceil(MAX_DECODE_PIXELS / 1e6) });
      return applyOrientation({ width: d.width, height: d.height, rgba: d.data }, exifOrientation(bytes));
    }
    const image = await Jimp.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const { width, height, data } = image.bitmap;
    return { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (err) {
    throw new ImageDecodeError(`Damaged ${size.type === 'png' ? 'PNG' : 'JPEG'}: ${(err as Error).message}`);
  }
}
