// Draws the sample dataset's images: each class (letter) owns a fixed layout of coloured blocks on a tinted
// background; each image shifts, re-lights and partly occludes it, so classes are learnable but not identical.
import { encodePng } from '../model/png';
import { hashString, seededRandom } from '../rng';

export const IMAGE_SIDE = 256;
const GRID = 6;

interface ClassPattern { background: [number, number, number]; cells: ([number, number, number] | undefined)[] }

function colour(random: () => number): [number, number, number] {
  return [Math.floor(random() * 256), Math.floor(random() * 256), Math.floor(random() * 256)];
}

/**
 * Letters whose hand shapes are easily confused in sign language share most of their layout here, so both models
 * make some of the confusions the reference run saw (M/N, S/T, U/V/R, ...) instead of a perfectly separable set.
 */
const LOOKALIKE: Record<string, string> = { N: 'M', T: 'S', E: 'S', V: 'U', R: 'U', K: 'V', Y: 'L', X: 'G', Q: 'P' };
const DIFFERING_CELLS = 3;

export function classPattern(label: string): ClassPattern {
  const random = seededRandom(hashString(`class/${label}`));
  const parent = LOOKALIKE[label];
  if (parent) {
    const base = classPattern(parent);
    const cells = [...base.cells];
    for (let i = 0; i < DIFFERING_CELLS; i++) cells[Math.floor(random() * cells.length)] = random() < 0.5 ? colour(random) : undefined;
    return { background: base.background, cells };
  }
  const background = colour(random);
  const cells = Array.from({ length: GRID * GRID }, () => (random() < 0.45 ? colour(random) : undefined));
  return { background, cells };
}

export interface Variation { dx: number; dy: number; light: number; blob: { x: number; y: number; r: number; c: [number, number, number] } }

export function randomVariation(random: () => number): Variation {
  return {
    dx: Math.round((random() - 0.5) * 40),
    dy: Math.round((random() - 0.5) * 40),
    light: 0.75 + random() * 0.5,
    blob: { x: random() * IMAGE_SIDE, y: random() * IMAGE_SIDE, r: 20 + random() * 50, c: colour(random) },
  };
}

export function drawImage(label: string, v: Variation): Buffer {
  const p = classPattern(label);
  const rgb = new Uint8Array(IMAGE_SIDE * IMAGE_SIDE * 3);
  const cell = IMAGE_SIDE / GRID;
  const r2 = v.blob.r * v.blob.r;
  for (let y = 0; y < IMAGE_SIDE; y++) {
    const sy = y - v.dy;
    const rowBase = sy >= 0 && sy < IMAGE_SIDE ? Math.floor(sy / cell) * GRID : -1;
    const by = y - v.blob.y;
    let o = y * IMAGE_SIDE * 3;
    for (let x = 0; x < IMAGE_SIDE; x++, o += 3) {
      const sx = x - v.dx;
      let c = rowBase >= 0 && sx >= 0 && sx < IMAGE_SIDE ? p.cells[rowBase + Math.floor(sx / cell)] ?? p.background : p.background;
      const bx = x - v.blob.x;
      if (bx * bx + by * by < r2) c = v.blob.c;
      rgb[o] = Math.min(255, c[0] * v.light);
      rgb[o + 1] = Math.min(255, c[1] * v.light);
      rgb[o + 2] = Math.min(255, c[2] * v.light);
    }
  }
  return encodePng({ width: IMAGE_SIDE, height: IMAGE_SIDE, rgb });
}
