// Checks an image from its first bytes against Bedrock's limits (docs/reference/bedrock-tmme.md section 1): format by
// the bytes, file size, side lengths, total pixels, aspect ratio. image-size reads the dimensions; a small PNG
// structure check covers what image-size does not verify. Never throws.
import { imageSize } from 'image-size';
import { hasPngSignature, looksLikeDamagedPng, pngProblem } from './png';

export interface ImageLimits {
  /** 5 MB by default; one AWS page says 25 MB. */
  maxBytes: number;
  /** 128 px by default; one AWS page says 256 px. */
  minSide: number;
  maxSide: number;
  maxPixels: number;
  minAspect: number;
  maxAspect: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 5 * 1024 * 1024,
  minSide: 128,
  maxSide: 4096,
  maxPixels: 2048 * 2048 * 3,
  minAspect: 0.25,
  maxAspect: 4,
};

export type ImageCode = 'image-format' | 'image-too-large' | 'image-side' | 'image-pixels' | 'image-aspect' | 'image-corrupt';

export interface ImageProblem { code: ImageCode; message: string }

export interface ImageFacts {
  format?: 'png' | 'jpeg' | undefined;
  width?: number | undefined;
  height?: number | undefined;
  size: number;
  problems: ImageProblem[];
  /** The dimensions lie beyond the bytes given: read more and call again. */
  needMoreBytes?: boolean;
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 2 : 1)} MB`;
}

function isJpeg(b: Uint8Array): boolean {
  return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/** `bytes` = the first bytes of the object (or all of it), `objectSize` = the whole object's size. */
export function checkImageHeader(bytes: Uint8Array, objectSize: number, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): ImageFacts {
  const facts: ImageFacts = { size: objectSize, problems: [] };
  const complete = bytes.length >= objectSize;
  if (objectSize > limits.maxBytes) {
    facts.problems.push({ code: 'image-too-large', message: `Image is ${mb(objectSize)}; Bedrock accepts at most ${mb(limits.maxBytes)}` });
  }
  if (objectSize === 0) {
    facts.problems.push({ code: 'image-corrupt', message: 'The object is empty (0 bytes)' });
    return facts;
  }
  const png = hasPngSignature(bytes);
  if (!png && !isJpeg(bytes)) {
    if (looksLikeDamagedPng(bytes)) {
      facts.problems.push({ code: 'image-corrupt', message: 'Damaged PNG: the PNG signature is wrong (was the file transferred in text mode?)' });
      return facts;
    }
    let detected = 'unknown';
    try { detected = imageSize(bytes).type ?? 'unknown'; } catch { /* not an image type image-size knows */ }
    facts.problems.push({ code: 'image-format', message: `Not PNG or JPEG by its bytes (detected: ${detected}); Bedrock accepts only PNG and JPEG` });
    return facts;
  }
  facts.format = png ? 'png' : 'jpeg';
  if (png) {
    const problem = pngProblem(bytes, complete);
    if (problem) {
      facts.problems.push({ code: 'image-corrupt', message: `Damaged PNG: ${problem}` });
      return facts;
    }
  }
  let width: number | undefined;
  let height: number | undefined;
  try {
    const size = imageSize(bytes);
    width = size.width;
    height = size.height;
  } catch (err) {
    if (!complete) { facts.needMoreBytes = true; return facts; }
    facts.problems.push({ code: 'image-corrupt', message: `Damaged ${facts.format.toUpperCase()}: ${(err as Error).message}` });
    return facts;
  }
  if (!width || !height) {
    if (!complete) { facts.needMoreBytes = true; return facts; }
    facts.problems.push({ code: 'image-corrupt', message: `Damaged ${facts.format.toUpperCase()}: no width or height` });
    return facts;
  }
  facts.width = width;
  facts.height = height;
  const lo = Math.min(width, height);
  const hi = Math.max(width, height);
  if (lo < limits.minSide || hi > limits.maxSide) {
    facts.problems.push({ code: 'image-side', message: `Image is ${width} x ${height} px; each side must be ${limits.minSide} to ${limits.maxSide.toLocaleString('en-US')} px` });
  }
  if (width * height > limits.maxPixels) {
    facts.problems.push({ code: 'image-pixels', message: `Image has ${(width * height).toLocaleString('en-US')} pixels; Bedrock allows at most ${limits.maxPixels.toLocaleString('en-US')}` });
  }
  const aspect = width / height;
  if (aspect < limits.minAspect || aspect > limits.maxAspect) {
    facts.problems.push({ code: 'image-aspect', message: `Aspect ratio ${aspect.toFixed(2)} (width / height) is outside ${limits.minAspect} to ${limits.maxAspect}` });
  }
  return facts;
}
