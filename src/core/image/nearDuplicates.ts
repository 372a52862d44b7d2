// Near-duplicate search over 64-bit perceptual hashes by multi-index hashing (Norouzi et al., "Fast Search in
// Hamming Space with Multi-Index Hashing", CVPR 2012): split the 64 bits into t + 1 disjoint chunks; two hashes within
// Hamming distance t agree exactly on at least one chunk (pigeonhole), so only hashes sharing a chunk are compared.

export interface HashPair {
  /** Index into the query hashes and into the indexed hashes. */
  query: number;
  target: number;
  distance: number;
}

/** Hex hash (16 digits) to [high 32 bits, low 32 bits]. */
export function hashWords(hex: string): [number, number] {
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0];
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Hamming distance of two hex hashes of the same length (any multiple of 8 digits). */
export function hamming(a: string, b: string): number {
  if (a.length !== b.length) throw new RangeError(`hashes of different lengths (${a.length} and ${b.length} hex digits)`);
  let d = 0;
  for (let i = 0; i < a.length; i += 8) d += popcount32((parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0);
  return d;
}

/** Bits [start, start + len) of the 64-bit value (bit 0 = most significant), len <= 31. */
function chunk(hi: number, lo: number, start: number, len: number): number {
  let v = 0;
  for (let b = start; b < start + len; b++) {
    const bit = b < 32 ? (hi >>> (31 - b)) & 1 : (lo >>> (63 - b)) & 1;
    v = (v << 1) | bit;
  }
  return v;
}

export class HammingIndex {
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly chunks: { start: number; len: number; table: Map<number, number[]> }[] = [];

  /** `maxDistance` fixes the chunking: queries may ask for at most this distance. */
  constructor(hashes: readonly string[], readonly maxDistance: number) {
    if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 31) throw new RangeError(`maxDistance must be an integer 0..31, got ${maxDistance}`);
    this.hi = new Uint32Array(hashes.length);
    this.lo = new Uint32Array(hashes.length);
    hashes.forEach((h, i) => { [this.hi[i], this.lo[i]] = hashWords(h); });
    const m = maxDistance + 1;
    let start = 0;
    for (let c = 0; c < m; c++) {
      const len = Math.floor(64 / m) + (c < 64 % m ? 1 : 0);
      const table = new Map<number, number[]>();
      for (let i = 0; i < hashes.length; i++) {
        const v = chunk(this.hi[i] as number, this.lo[i] as number, start, len);
        const list = table.get(v);
        if (list) list.push(i);
        else table.set(v, [i]);
      }
      this.chunks.push({ start, len, table });
      start += len;
    }
  }

  /** Every (query, indexed) pair within `distance` (default maxDistance), ordered by query, then distance, then index. */
  search(queries: readonly string[], distance = this.maxDistance): HashPair[] {
    if (distance > this.maxDistance) throw new RangeError(`distance ${distance} exceeds the index's ${this.maxDistance}`);
    const seen = new Int32Array(this.hi.length).fill(-1);
    const out: HashPair[] = [];
    queries.forEach((q, qi) => {
      const [qh, ql] = hashWords(q);
      const found: HashPair[] = [];
      for (const c of this.chunks) {
        for (const i of c.table.get(chunk(qh, ql, c.start, c.len)) ?? []) {
          if (seen[i] === qi) continue;
          seen[i] = qi;
          const dist = popcount32(qh ^ (this.hi[i] as number)) + popcount32(ql ^ (this.lo[i] as number));
          if (dist <= distance) found.push({ query: qi, target: i, distance: dist });
        }
      }
      found.sort((a, b) => a.distance - b.distance || a.target - b.target);
      out.push(...found);
    });
    return out;
  }
}

/** The same answer by comparing every pair (the benchmark's anchor and the tests' oracle). */
export function naiveSearch(queries: readonly string[], targets: readonly string[], distance: number): HashPair[] {
  const t = targets.map(hashWords);
  const out: HashPair[] = [];
  queries.forEach((q, qi) => {
    const [qh, ql] = hashWords(q);
    const found: HashPair[] = [];
    t.forEach(([th, tl], i) => {
      const dist = popcount32(qh ^ th) + popcount32(ql ^ tl);
      if (dist <= distance) found.push({ query: qi, target: i, distance: dist });
    });
    found.sort((a, b) => a.distance - b.distance || a.target - b.target);
    out.push(...found);
  });
  return out;
}
