// Finds repeated image-refs across up to 500,000 lines without a Map of 500,000 strings (which costs more than
// parsing the file): an open-addressing table of 32-bit hashes -> first line, in typed arrays. A hash hit is
// confirmed by comparing the real strings (`refAt` re-reads the earlier line), so collisions never mislead.

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

export class RefIndex {
  private hashes: Int32Array;
  private lines: Int32Array; // line + 1; 0 = empty slot
  private size = 0;
  /** Refs whose hash collided with a different ref: kept exactly. */
  private readonly collided = new Map<string, number>();

  constructor(private readonly refAt: (line: number) => string | undefined, capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.hashes = new Int32Array(cap);
    this.lines = new Int32Array(cap);
  }

  /** Records `ref` on `line`; returns the earlier line holding the same ref, if any. */
  add(ref: string, line: number): number | undefined {
    const h = hashString(ref);
    const mask = this.lines.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const stored = this.lines[slot] ?? 0;
      if (stored === 0) {
        const earlier = this.collided.get(ref);
        if (earlier !== undefined) return earlier;
        this.lines[slot] = line + 1;
        this.hashes[slot] = h;
        if (++this.size * 2 > this.lines.length) this.grow();
        return undefined;
      }
      if (this.hashes[slot] === h) {
        if (this.refAt(stored - 1) === ref) return stored - 1;
        // Same hash, different ref: remember this one exactly (rare).
        const earlier = this.collided.get(ref);
        if (earlier !== undefined) return earlier;
        this.collided.set(ref, line);
        return undefined;
      }
    }
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldLines = this.lines;
    this.hashes = new Int32Array(oldLines.length * 2);
    this.lines = new Int32Array(oldLines.length * 2);
    const mask = this.lines.length - 1;
    for (let i = 0; i < oldLines.length; i++) {
      const line = oldLines[i] ?? 0;
      if (line === 0) continue;
      const h = oldHashes[i] ?? 0;
      let slot = h & mask;
      while ((this.lines[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.lines[slot] = line;
      this.hashes[slot] = h;
    }
  }
}
