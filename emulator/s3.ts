// S3 is s3rver, an independent S3 implementation, served in-process behind the emulator's own front server. The
// front server is what makes it accept any credentials (s3rver only knows the key `S3RVER` and does not verify
// SigV4 signatures) and lets the fault injector answer like S3 does (503 SlowDown, 500 InternalError).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import S3Object from 's3rver/lib/models/object';
import type { EmuResponse, ServiceDefinition } from './http';
import { decodeAwsChunked, isAwsChunked } from './s3Chunked';
import { isListV2, listObjectsV2, type ListableStore } from './s3List';

/** Direct access to the emulated buckets for the emulator itself (jobs read manifests and write metrics). */
export interface ObjectStore {
  getObject(bucket: string, key: string): Promise<Buffer | undefined>;
  putObject(bucket: string, key: string, body: Buffer | string, contentType: string): Promise<void>;
  createBucket(bucket: string): Promise<void>;
  bucketExists(bucket: string): Promise<boolean>;
  /** Every key under `prefix`, in key order (batch jobs read an input prefix). */
  listKeys(bucket: string, prefix: string): Promise<string[]>;
}

export interface S3Emulation {
  definition: ServiceDefinition;
  store: ObjectStore;
  reset(): void;
  dispose(): void;
}

function xmlError(status: number, code: string, message: string): EmuResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>emulator</RequestId></Error>`;
  return { status, headers: { 'content-type': 'application/xml' }, body };
}

/** Replaces whatever access key the client signed with by the one s3rver knows. */
function rewriteCredentials(req: IncomingMessage): void {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') req.headers.authorization = auth.replace(/Credential=[^/,\s]+\//, 'Credential=S3RVER/');
  if (req.url?.includes('X-Amz-Credential=')) req.url = req.url.replace(/X-Amz-Credential=[^%&/]+(%2F|\/)/, 'X-Amz-Credential=S3RVER$1');
  if (req.url?.includes('AWSAccessKeyId=')) req.url = req.url.replace(/AWSAccessKeyId=[^&]+/, 'AWSAccessKeyId=S3RVER');
}

/** A coarse S3 operation name for the request log and access-denied messages. */
function s3Operation(method: string, segments: string[]): string {
  const object = segments.length > 1;
  switch (method) {
    case 'GET': return object ? 'GetObject' : segments.length === 1 ? 'ListBucket' : 'ListAllMyBuckets';
    case 'HEAD': return object ? 'GetObject' : 'ListBucket';
    case 'PUT': return object ? 'PutObject' : 'CreateBucket';
    case 'DELETE': return object ? 'DeleteObject' : 'DeleteBucket';
    case 'POST': return object ? 'PutObject' : 'DeleteObject';
    default: return method;
  }
}

export function createS3Emulation(directory?: string): S3Emulation {
  const ownDir = directory === undefined;
  const dir = directory ?? mkdtempSync(join(tmpdir(), 'bmc-emulator-s3-'));
  const s3rver = new S3rver({ silent: true, directory: dir, vhostBuckets: false, allowMismatchedSignatures: true });
  const handler = s3rver.callback();
  // s3rver reports 5xx causes only through its (silenced) logger: surface them, they are emulator bugs.
  s3rver.on('error', (err: Error & { status?: number }) => {
    if ((err.status ?? 500) >= 500) console.error('[emulator] s3rver:', err);
  });

  const definition: ServiceDefinition = {
    name: 's3',
    iamPrefix: 's3',
    operation: s3Operation,
    raw(req: IncomingMessage, res: ServerResponse) {
      rewriteCredentials(req);
      const url = new URL(req.url ?? '/', 'http://s3');
      if (isListV2(req, url)) {
        listObjectsV2(s3rver.store as unknown as ListableStore, url, res).catch((err: unknown) => {
          console.error('[emulator] ListObjectsV2:', err);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/xml' });
          res.end(String(xmlError(500, 'InternalError', 'We encountered an internal error. Please try again.').body));
        });
        return;
      }
      if (isAwsChunked(req)) {
        // Newer SDKs stream uploads as aws-chunked with a trailing checksum; s3rver would store the framing.
        void decodeAwsChunked(req).then((decoded) => handler(decoded, res), (err: unknown) => {
          res.writeHead(400, { 'content-type': 'application/xml' });
          res.end(String(xmlError(400, 'IncompleteBody', String(err)).body));
        });
        return;
      }
      handler(req, res);
    },
    errorResponse(kind, message) {
      switch (kind) {
        case 'denied': return xmlError(403, 'AccessDenied', message ?? 'Access Denied');
        case 'throttle': return xmlError(503, 'SlowDown', 'Please reduce your request rate.');
        case 'expired': return xmlError(400, 'ExpiredToken', 'The provided token has expired.');
        default: return xmlError(500, 'InternalError', message ?? 'We encountered an internal error. Please try again.');
      }
    },
  };

  const store: ObjectStore = {
    async getObject(bucket, key) {
      const obj = await s3rver.store.getObject(bucket, key);
      if (!obj?.content) return undefined;
      const chunks: Buffer[] = [];
      for await (const c of obj.content) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    async putObject(bucket, key, body, contentType) {
      const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      if (!(await s3rver.store.getBucket(bucket))) await s3rver.store.putBucket(bucket);
      await s3rver.store.putObject(new S3Object(bucket, key, buf, { 'content-type': contentType, 'content-length': String(buf.length) }));
    },
    async bucketExists(bucket) {
      return Boolean(await s3rver.store.getBucket(bucket));
    },
    async listKeys(bucket, prefix) {
      if (!(await s3rver.store.getBucket(bucket))) return [];
      const listed = await (s3rver.store as unknown as ListableStore).listObjects(bucket, { prefix });
      return listed.objects.map((o) => o.key).sort();
    },
    async createBucket(bucket) {
      if (!(await s3rver.store.getBucket(bucket))) await s3rver.store.putBucket(bucket);
    },
  };

  return {
    definition,
    store,
    reset: () => s3rver.store.reset(),
    dispose() {
      s3rver.logger.close();
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
