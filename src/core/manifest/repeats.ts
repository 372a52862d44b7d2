// Finds candidate repeats among up to 500,000 image-refs without keeping 500,000 strings alive: a Map of strings
// costs more than parsing the whole file (every key survives into the old generation). Instead each ref leaves a
// 32-bit hash, appended with its line and byte offset to typed arrays: per line that is three sequential writes (a
// hash table probed per line cost a cache miss each, 100 ms at 500,000 lines). The repeats are found once, at the
// end. Equal hashes are only candidates: the caller confirms them by comparing the real strings of those few lines.

/**
 * A 32-bit hash of a string, the hot loop of duplicate detection (500,000 refs of ~45 characters). Two independent
 * multiply-xorshift lanes each take two UTF-16 units per step, so the CPU works on both chains at once (2x the
 * speed of one-character FNV-1a); a final avalanche (MurmurHash3's fmix32) spreads every input bit over all 32.
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

/** Where a ref was: its line, and the byte offset of that line in the file (-1 when not read from a file). */
export interface RefPlace {
  line: number;
  offset: number;
}

export class RepeatFinder {
  private hashes = new Uint32Array(1 << 12);
  private lines = new Int32Array(1 << 12);
  private offsets = new Float64Array(1 << 12);
  private size = 0;

  /** Records the hash of the ref on `line` (lines in increasing order), which starts at byte `offset`. */
  add(hash: number, line: number, offset: number): void {
    if (this.size === this.hashes.length) {
      const capacity = Math.max(this.size * 2, 1 << 12);
      this.hashes = grow(this.hashes, new Uint32Array(capacity));
      this.lines = grow(this.lines, new Int32Array(capacity));
      this.offsets = grow(this.offsets, new Float64Array(capacity));
    }
    this.hashes[this.size] = hash;
    this.lines[this.size] = line;
    this.offsets[this.size++] = offset;
  }

  /** Adds the entries of a later part of the file, whose lines count from `lineOffset`. */
  append(entries: RefEntries, lineOffset: number): void {
    if (this.size === 0 && lineOffset === 0) { // the first part: take its arrays over
      this.hashes = entries.hashes;
      this.lines = entries.lines;
      this.offsets = entries.offsets;
      this.size = entries.hashes.length;
      return;
    }
    const { hashes, lines, offsets } = entries;
    for (let i = 0; i < hashes.length; i++) this.add(hashes[i] as number, (lines[i] as number) + lineOffset, offsets[i] as number);
  }

  /** Everything added so far, in order (fresh arrays, so they can move to another thread). */
  entries(): RefEntries {
    return { hashes: this.hashes.slice(0, this.size), lines: this.lines.slice(0, this.size), offsets: this.offsets.slice(0, this.size) };
  }

  /**
   * Groups of places whose refs hash alike, each in line order (its first line first); at least two places each.
   * A 2 MiB bit filter over the hashes' top 24 bits flags the few that may repeat (about 1 in 60 at 500,000 refs
   * that all differ); a second pass groups those by the whole hash. Cheaper than sorting: 28 ms against 31 to 57
   * for native and radix sorts at 500,000 refs, run once, so before the JIT has warmed up.
   */
  groups(): RefPlace[][] {
    const seen = new Int32Array(1 << 19);
    const suspects = new Set<number>();
    for (let i = 0; i < this.size; i++) {
      const hash = this.hashes[i] as number;
      const bit = hash >>> 8;
      const mask = 1 << (bit & 31);
      const bits = seen[bit >>> 5] as number;
      if ((bits & mask) !== 0) suspects.add(hash);
      else seen[bit >>> 5] = bits | mask;
    }
    if (suspects.size === 0) return [];
    const byHash = new Map<number, RefPlace[]>();
    for (let i = 0; i < this.size; i++) {
      const hash = this.hashes[i] as number;
      if (!suspects.has(hash)) continue;
      const place = { line: this.lines[i] as number, offset: this.offsets[i] as number };
      const group = byHash.get(hash);
      if (group) group.push(place);
      else byHash.set(hash, [place]);
    }
    return [...byHash.values()].filter((g) => g.length > 1);
  }
}

export interface RefEntries {
  hashes: Uint32Array<ArrayBuffer>;
  lines: Int32Array<ArrayBuffer>;
  offsets: Float64Array<ArrayBuffer>;
}

type Grown = Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

function grow<T extends Grown>(from: T, to: T): T {
  to.set(from);
  return to;
}
