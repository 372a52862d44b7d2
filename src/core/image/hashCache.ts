// Persistent cache of image hashes by content identity (S3 ETag, or sha256 of a local file), one append-only JSONL
// file `image-hashes.jsonl` next to the embedding cache: a rerun of the leakage check reads no image again. A line cut
// short by a crash is skipped (its image is read again).

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CachedHashes {
  /** sha256 of the bytes (hex). */
  sha256?: string;
  phash?: string;
  fine?: string;
  /** Why the image could not be read or decoded (it then has no perceptual hash). */
  error?: string;
}

export const HASH_CACHE_FILE = 'image-hashes.jsonl';

export class ImageHashCache {
  private readonly entries = new Map<string, CachedHashes>();
  private readonly file: string;
  /** Lines appended by this process. */
  written = 0;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, HASH_CACHE_FILE);
    if (!existsSync(this.file)) return;
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      try {
        const o = JSON.parse(line) as { k?: unknown } & CachedHashes;
        if (typeof o.k === 'string') this.entries.set(o.k, { ...(o.sha256 ? { sha256: o.sha256 } : {}), ...(o.phash ? { phash: o.phash } : {}), ...(o.fine ? { fine: o.fine } : {}), ...(o.error ? { error: o.error } : {}) });
      } catch {
        // An empty or damaged line: skipped.
      }
    }
  }

  get(identity: string): CachedHashes | undefined {
    return this.entries.get(identity);
  }

  put(identity: string, hashes: CachedHashes): void {
    if (this.entries.has(identity)) return;
    appendFileSync(this.file, `${JSON.stringify({ k: identity, ...hashes })}\n`);
    this.entries.set(identity, hashes);
    this.written++;
  }
}
