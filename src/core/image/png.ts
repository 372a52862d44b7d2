// PNG structure checks where image-size is silent: it reads width/height from IHDR but does not verify the
// signature bytes, the chunk CRCs, the IHDR field values, or that image data exists. PngSuite's x* files break
// exactly these. Only the bytes at hand are checked (a ranged read gives the first 64 KiB).
import { crc32 } from './crc32';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Allowed bit depths per colour type (PNG spec, table 11.1). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function u32(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
}

export function hasPngSignature(b: Uint8Array): boolean {
  return PNG_SIGNATURE.every((x, i) => b[i] === x);
}

/** Looks like a PNG whose signature was damaged (e.g. by a text-mode transfer). */
export function looksLikeDamagedPng(b: Uint8Array): boolean {
  const ascii = String.fromCharCode(...b.subarray(0, 24));
  return !hasPngSignature(b) && (ascii.includes('PNG') || ascii.includes('IHDR'));
}

/** The first structural problem, or undefined. `complete` = the bytes are the whole file. */
export function pngProblem(b: Uint8Array, complete: boolean): string | undefined {
  if (!hasPngSignature(b)) return 'the PNG signature is damaged (was the file transferred in text mode?)';
  let i = 8;
  let first = true;
  let sawData = false;
  while (i + 8 <= b.length) {
    const length = u32(b, i);
    const type = String.fromCharCode(b[i + 4] ?? 0, b[i + 5] ?? 0, b[i + 6] ?? 0, b[i + 7] ?? 0);
    if (!/^[A-Za-z]{4}$/.test(type)) return `invalid chunk type at byte ${i + 4}`;
    if (first) {
      if (type !== 'IHDR') return `the first chunk is ${type}, not IHDR`;
      if (length !== 13) return `IHDR has length ${length}, not 13`;
      const depth = b[i + 16] ?? 0;
      const colour = b[i + 17] ?? 0;
      const allowed = DEPTHS[colour];
      if (!allowed) return `invalid colour type ${colour}`;
      if (!allowed.includes(depth)) return `invalid bit depth ${depth} for colour type ${colour}`;
      if ((b[i + 18] ?? 0) !== 0 || (b[i + 19] ?? 0) !== 0 || (b[i + 20] ?? 0) > 1) return 'invalid compression, filter or interlace method';
      if (u32(b, i + 8) === 0 || u32(b, i + 12) === 0) return 'width or height is 0';
      first = false;
    }
    const end = i + 12 + length;
    if (end > b.length) break; // the chunk continues past the bytes read
    if (crc32(b, i + 4, i + 8 + length) !== u32(b, i + 8 + length)) return `${type} chunk CRC mismatch (the file is damaged)`;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? undefined : 'no image data (IDAT chunk) before IEND';
    i = end;
  }
  if (first) return 'the file ends before the IHDR chunk';
  if (complete) return 'the file ends before the IEND chunk (truncated)';
  return undefined;
}
