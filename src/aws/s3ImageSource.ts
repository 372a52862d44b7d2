// Reads the first bytes of S3 objects for the image checks: one ranged GET per image gives the bytes, the total
// size (Content-Range) and the ETag; a re-check sends If-None-Match and gets 304 with no body when unchanged.
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { ImageSource, ReadOutcome } from '../core/image/source';
import { parseS3Uri } from '../core/manifest/s3uri';

export interface S3SourceOptions {
  region?: string | undefined;
  /** Endpoint override (VPC endpoint, local emulator); path-style addressing when set. */
  endpoint?: string | undefined;
  profile?: string | undefined;
}

export interface S3ImageSource extends ImageSource {
  /** Reads a whole small object (hover previews); undefined when larger than `maxBytes`. */
  readAll(ref: string, maxBytes: number): Promise<Uint8Array | undefined>;
  /** Uploads one object (the dataset tools' "create manifest from folder"). */
  upload(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<void>;
  dispose(): void;
}

function sizeFrom(contentRange: string | undefined, contentLength: number | undefined): number {
  const total = /\/(\d+)$/.exec(contentRange ?? '');
  return total ? Number(total[1]) : contentLength ?? 0;
}

export function createS3ImageSource(options: S3SourceOptions): S3ImageSource {
  const client = new S3Client({
    region: options.region || 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    credentials: fromNodeProviderChain(options.profile ? { profile: options.profile } : {}),
  });
  const get = async (ref: string, range: string | undefined, ifNoneMatch?: string): Promise<ReadOutcome> => {
    const loc = parseS3Uri(ref);
    if (!loc || !loc.key) return { kind: 'error', message: `not an S3 object URI: ${ref}` };
    try {
      const res = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: loc.key, Range: range, IfNoneMatch: ifNoneMatch }));
      const bytes = res.Body ? await res.Body.transformToByteArray() : new Uint8Array(0);
      return { kind: 'ok', bytes, size: sizeFrom(res.ContentRange, res.ContentLength), etag: res.ETag };
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      const name = err instanceof S3ServiceException ? err.name : (err as Error).name;
      if (status === 304) return { kind: 'not-modified' };
      if (status === 404 || name === 'NoSuchKey' || name === 'NoSuchBucket' || name === 'NotFound') {
        return { kind: 'missing', message: name === 'NoSuchBucket' ? `bucket ${loc.bucket} does not exist` : `s3://${loc.bucket}/${loc.key}` };
      }
      if (status === 403 || name === 'AccessDenied') return { kind: 'denied', message: `s3:GetObject on s3://${loc.bucket}/${loc.key} was refused` };
      if (status === 416 || name === 'InvalidRange') return { kind: 'ok', bytes: new Uint8Array(0), size: 0 };
      return { kind: 'error', message: `${name}: ${(err as Error).message}` };
    }
  };
  return {
    read: (ref, length, ifNoneMatch) => get(ref, `bytes=0-${length - 1}`, ifNoneMatch),
    async readAll(ref, maxBytes) {
      const first = await get(ref, `bytes=0-${maxBytes - 1}`);
      return first.kind === 'ok' && first.bytes.length >= first.size ? first.bytes : undefined;
    },
    async upload(bucket, key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    dispose: () => client.destroy(),
  };
}
