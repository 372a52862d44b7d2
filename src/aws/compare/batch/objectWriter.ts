// One S3 object written as a stream: bytes are buffered up to a part, then sent as a multipart upload part, so
// memory stays at one part whatever the object's size. A small object is one PutObject.
import type { S3Storage } from '../../s3';

/** S3's minimum part size is 5 MiB (every part but the last); 8 MiB keeps the part count low. */
export const PART_BYTES = 8 * 1024 * 1024;

export class S3ObjectWriter {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private uploadId: string | undefined;
  private readonly etags: string[] = [];
  private parts = 0;
  private inflight: Promise<void> = Promise.resolve();
  bytes = 0;

  constructor(private readonly s3: S3Storage, readonly bucket: string, readonly key: string, private readonly partBytes = PART_BYTES) {}

  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.chunks.push(bytes);
    this.buffered += bytes.length;
    this.bytes += bytes.length;
    if (this.buffered >= this.partBytes) {
      // One part uploads while the next fills: at most two parts in memory.
      await this.inflight;
      this.inflight = this.flushPart();
      this.inflight.catch(() => undefined); // awaited (and thrown) by the next write or close
    }
  }

  async close(): Promise<void> {
    await this.inflight;
    if (this.uploadId === undefined) {
      await this.s3.putObject(this.bucket, this.key, this.take(), 'application/jsonl');
      return;
    }
    if (this.buffered > 0) await this.flushPart();
    await this.s3.completeMultipartUpload(this.bucket, this.key, this.uploadId, this.etags);
  }

  /** Drops a multipart upload begun (its parts bill storage until aborted). */
  async abort(): Promise<void> {
    await this.inflight.catch(() => undefined);
    if (this.uploadId !== undefined) await this.s3.abortMultipartUpload(this.bucket, this.key, this.uploadId).catch(() => undefined);
  }

  private async flushPart(): Promise<void> {
    const body = this.take();
    const part = ++this.parts;
    this.uploadId ??= await this.s3.createMultipartUpload(this.bucket, this.key, 'application/jsonl');
    this.etags[part - 1] = await this.s3.uploadPart(this.bucket, this.key, this.uploadId, part, body);
  }

  private take(): Uint8Array {
    const out = Buffer.concat(this.chunks);
    this.chunks = [];
    this.buffered = 0;
    return out;
  }
}
