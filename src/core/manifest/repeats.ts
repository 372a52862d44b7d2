// Finds candidate repeats among up to 500,000 image-refs without keeping 500,000 strings alive: a Map of strings
// costs more than parsing the whole file (every key survives into the old generation). Instead each ref leaves a
// 32-bit hash, written in order to a typed array, and sets one bit in a 2 MiB filter. A hash table probed at random
// cost a cache miss per line (100 ms at 500,000 lines), sorting the hashes at the end 50 ms; the filter stays in
// cache and flags the few hashes that may have come before. Equal hashes are only candidates: the caller confirms
// them by comparing the real strings of those few lines.

/**
 * A 32-bit hash of a string, the hot loop of duplicate detection (500,000 refs of ~45 characters). Two independent
 * FNV-style lanes each take two UTF-16 units per step, so the CPU works on both multiply chains at once (2x the
 * speed of one-character FNV-1a); a final avalanche (MurmurHash3's fmix32) spreads every input bit over the low
 * bits the table indexes by.
 */
export function hashString(s: string): number {
  const n = s.length;
  let a = 0x811c9dc5;
  let b = 0x2c9277b5;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    a = Math.imul(a ^ (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)), 0x9e3779b1);
    b = Math.imul(b ^ (s.charCodeAt(i + 2) | (s.charCodeAt(i + 3) << 16)), 0x85ebca77);
    a ^= a >>> 15;
    b ^= b >>> 15;
  }
  for (; i < n; i++) a = Math.imul(a ^ s.charCodeAt(i), 0x01000193) ^ (a >>> 15);
  let h = a ^ Math.imul(b ^ n, 0x5bd1e995);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export class RepeatFinder {
  /** One bit per value of a hash's top 24 bits. */
  private readonly seen = new Int32Array(1 << 19);
  /** Hashes whose bit was already set: maybe seen before (about 1 in 30 at 500,000 refs, when all differ). */
  private readonly suspects = new Set<number>();
  private hashes = new Int32Array(1 << 12);
  private lines = new Int32Array(1 << 12);
  private size = 0;

  /** Records the hash of the ref on `line` (lines in increasing order). */
  add(hash: number, line: number): void {
    if (this.size === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.lines = grow(this.lines);
    }
    this.hashes[this.size] = hash;
    this.lines[this.size++] = line;
    const bit = hash >>> 8;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    const bits = this.seen[word] as number;
    if ((bits & mask) !== 0) this.suspects.add(hash);
    else this.seen[word] = bits | mask;
  }

  /** Groups of lines whose refs hash alike, each in line order (its first line first); at least two lines each. */
  groups(): number[][] {
    if (this.suspects.size === 0) return [];
    const byHash = new Map<number, number[]>();
    for (let i = 0; i < this.size; i++) {
      const hash = this.hashes[i] as number;
      if (!this.suspects.has(hash)) continue;
      const group = byHash.get(hash);
      if (group) group.push(this.lines[i] as number);
      else byHash.set(hash, [this.lines[i] as number]);
    }
    return [...byHash.values()].filter((g) => g.length > 1);
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
