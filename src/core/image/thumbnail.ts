// A report thumbnail's pixels: shrunk by area averaging so the longest side is at most 128 px (never upscaled).
import type { DecodedImage } from './decode';
import { encodePng } from './pngEncode';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIDE = 128;

/** The thumbnail's size for an image of width x height (never upscaled). */
export function thumbnailSize(width: number, height: number, side = THUMBNAIL_SIDE): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Box filter: each output pixel is the mean of the source pixels it covers (no aliasing when shrinking 3x or more). */
export function shrink(rgba: Uint8Array, width: number, height: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / w));
      let r = 0; let g = 0; let b = 0; let a = 0;
      for (let sy = y0; sy < y1; sy++) {
        let p = (sy * width + x0) * 4;
        for (let sx = x0; sx < x1; sx++, p += 4) { r += rgba[p] as number; g += rgba[p + 1] as number; b += rgba[p + 2] as number; a += rgba[p + 3] as number; }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 4;
      out[o] = r / n; out[o + 1] = g / n; out[o + 2] = b / n; out[o + 3] = a / n;
    }
  }
  return out;
}

/** PNG bytes of the decoded image's thumbnail. */
export function thumbnailPng(img: DecodedImage): Uint8Array {
  const size = thumbnailSize(img.width, img.height);
  const data = size.width === img.width && size.height === img.height ? img.rgba : shrink(img.rgba, img.width, img.height, size.width, size.height);
  return encodePng(data, size.width, size.height);
}
