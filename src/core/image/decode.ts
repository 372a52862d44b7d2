// The one image decoder (PNG, JPEG) of the project: the report's thumbnails and the perceptual hash both start from
// its pixels. jimp is pure JavaScript with no native binary and no network, so core may use it like image-size: one
// decoder for every platform the VSIX targets.
import { Jimp } from 'jimp';
import { imageSize } from 'image-size';

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
    const image = await Jimp.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const { width, height, data } = image.bitmap;
    return { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (err) {
    throw new ImageDecodeError(`Damaged ${size.type === 'png' ? 'PNG' : 'JPEG'}: ${(err as Error).message}`);
  }
}
