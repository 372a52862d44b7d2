// Seeded pseudo-random numbers: fault injection, ids and the emulated models must be reproducible run to run.

export { seededRandom } from '../src/core/random';

/** FNV-1a 32-bit hash of a string, used to derive stable seeds from names and tokens. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Standard normal sample from a uniform source (Box-Muller). */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
