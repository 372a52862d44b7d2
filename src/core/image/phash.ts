// The perceptual hash of a decoded image: a 64-bit DCT hash (pHash, the recipe of Python's imagehash.phash):
// luma, area-averaged down to 32 x 32, 2D DCT-II, the 8 x 8 lowest frequencies, one bit per coefficient above their
// median. DCT rather than the difference hash because the leak it must catch is the same photo re-encoded (JPEG
// quantises exactly these DCT frequencies, so their order survives) or resized (low frequencies do not depend on the
// size); a difference hash compares neighbouring pixels, which JPEG noise flips more easily on flat images.
// The hash is stated in reports as PHASH_NAME so it can be reproduced; the area resize differs from imagehash's
// Lanczos, so bits may differ slightly from imagehash.

import type { DecodedImage } from './decode';

export const PHASH_NAME = 'dct-phash-64 (luma, area resize to 32x32, DCT-II, 8x8 low frequencies > median), confirmed by dct-phash-256 (64x64, 16x16)';

/**
 * The 64-bit hash finds candidates fast (src/core/image/nearDuplicates.ts); a 256-bit hash of the same recipe
 * (64 x 64, the 16 x 16 lowest frequencies) confirms them at the same share of differing bits. Why both: on images
 * that share one layout shifted by a few pixels (the emulator's sample classes), 64 low frequencies cannot tell a
 * re-encoded copy (distance <= 2 measured) from another photo of the class (down to 2), while 256 can (<= 8 vs >= 32).
 */
export interface PerceptualHashes {
  /** 16 hex digits. */
  phash: string;
  /** 64 hex digits. */
  fine: string;
}

export function perceptualHashes(image: DecodedImage): PerceptualHashes {
  return { phash: dctHash(image, 32, 8), fine: dctHash(image, 64, 16) };
}

/** The 64-bit hash alone: 16 lowercase hex digits, most significant bit first (row-major over the coefficients). */
export function perceptualHash(image: DecodedImage): string {
  return dctHash(image, 32, 8);
}

const cosTables = new Map<string, Float64Array>();
// table[u * n + x] = cos((2x + 1) u pi / 2n) for the first `low` frequencies.
function cosTable(n: number, low: number): Float64Array {
  const key = `${n}/${low}`;
  let c = cosTables.get(key);
  if (!c) {
    c = new Float64Array(low * n);
    for (let u = 0; u < low; u++) for (let x = 0; x < n; x++) c[u * n + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * n));
    cosTables.set(key, c);
  }
  return c;
}

function dctHash(image: DecodedImage, n: number, low: number): string {
  const small = areaLuma(image, n);
  const cos = cosTable(n, low);
  // Separable DCT-II, only the `low` lowest frequencies along each axis (unscaled: scaling keeps the order).
  const rows = new Float64Array(n * low);
  for (let y = 0; y < n; y++) for (let u = 0; u < low; u++) {
    let s = 0;
    for (let x = 0; x < n; x++) s += (small[y * n + x] as number) * (cos[u * n + x] as number);
    rows[y * low + u] = s;
  }
  const coeffs = new Float64Array(low * low);
  for (let v = 0; v < low; v++) for (let u = 0; u < low; u++) {
    let s = 0;
    for (let y = 0; y < n; y++) s += (rows[y * low + u] as number) * (cos[v * n + y] as number);
    coeffs[v * low + u] = s;
  }
  const sorted = Float64Array.from(coeffs).sort();
  const half = coeffs.length / 2;
  const median = ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
  let hex = '';
  for (let nibble = 0; nibble < coeffs.length / 4; nibble++) {
    let b = 0;
    for (let t = 0; t < 4; t++) b = (b << 1) | ((coeffs[nibble * 4 + t] as number) > median ? 1 : 0);
    hex += b.toString(16);
  }
  return hex;
}

/** ITU-R BT.601 luma, each output cell the mean of the source pixels whose centres fall in it. */
function areaLuma(img: DecodedImage, size: number): Float64Array {
  const sum = new Float64Array(size * size);
  const count = new Float64Array(size * size);
  for (let y = 0; y < img.height; y++) {
    const cy = Math.min(size - 1, Math.floor(((y + 0.5) * size) / img.height));
    for (let x = 0; x < img.width; x++) {
      const cx = Math.min(size - 1, Math.floor(((x + 0.5) * size) / img.width));
      const o = (y * img.width + x) * 4;
      const luma = 0.299 * (img.rgba[o] as number) + 0.587 * (img.rgba[o + 1] as number) + 0.114 * (img.rgba[o + 2] as number);
      sum[cy * size + cx] = (sum[cy * size + cx] as number) + luma;
      count[cy * size + cx] = (count[cy * size + cx] as number) + 1;
    }
  }
  // An image smaller than the grid leaves cells empty: they take the image's mean luma.
  let total = 0;
  let filled = 0;
  for (let i = 0; i < sum.length; i++) if ((count[i] as number) > 0) { total += sum[i] as number; filled += count[i] as number; }
  const fallback = filled > 0 ? total / filled : 0;
  return sum.map((s, i) => ((count[i] as number) > 0 ? s / (count[i] as number) : fallback));
}
