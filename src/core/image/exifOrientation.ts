// EXIF orientation of a JPEG (tag 0x0112 in IFD0 of the APP1 "Exif" segment) and the pixel move that shows the image
// upright: the same mapping jimp applies on decode (its image-bitmap.ts, after sylvana.net/jpegcrop/exif_orientation),
// so decoding with jpeg-js directly gives the pixels jimp gave (docs/reference/evaluation.md "Decoding images").
import type { DecodedImage } from './decode';

/** 1..8, 1 when the JPEG has no (readable) orientation tag. */
export function exifOrientation(b: Uint8Array): number {
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] as number;
    const len = ((b[i + 2] as number) << 8) | (b[i + 3] as number);
    if (marker === 0xda || marker === 0xd9) return 1; // image data starts: no APP1 before it
    if (marker === 0xe1 && String.fromCharCode(...b.subarray(i + 4, i + 8)) === 'Exif') return tiffOrientation(b, i + 10, i + 2 + len);
    i += 2 + len;
  }
  return 1;
}

function tiffOrientation(b: Uint8Array, t: number, end: number): number {
  const little = b[t] === 0x49;
  const u16 = (o: number): number => (o + 2 > end ? -1 : little ? (b[o] as number) | ((b[o + 1] as number) << 8) : ((b[o] as number) << 8) | (b[o + 1] as number));
  const u32 = (o: number): number => (u16(o) < 0 || u16(o + 2) < 0 ? -1 : little ? u16(o) + u16(o + 2) * 65536 : u16(o) * 65536 + u16(o + 2));
  const ifd = t + u32(t + 4);
  const count = u16(ifd);
  for (let e = 0; e < count; e++) {
    const at = ifd + 2 + e * 12;
    if (u16(at) === 0x0112) {
      const v = u16(at + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

/** The image as it is meant to be seen under `orientation` (a new image; the same one for 1). */
export function applyOrientation(img: DecodedImage, orientation: number): DecodedImage {
  if (orientation < 2 || orientation > 8) return img;
  const { width: w, height: h } = img;
  const swap = orientation > 4;
  const width = swap ? h : w;
  const height = swap ? w : h;
  // Target (x, y) -> source (sx, sy), jimp's table.
  type Move = (x: number, y: number) => [number, number];
  const moves: Move[] = [
    (x, y) => [x, y], (x, y) => [x, y],
    (x, y) => [w - x - 1, y], (x, y) => [w - x - 1, h - y - 1], (x, y) => [x, h - y - 1],
    (x, y) => [y, x], (x, y) => [y, h - x - 1], (x, y) => [w - y - 1, h - x - 1], (x, y) => [w - y - 1, x],
  ];
  const from = moves[orientation] as Move;
  const src = new Uint32Array(img.rgba.buffer.slice(img.rgba.byteOffset, img.rgba.byteOffset + img.rgba.byteLength));
  const out = new Uint32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const [sx, sy] = from(x, y);
    out[y * width + x] = src[sy * w + sx] as number;
  }
  return { width, height, rgba: new Uint8Array(out.buffer) };
}
