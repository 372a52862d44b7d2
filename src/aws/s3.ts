import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { CallScope } from './bedrock';
import { callAws } from './errors';
import { iteratePages, type Page } from './pages';

export interface S3ObjectSummary {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date | undefined;
  readonly etag: string | undefined;
}

export interface S3ObjectHead {
  readonly size: number;
  readonly contentType: string | undefined;
  readonly lastModified: Date | undefined;
  readonly etag: string | undefined;
}

export interface ListObjectsOptions {
  readonly bucket: string;
  readonly prefix?: string | undefined;
  /** `/` to list one level (common prefixes are then skipped). */
  readonly delimiter?: string | undefined;
  readonly maxKeys?: number | undefined;
}

export interface DeleteObjectsResult {
  readonly deleted: string[];
  readonly errors: { key: string; code: string; message: string }[];
}

/** S3 allows at most 1,000 keys per DeleteObjects call. */
export const DELETE_BATCH = 1000;

export interface S3RangeRead {
  bytes: Uint8Array;
  /** The whole object's size. */
  size: number;
  etag?: string | undefined;
}

/** S3 for training data, job output and clean-up. Every method is one API call, except batched deletes (one per 1,000 keys). */
export class S3Storage {
  constructor(private readonly client: S3Client, private readonly scope: CallScope) {}

  async listObjectsPage(options: ListObjectsOptions, continuationToken?: string): Promise<Page<S3ObjectSummary>> {
    const out = await this.call('s3:ListBucket', `s3://${options.bucket}/${options.prefix ?? ''}`, () => this.client.send(new ListObjectsV2Command({
      Bucket: options.bucket, Prefix: options.prefix, Delimiter: options.delimiter, MaxKeys: options.maxKeys, ContinuationToken: continuationToken,
    })));
    const items = (out.Contents ?? []).map((o) => ({ key: o.Key ?? '', size: o.Size ?? 0, lastModified: o.LastModified, etag: o.ETag }));
    return { items, nextToken: out.IsTruncated ? out.NextContinuationToken : undefined };
  }

  /** Every object under the prefix, fetched a page at a time as the consumer iterates. */
  listObjects(options: ListObjectsOptions): AsyncGenerator<S3ObjectSummary> {
    return iteratePages((token) => this.listObjectsPage(options, token));
  }

  async headObject(bucket: string, key: string): Promise<S3ObjectHead> {
    const out = await this.call('s3:GetObject', `s3://${bucket}/${key}`, () => this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    return { size: out.ContentLength ?? 0, contentType: out.ContentType, lastModified: out.LastModified, etag: out.ETag };
  }

  /** Bytes `start..endInclusive` (an HTTP Range): enough to read an image header without the whole file. */
  async getRange(bucket: string, key: string, start: number, endInclusive: number): Promise<Uint8Array> {
    return this.call('s3:GetObject', `s3://${bucket}/${key}`, async () => {
      const out = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${endInclusive}` }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    });
  }

  /**
   * Like getRange, plus the object's total size (from Content-Range) and ETag, in ONE request: the image checks
   * read 10,000 headers this way. With `ifNoneMatch`, an unchanged object answers 304 and this returns undefined.
   */
  async getRangeWithInfo(bucket: string, key: string, start: number, endInclusive: number, ifNoneMatch?: string): Promise<S3RangeRead | undefined> {
    try {
      return await this.call('s3:GetObject', `s3://${bucket}/${key}`, async () => {
        const out = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${endInclusive}`, IfNoneMatch: ifNoneMatch }));
        const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
        const total = /\/(\d+)$/.exec(out.ContentRange ?? '');
        return { bytes, size: total ? Number(total[1]) : out.ContentLength ?? bytes.length, etag: out.ETag };
      });
    } catch (err) {
      if ((err as { details?: { httpStatus?: number } }).details?.httpStatus === 304) return undefined;
      throw err;
    }
  }

  async getObject(bucket: string, key: string): Promise<Uint8Array> {
    return this.call('s3:GetObject', `s3://${bucket}/${key}`, async () => {
      const out = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    });
  }

  /**
   * The whole object with its size and ETag in ONE request (no HEAD first); an object larger than `maxBytes` is not
   * read (its body is dropped unread) and comes back without `bytes`.
   */
  async getObjectUpTo(bucket: string, key: string, maxBytes: number): Promise<{ size: number; etag: string | undefined; bytes?: Uint8Array }> {
    return this.call('s3:GetObject', `s3://${bucket}/${key}`, async () => {
      const out = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const size = out.ContentLength ?? 0;
      if (size > maxBytes) {
        (out.Body as { destroy?: () => void } | undefined)?.destroy?.();
        return { size, etag: out.ETag };
      }
      return { size, etag: out.ETag, bytes: out.Body ? await out.Body.transformToByteArray() : new Uint8Array() };
    });
  }

  async getObjectText(bucket: string, key: string): Promise<string> {
    return new TextDecoder().decode(await this.getObject(bucket, key));
  }

  async putObject(bucket: string, key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    await this.call('s3:PutObject', `s3://${bucket}/${key}`, () => this.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType })));
  }

  /** The object's body as it arrives (a large batch output file is read without holding it). */
  async *getObjectChunks(bucket: string, key: string): AsyncGenerator<Uint8Array> {
    const body = await this.call('s3:GetObject', `s3://${bucket}/${key}`, async () => (await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body);
    if (body) yield* body as AsyncIterable<Uint8Array>;
  }

  // ---- multipart upload: a file written part by part (every part but the last at least 5 MiB)
  async createMultipartUpload(bucket: string, key: string, contentType?: string): Promise<string> {
    const out = await this.call('s3:PutObject', `s3://${bucket}/${key}`, () => this.client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType })));
    return out.UploadId ?? '';
  }

  async uploadPart(bucket: string, key: string, uploadId: string, partNumber: number, body: Uint8Array): Promise<string> {
    const out = await this.call('s3:PutObject', `s3://${bucket}/${key}`, () => this.client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, Body: body })));
    return out.ETag ?? '';
  }

  async completeMultipartUpload(bucket: string, key: string, uploadId: string, etags: readonly string[]): Promise<void> {
    await this.call('s3:PutObject', `s3://${bucket}/${key}`, () => this.client.send(new CompleteMultipartUploadCommand({
      Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
    })));
  }

  async abortMultipartUpload(bucket: string, key: string, uploadId: string): Promise<void> {
    await this.call('s3:AbortMultipartUpload', `s3://${bucket}/${key}`, () => this.client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })));
  }

  /** Deletes the keys in batches of at most 1,000; per-key failures are returned, not thrown. */
  async deleteObjects(bucket: string, keys: readonly string[]): Promise<DeleteObjectsResult> {
    const result: DeleteObjectsResult = { deleted: [], errors: [] };
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const out = await this.call('s3:DeleteObject', `s3://${bucket}`, () => this.client.send(new DeleteObjectsCommand({
        Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: false },
      })));
      result.deleted.push(...(out.Deleted ?? []).map((d) => d.Key ?? ''));
      result.errors.push(...(out.Errors ?? []).map((e) => ({ key: e.Key ?? '', code: e.Code ?? '', message: e.Message ?? '' })));
    }
    return result;
  }

  async createBucket(bucket: string): Promise<void> {
    const location = this.scope.region === 'us-east-1' ? undefined : { LocationConstraint: this.scope.region as never };
    await this.call('s3:CreateBucket', `s3://${bucket}`, () => this.client.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: location })));
  }

  /** The bucket must be empty (kind `conflict` otherwise). */
  async deleteBucket(bucket: string): Promise<void> {
    await this.call('s3:DeleteBucket', `s3://${bucket}`, () => this.client.send(new DeleteBucketCommand({ Bucket: bucket })));
  }

  /** True when the object exists and may be read (a HEAD request); any failure reads as "no". */
  async objectExists(bucket: string, key: string): Promise<boolean> {
    try {
      await this.headObject(bucket, key);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Writes and deletes a small probe object under the prefix: the only sure test that a job's output location is
   * writable (the editor's and the CLI's launch pre-flight). Throws the failure of either call.
   */
  async probeWrite(bucket: string, prefix: string): Promise<void> {
    const probe = `${prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`}.bedrock-mm-write-probe-${Date.now()}`;
    await this.putObject(bucket, probe, 'probe', 'text/plain');
    await this.deleteObjects(bucket, [probe]);
  }

  private call<T>(action: string, resource: string, send: () => Promise<T>): Promise<T> {
    return callAws({ action, resource, profile: this.scope.profile, region: this.scope.region }, send);
  }
}
