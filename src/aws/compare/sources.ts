// Reads manifests and images for the comparison, from S3 (`s3://bucket/key`) or local files (paths relative to the
// spec's folder), and names each image by a content identity (S3 ETag, or a hash for local files) for the cache.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseS3Uri } from '../../core/awsRules/s3Uri';
import type { S3Storage } from '../s3';

export interface ManifestEntry {
  imageRef: string;
  caption: string;
}

export interface SourceReader {
  readText(ref: string): Promise<string>;
  /** A key that changes whenever the image's bytes do. */
  identity(ref: string): Promise<string>;
  readBytes(ref: string): Promise<Uint8Array>;
}

export function sourceReader(s3: () => S3Storage, baseDir: string): SourceReader {
  const local = (ref: string): string => (isAbsolute(ref) ? ref : resolve(baseDir, ref));
  return {
    async readText(ref) {
      const loc = parseS3Uri(ref);
      return loc ? s3().getObjectText(loc.bucket, loc.key) : readFile(local(ref), 'utf8');
    },
    async identity(ref) {
      const loc = parseS3Uri(ref);
      if (!loc) return `sha256-${createHash('sha256').update(await readFile(local(ref))).digest('hex')}`;
      const head = await s3().headObject(loc.bucket, loc.key);
      // Without an ETag the content cannot be pinned: key the cache by bucket/key and size instead.
      return head.etag ?? `${loc.bucket}/${loc.key}#${head.size}`;
    },
    async readBytes(ref) {
      const loc = parseS3Uri(ref);
      return loc ? s3().getObject(loc.bucket, loc.key) : readFile(local(ref));
    },
  };
}

/** Manifest lines `{"image-ref", "caption"}`; bad lines are reported with their line number, not thrown. */
export function parseManifest(text: string, source: string): { entries: ManifestEntry[]; problems: string[] } {
  const entries: ManifestEntry[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const o = JSON.parse(line) as Record<string, unknown>;
      const ref = o['image-ref'];
      const caption = o['caption'];
      if (typeof ref === 'string' && typeof caption === 'string') entries.push({ imageRef: ref, caption });
      else problems.push(`${source}:${i + 1}: needs string "image-ref" and "caption"`);
    } catch {
      problems.push(`${source}:${i + 1}: not valid JSON`);
    }
  });
  return { entries, problems };
}
