// Persistent embedding cache: one append-only JSONL shard per (model, embedding length) in a folder (the extension's
// storage or any directory). Key = image ETag or text hash, so a rerun or a resumed run embeds nothing it already has.
//
// Crash safety: each vector is one line written with a single append; a line cut short by a crash is dropped (and
// cut off the file) when the shard is next opened, so a resumed run re-embeds only that one item and never
// duplicates a key (puts of a key already present are ignored).
//
// A line is `{"k": key, "b": <base64 of the float32 values, little-endian>}`: the exact stored values, a quarter of
// the size of decimal text and about a tenth of its encoding time (a batch job's output is cached by the 100,000;
// bench/batch). Lines `{"k", "v": [numbers]}` of earlier versions are still read.

import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, truncateSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';

export const imageKey = (etag: string): string => `etag:${etag.replace(/"/g, '')}`;
export const textKey = (text: string): string => `text:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
/** A key under a family's cache variant (purpose, input type): '' leaves the key as it is. */
export const variantKey = (variant: string, key: string): string => (variant === '' ? key : `${variant}|${key}`);

const LITTLE_ENDIAN = endianness() === 'LE';

/** One cache line's value member: base64 of the raw float32 bytes (decimal numbers on a big-endian host). */
function encodeVector(vector: Float32Array): string {
  if (!LITTLE_ENDIAN) return `"v":${JSON.stringify(Array.from(vector))}`;
  return `"b":"${Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64')}"`;
}

function decodeVector(o: { v?: unknown; b?: unknown }, length: number): Float32Array | undefined {
  if (typeof o.b === 'string' && LITTLE_ENDIAN) {
    const bytes = Buffer.from(o.b, 'base64');
    if (bytes.length !== length * 4) return undefined;
    const out = new Float32Array(length);
    new Uint8Array(out.buffer).set(bytes); // copied: a Buffer's offset need not be 4-byte aligned
    return out;
  }
  return Array.isArray(o.v) && o.v.length === length ? Float32Array.from(o.v as number[]) : undefined;
}

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly file: string;
  /** Lines appended by this process (for tests and progress reports). */
  written = 0;

  constructor(dir: string, readonly model: string, readonly length: number) {
    mkdirSync(dir, { recursive: true });
    this.file = EmbeddingCache.fileFor(dir, model, length);
    this.load();
  }

  /** The shard a (model, length) uses in `dir`: callers check where it lands before the cache opens it. */
  static fileFor(dir: string, model: string, length: number): string {
    return join(dir, `${createHash('sha256').update(model, 'utf8').digest('hex').slice(0, 16)}-${length}.jsonl`);
  }

  get path(): string {
    return this.file;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  has(key: string): boolean {
    return this.vectors.has(key);
  }

  put(key: string, vector: Float32Array): void {
    this.putMany([[key, vector]]);
  }

  /** Several vectors in one append (a batch job's output arrives by the thousand); complete lines, as put's. */
  putMany(entries: readonly (readonly [string, Float32Array])[]): void {
    let text = '';
    const fresh = new Map<string, Float32Array>();
    for (const [key, vector] of entries) {
      if (this.vectors.has(key) || fresh.has(key)) continue;
      if (vector.length !== this.length) throw new RangeError(`cache for ${this.model}@${this.length}: vector has ${vector.length} values`);
      text += `{"k":${JSON.stringify(key)},${encodeVector(vector)}}\n`;
      fresh.set(key, vector);
    }
    if (text === '') return;
    appendFileSync(this.file, text);
    for (const [key, vector] of fresh) this.vectors.set(key, vector);
    this.written += fresh.size;
  }

  private load(): void {
    if (!existsSync(this.file)) {
      closeSync(openSync(this.file, 'a'));
      return;
    }
    const text = readFileSync(this.file, 'utf8');
    const complete = text.lastIndexOf('\n') + 1;
    if (complete < text.length) truncateSync(this.file, Buffer.byteLength(text.slice(0, complete), 'utf8'));
    for (const line of text.slice(0, complete).split('\n')) {
      if (line === '') continue;
      try {
        const o = JSON.parse(line) as { k?: unknown; v?: unknown; b?: unknown };
        const vector = typeof o.k === 'string' ? decodeVector(o, this.length) : undefined;
        if (vector) this.vectors.set(o.k as string, vector);
      } catch {
        // A damaged line is skipped: its item is embedded again.
      }
    }
  }
}
