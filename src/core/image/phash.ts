// The perceptual hash of a decoded image: a 64-bit DCT hash (pHash, the recipe of Python's imagehash.phash):
// luma, area-averaged down to 32 x 32, 2D DCT-II, the 8 x 8 lowest frequencies, one bit per coefficient above their
// median. DCT rather than the difference hash because the leak it must catch is the same photo re-encoded (JPEG
// quantises exactly these DCT frequencies, so their order survives) or resized (low frequencies do not depend on the
// size); a difference hash compares neighbouring pixels, which JPEG noise flips more easily on flat images.
// The hash is stated in reports as PHASH_NAME so it can be reproduced; the area resize differs from imagehash's
// Lanczos, so bits may differ slightly from imagehash.

import type { DecodedImage } from './decode';

export const PHASH_NAME = 'dct-phash-64 (luma, area resize to 32x32, DCT-II, 8x8 low frequencies > median)';

const N = 32;
const L = 8;
// COS[u * N + x] = cos((2x + 1) u pi / 2N) for the first L frequencies.
const COS = (() => {
  const c = new Float64Array(L * N);
  for (let u = 0; u < L; u++) for (let x = 0; x < N; x++) c[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  return c;
})();

/** 16 lowercase hex digits, most significant bit first (row-major over the 8 x 8 coefficients). */
export function perceptualHash(image: DecodedImage): string {
  const small = areaLuma(image, N);
  // Separable DCT, only the L lowest frequencies along each axis (scale factors do not change the median order
  // except the DC term's, which imagehash also includes unscaled).
  const rows = new Float64Array(N * L);
  for (let y = 0; y < N; y++) for (let u = 0; u < L; u++) {
    let s = 0;
    for (let x = 0; x < N; x++) s += (small[y * N + x] as number) * (COS[u * N + x] as number);
    rows[y * L + u] = s;
  }
  const low = new Float64Array(L * L);
  for (let v = 0; v < L; v++) for (let u = 0; u < L; u++) {
    let s = 0;
    for (let y = 0; y < N; y++) s += (rows[y * L + u] as number) * (COS[v * N + y] as number);
    low[v * L + u] = s;
  }
  const sorted = Float64Array.from(low).sort();
  const median = ((sorted[31] as number) + (sorted[32] as number)) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let b = 0;
    for (let t = 0; t < 4; t++) b = (b << 1) | ((low[nibble * 4 + t] as number) > median ? 1 : 0);
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
  // An image smaller than 32 px on a side leaves cells empty: they take the nearest filled row's value via 0 + mean.
  let total = 0;
  let filled = 0;
  for (let i = 0; i < sum.length; i++) if ((count[i] as number) > 0) { total += sum[i] as number; filled += count[i] as number; }
  const fallback = filled > 0 ? total / filled : 0;
  return sum.map((s, i) => ((count[i] as number) > 0 ? s / (count[i] as number) : fallback));
}
