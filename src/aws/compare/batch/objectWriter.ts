// One S3 object written as a stream: bytes are copied into a part buffer, which is sent as a multipart upload part
// when full, so memory stays at two parts (one uploading, one filling) whatever the object's size. A small object is
// one PutObject. Strings are encoded straight into the part (no intermediate Buffer per write: a batch input line is
// an image's base64, tens of KB, written by the ten thousand; bench/batch).
import type { S3Storage } from '../../s3';

/** S3's minimum part size is 5 MiB (every part but the last); 8 MiB keeps the part count low. */
export const PART_BYTES = 8 * 1024 * 1024;

export class S3ObjectWriter {
  private part: Buffer;
  private filled = 0;
  private uploadId: string | undefined;
  private readonly etags: string[] = [];
  private parts = 0;
  private inflight: Promise<void> = Promise.resolve();
  bytes = 0;

  constructor(private readonly s3: S3Storage, readonly bucket: string, readonly key: string, private readonly partBytes = PART_BYTES) {
    this.part = Buffer.allocUnsafe(partBytes);
  }

  async write(data: string | Uint8Array): Promise<void> {
    let bytes: Uint8Array;
    if (typeof data === 'string') {
      const size = Buffer.byteLength(data, 'utf8');
      if (size <= this.part.length - this.filled) {
        this.filled += this.part.write(data, this.filled, 'utf8');
        this.bytes += size;
        return this.flushIfFull();
      }
      bytes = Buffer.from(data, 'utf8'); // spans two parts: split as bytes
    } else {
      bytes = data;
    }
    this.bytes += bytes.length;
    for (let at = 0; at < bytes.length;) {
      const n = Math.min(bytes.length - at, this.part.length - this.filled);
      this.part.set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      await this.flushIfFull();
    }
  }

  async close(): Promise<void> {
    await this.inflight;
    if (this.uploadId === undefined) {
      await this.s3.putObject(this.bucket, this.key, this.take(), 'application/jsonl');
      return;
    }
    if (this.filled > 0) await this.flushPart(this.take());
    await this.s3.completeMultipartUpload(this.bucket, this.key, this.uploadId, this.etags);
  }

  /** Drops a multipart upload begun (its parts bill storage until aborted). */
  async abort(): Promise<void> {
    await this.inflight.catch(() => undefined);
    if (this.uploadId !== undefined) await this.s3.abortMultipartUpload(this.bucket, this.key, this.uploadId).catch(() => undefined);
  }

  private async flushIfFull(): Promise<void> {
    if (this.filled < this.part.length) return;
    // One part uploads while the next fills: at most two parts in memory.
    await this.inflight;
    this.inflight = this.flushPart(this.take());
    this.inflight.catch(() => undefined); // awaited (and thrown) by the next flush or close
  }

  private async flushPart(body: Uint8Array): Promise<void> {
    const part = ++this.parts;
    this.uploadId ??= await this.s3.createMultipartUpload(this.bucket, this.key, 'application/jsonl');
    this.etags[part - 1] = await this.s3.uploadPart(this.bucket, this.key, this.uploadId, part, body);
  }

  /** The filled bytes, handed over; the next part gets a fresh buffer (the old one may still be uploading). */
  private take(): Uint8Array {
    const out = this.part.subarray(0, this.filled);
    this.part = Buffer.allocUnsafe(this.partBytes);
    this.filled = 0;
    return out;
  }
}
