// An ImageSource over the AWS layer's S3 wrapper (session.s3): one ranged GET per image reads only the header bytes
// and tells the total size and ETag; a re-check sends If-None-Match and an unchanged object answers 304 with no
// body. Typed structurally so core needs no SDK.
import { parseS3Uri } from '../awsRules/s3Rules';
import type { ImageSource, ReadOutcome } from './source';

export interface S3ObjectReader {
  getRangeWithInfo(bucket: string, key: string, start: number, endInclusive: number, ifNoneMatch?: string): Promise<{ bytes: Uint8Array; size: number; etag?: string | undefined } | undefined>;
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
    // An empty object answers 416 (InvalidRange) to any range: report it as empty, checkImageHeader says why.
    async read(ref: string, length: number, ifNoneMatch?: string): Promise<ReadOutcome> {
      const loc = parseS3Uri(ref);
      if (!loc || !loc.key) return { kind: 'error', message: `not an S3 object URI: ${ref}` };
      try {
        const read = await s3.getRangeWithInfo(loc.bucket, loc.key, 0, length - 1, ifNoneMatch);
        if (!read) return { kind: 'not-modified' };
        return { kind: 'ok', bytes: read.bytes, size: read.size, etag: read.etag };
      } catch (err) {
        if ((err as { details?: { httpStatus?: number } }).details?.httpStatus === 416) return { kind: 'ok', bytes: new Uint8Array(0), size: 0 };
        return failure(err, ref);
      }
    },
  };
}
