// The comparison's leakage check (core/eval/leakage.ts): the identity and hashes of every test and training image,
// read once and cached by identity (core/image/hashCache.ts), then the pairs that evaluate() scores without.
// `validate --deep` reads its two manifests' images the same way (imageIdentities).

import { mapBounded } from '../../core/concurrency';
import { ImageHashCache, type CachedHashes } from '../../core/image/hashCache';
import { sharedImagePool } from '../../core/image/imagePool';
import { PHASH_NAME } from '../../core/image/phash';
import { findLeakedPairsIn, type ImageIdentity } from '../../core/eval/leakage';
import type { LeakageReport } from '../../protocol/report';
import type { S3Storage } from '../s3';
import { sourceReader, type SourceReader } from './sources';

export interface LeakageInput {
  reader: SourceReader;
  cacheDir: string;
  /** Test image refs with their content identity (already read for the embedding cache). */
  test: ReadonlyMap<string, string>;
  /** The manifests checked against (training first), and their image refs. */
  against: { manifest: string; role: 'training' | 'validation'; refs: readonly string[] }[];
  threshold: number;
  concurrency: number;
  mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]>;
  /** Where the report's thumbnails are kept (the extension's cache): each test image's one decode also makes its thumbnail. */
  thumbnails?: ThumbnailSink;
}

/** Takes a thumbnail made while an image was decoded for its hashes, so opening the report reads the image no more. */
export interface ThumbnailSink {
  put(ref: string, identity: string, size: number, png: Uint8Array): Promise<void>;
}

/** The cache's two calls: the comparison's file beside its embeddings, or a run's memory (validate --deep). */
export type HashStore = Pick<ImageHashCache, 'get' | 'put'>;

async function hashesOf(reader: SourceReader, cache: HashStore, ref: string, identity: string, thumbnails?: ThumbnailSink): Promise<CachedHashes> {
  const cached = cache.get(identity);
  if (cached) return cached;
  let entry: CachedHashes;
  try {
    // Decoded and hashed off this thread, by the same pipeline as the report's thumbnails (core/image/process.ts).
    const bytes = await reader.readBytes(ref);
    const p = await sharedImagePool().process(bytes, { hashes: true, thumbnail: thumbnails !== undefined });
    entry = p.hashes ? { sha256: p.sha256, ...p.hashes } : { sha256: p.sha256, error: p.error ?? 'No perceptual hash' };
    if (p.thumbnail) await thumbnails?.put(ref, identity, bytes.length, p.thumbnail);
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
    const h = await hashesOf(input.reader, cache, ref, identity, input.thumbnails);
    return { id: ref, uri: ref, etag: identity, sha256: h.sha256, phash: h.phash, fine: h.fine };
  });
  const trainRefs = [...new Set(input.against.flatMap((a) => a.refs))];
  const train = new Map((await imageIdentities(input.reader, cache, trainRefs, input.concurrency, input.mapLimit)).map((i) => [i.uri, i]));
  const sources = input.against.map((a) => ({ manifest: a.manifest, role: a.role, images: a.refs.map((r) => train.get(r) ?? { uri: r }) }));
  return {
    against: input.against.map((a) => a.manifest),
    threshold: input.threshold,
    hash: PHASH_NAME,
    pairs: findLeakedPairsIn(testIds, sources, input.threshold),
  };
}

/** Each ref's identity (ETag, or sha256 of a local file) and hashes; only the uri when it cannot be read. */
export async function imageIdentities(reader: SourceReader, cache: HashStore, refs: readonly string[], concurrency: number, mapLimit: LeakageInput['mapLimit']): Promise<ImageIdentity[]> {
  return mapLimit(refs, concurrency, async (ref) => {
    let identity: string;
    try {
      identity = await reader.identity(ref);
    } catch {
      return { uri: ref };
    }
    const h = await hashesOf(reader, cache, ref, identity);
    return { uri: ref, etag: identity, sha256: h.sha256, phash: h.phash, fine: h.fine };
  });
}

/**
 * For `validate --deep` and the editor's Validate Images: S3 or local refs (relative to `baseDir`), hashed once per
 * identity within the run, or once ever with `cacheDir` (the comparison's hash file there).
 */
export async function readImageIdentities(s3: () => S3Storage, baseDir: string, refs: readonly string[], concurrency: number, cacheDir?: string): Promise<ImageIdentity[]> {
  const memory = new Map<string, CachedHashes>();
  const store: HashStore = cacheDir !== undefined ? new ImageHashCache(cacheDir) : { get: (k) => memory.get(k), put: (k, h) => { memory.set(k, h); } };
  const limit = async <T, R>(items: readonly T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> => (await mapBounded(items, n, fn)) as R[];
  return imageIdentities(sourceReader(s3, baseDir), store, refs, concurrency, limit);
}
