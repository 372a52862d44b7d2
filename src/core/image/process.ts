// One decode of an image's bytes gives everything the extension wants from its pixels: the report's thumbnail and
// the perceptual hashes of the leakage check (issue 16: "the image pipeline that makes thumbnails also computes a
// perceptual hash"), plus the sha256 of the bytes. Run in a worker thread by imagePool.ts, or in-thread as fallback.
import { createHash } from 'node:crypto';
import { decodeImage } from './decode';
import { perceptualHashes, type PerceptualHashes } from './phash';
import { thumbnailPng } from './thumbnail';

export interface ImageWants {
  thumbnail?: boolean;
  hashes?: boolean;
}

export interface ProcessedImage {
  /** sha256 of the bytes, hex (always: it needs no decode). */
  sha256: string;
  /** PNG bytes, longest side <= 128 px. */
  thumbnail?: Uint8Array;
  hashes?: PerceptualHashes;
  /** Why the image could not be decoded (then neither thumbnail nor hashes). */
  error?: string;
}

export async function processImage(bytes: Uint8Array, wants: ImageWants): Promise<ProcessedImage> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!wants.thumbnail && !wants.hashes) return { sha256 };
  try {
    const img = await decodeImage(bytes);
    return { sha256, ...(wants.thumbnail ? { thumbnail: thumbnailPng(img) } : {}), ...(wants.hashes ? { hashes: perceptualHashes(img) } : {}) };
  } catch (err) {
    return { sha256, error: err instanceof Error ? err.message : String(err) };
  }
}
