// Minimal typings for the parts of s3rver (an independent S3 implementation on npm) the emulator uses.
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { Readable } from 'node:stream';

  interface S3rverOptions {
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
  }
  interface StoredObject {
    content: Readable | null;
    metadata: Record<string, string>;
  }
  interface FilesystemStore {
    getBucket(name: string): Promise<unknown>;
    putBucket(name: string): Promise<unknown>;
    getObject(bucket: string, key: string): Promise<StoredObject | null>;
    putObject(object: unknown): Promise<{ size: number; md5: string }>;
    reset(): void;
  }
  class S3rver {
    constructor(options: S3rverOptions);
    store: FilesystemStore;
    on(event: 'error', listener: (err: Error & { status?: number }) => void): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    logger: { exceptions: { unhandle(): void }; close(): void };
  }
  export = S3rver;
}

declare module 's3rver/lib/models/object' {
  class S3Object {
    constructor(bucket: string, key: string, content: Buffer, metadata: Record<string, string>);
  }
  export = S3Object;
}
