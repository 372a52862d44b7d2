// Finds candidate repeats among up to 500,000 image-refs without keeping 500,000 strings alive: a Map of strings
// costs more than parsing the whole file (every key survives into the old generation). Instead: a 32-bit hash per
// ref in an open-addressing table of typed arrays (hash -> first line). Equal hashes are only candidates; the
// caller confirms them by comparing the real strings of those few lines afterwards.

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

export class FirstLineByHash {
  private hashes = new Int32Array(1 << 16);
  private lines = new Int32Array(1 << 16); // line + 1; 0 = empty slot
  private size = 0;

  /** Records `hash` at `line`; returns the first line seen with the same hash, or -1. */
  add(hash: number, line: number): number {
    const mask = this.lines.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.lines[slot] as number;
      if (stored === 0) {
        this.lines[slot] = line + 1;
        this.hashes[slot] = hash;
        if (++this.size * 2 > this.lines.length) this.grow();
        return -1;
      }
      if (this.hashes[slot] === hash) return stored - 1;
    }
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldLines = this.lines;
    this.hashes = new Int32Array(oldLines.length * 2);
    this.lines = new Int32Array(oldLines.length * 2);
    const mask = this.lines.length - 1;
    for (let i = 0; i < oldLines.length; i++) {
      const line = oldLines[i] as number;
      if (line === 0) continue;
      const h = oldHashes[i] as number;
      let slot = h & mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & mask;
      this.lines[slot] = line;
      this.hashes[slot] = h;
    }
  }
}
