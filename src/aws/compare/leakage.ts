// The comparison's leakage check (core/eval/leakage.ts): the identity and hashes of every test and training image,
// read once and cached by identity (core/image/hashCache.ts), then the pairs that evaluate() scores without.

import { createHash } from 'node:crypto';
import { decodeImage } from '../../core/image/decode';
import { ImageHashCache, type CachedHashes } from '../../core/image/hashCache';
import { perceptualHashes, PHASH_NAME } from '../../core/image/phash';
import { findLeakedPairs, type ImageIdentity } from '../../core/eval/leakage';
import type { LeakageReport } from '../../protocol/report';
import type { SourceReader } from './sources';

export interface LeakageInput {
  reader: SourceReader;
  cacheDir: string;
  /** Test image refs with their content identity (already read for the embedding cache). */
  test: ReadonlyMap<string, string>;
  /** The manifests checked against, and their image refs. */
  against: { manifest: string; refs: readonly string[] }[];
  threshold: number;
  concurrency: number;
  mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]>;
}

async function hashesOf(reader: SourceReader, cache: ImageHashCache, ref: string, identity: string): Promise<CachedHashes> {
  const cached = cache.get(identity);
  if (cached) return cached;
  let entry: CachedHashes;
  try {
    const bytes = await reader.readBytes(ref);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      entry = { sha256, ...perceptualHashes(await decodeImage(bytes)) };
    } catch (err) {
      entry = { sha256, error: (err as Error).message };
    }
  } catch (err) {
    // Unreadable now (missing, denied): not cached, so a later run tries again.
    return { error: (err as Error).message };
  }
  cache.put(identity, entry);
  return entry;
}

export async function checkLeakage(input: LeakageInput): Promise<Omit<LeakageReport, 'withoutLeaked'>> {
  const cache = new ImageHashCache(input.cacheDir);
  const testRefs = [...input.test.keys()];
  const testIds = await input.mapLimit(testRefs, input.concurrency, async (ref) => {
    const identity = input.test.get(ref) as string;
    const h = await hashesOf(input.reader, cache, ref, identity);
    return { id: ref, uri: ref, etag: identity, sha256: h.sha256, phash: h.phash, fine: h.fine };
  });
  const trainRefs = [...new Set(input.against.flatMap((a) => a.refs))];
  const train: ImageIdentity[] = await input.mapLimit(trainRefs, input.concurrency, async (ref) => {
    let identity: string;
    try {
      identity = await input.reader.identity(ref);
    } catch {
      return { uri: ref };
    }
    const h = await hashesOf(input.reader, cache, ref, identity);
    return { uri: ref, etag: identity, sha256: h.sha256, phash: h.phash, fine: h.fine };
  });
  return {
    against: input.against.map((a) => a.manifest),
    threshold: input.threshold,
    hash: PHASH_NAME,
    pairs: findLeakedPairs(testIds, train, input.threshold),
  };
}
