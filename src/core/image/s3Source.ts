// An ImageSource over the AWS layer's S3 wrapper (session.s3): HEAD gives size and ETag (a re-check of an
// unchanged object stops there), a ranged GET reads only the header bytes. Typed structurally so core needs no SDK.
import { parseS3Uri } from '../manifest/s3uri';
import type { ImageSource, ReadOutcome } from './source';

export interface S3ObjectReader {
  headObject(bucket: string, key: string): Promise<{ size: number; etag?: string | undefined }>;
  getRange(bucket: string, key: string, start: number, endInclusive: number): Promise<Uint8Array>;
}

/** The AWS layer's errors carry a `kind` (notFound, accessDenied, ...) and an actionable message. */
function failure(err: unknown, ref: string): ReadOutcome {
  const kind = (err as { kind?: string }).kind;
  const message = err instanceof Error ? err.message : String(err);
  if (kind === 'notFound') return { kind: 'missing', message: ref };
  if (kind === 'accessDenied' || kind === 'scpDenied') return { kind: 'denied', message };
  return { kind: 'error', message };
}

export function s3ImageSource(s3: S3ObjectReader): ImageSource {
  return {
    async read(ref: string, length: number, ifNoneMatch?: string): Promise<ReadOutcome> {
      const loc = parseS3Uri(ref);
      if (!loc || !loc.key) return { kind: 'error', message: `not an S3 object URI: ${ref}` };
      try {
        const head = await s3.headObject(loc.bucket, loc.key);
        if (ifNoneMatch !== undefined && head.etag === ifNoneMatch) return { kind: 'not-modified' };
        const bytes = head.size === 0 ? new Uint8Array(0) : await s3.getRange(loc.bucket, loc.key, 0, Math.min(length, head.size) - 1);
        return { kind: 'ok', bytes, size: head.size, etag: head.etag };
      } catch (err) {
        return failure(err, ref);
      }
    },
  };
}
