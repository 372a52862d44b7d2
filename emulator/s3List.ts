// ListObjectsV2 answered by the emulator itself from s3rver's store: s3rver encrypts its continuation tokens with
// DES, which OpenSSL 3 (Node 17+) no longer offers, so any truncated listing would fail with a 500 there.
// Tokens here are the base64url of the last key returned (opaque to clients, as S3's are).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ListableStore {
  getBucket(name: string): Promise<unknown>;
  listObjects(bucket: string, options: { prefix?: string; delimiter?: string; startAfter?: string; maxKeys?: number }): Promise<{
    objects: { key: string; metadata: Record<string, string> }[];
    commonPrefixes: string[];
    isTruncated: boolean;
  }>;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tag = (name: string, value: string | number | undefined): string => (value === undefined || value === '' ? '' : `<${name}>${esc(String(value))}</${name}>`);

/** True when this request is a path-style ListObjectsV2 (`GET /<bucket>?list-type=2`). */
export function isListV2(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && url.searchParams.get('list-type') === '2' && /^\/[^/]+\/?$/.test(url.pathname);
}

function xml(res: ServerResponse, status: number, body: string): void {
  const payload = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(payload)) });
  res.end(payload);
}

type Listed = Awaited<ReturnType<ListableStore['listObjects']>>['objects'][number];

/**
 * One page of keys and common prefixes in key order. The store is asked without a delimiter because s3rver's own
 * delimiter handling skips keys nested two or more levels below a common prefix; prefixes are rolled up here.
 */
async function collect(store: ListableStore, bucket: string, prefix: string, delimiter: string, startAfter: string, limit: number) {
  const all = await store.listObjects(bucket, { prefix, startAfter });
  const objects: Listed[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  let count = 0;
  // S3 lists in key order; the store walks directories, whose order differs (e.g. `a-c` sorts before `a/b`).
  const sorted = [...all.objects].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const o of sorted) {
    const idx = delimiter ? o.key.indexOf(delimiter, prefix.length) : -1;
    const common = idx >= 0 ? o.key.slice(0, idx + delimiter.length) : undefined;
    if (common !== undefined && (common <= startAfter || prefixes[prefixes.length - 1] === common)) continue;
    if (count === limit) return { objects, prefixes, isTruncated: true, last };
    if (common !== undefined) prefixes.push(common);
    else objects.push(o);
    last = common ?? o.key;
    count++;
  }
  return { objects, prefixes, isTruncated: false, last };
}

export async function listObjectsV2(store: ListableStore, url: URL, res: ServerResponse): Promise<void> {
  const bucket = decodeURIComponent(url.pathname.split('/')[1] ?? '');
  const q = url.searchParams;
  if (!(await store.getBucket(bucket))) {
    xml(res, 404, `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>${esc(bucket)}</BucketName></Error>`);
    return;
  }
  const maxRaw = q.get('max-keys');
  const maxKeys = maxRaw === null ? 1000 : Number(maxRaw);
  if (maxRaw !== null && (!/^\d+$/.test(maxRaw) || maxKeys > 2147483647)) {
    xml(res, 400, '<Error><Code>InvalidArgument</Code><Message>Provided max-keys not an integer or within integer range</Message></Error>');
    return;
  }
  const token = q.get('continuation-token');
  let startAfter = q.get('start-after') ?? '';
  if (token) {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    if (!decoded.startsWith('k:')) {
      xml(res, 400, '<Error><Code>InvalidArgument</Code><Message>The continuation token provided is incorrect</Message></Error>');
      return;
    }
    startAfter = decoded.slice(2);
  }
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const limit = Math.min(1000, maxKeys);
  const page = limit === 0 ? { objects: [], prefixes: [], isTruncated: false, last: undefined } : await collect(store, bucket, prefix, delimiter, startAfter, limit);
  const result = { objects: page.objects, commonPrefixes: page.prefixes, isTruncated: page.isTruncated };
  const next = page.isTruncated && page.last !== undefined ? Buffer.from(`k:${page.last}`, 'utf8').toString('base64url') : undefined;
  const contents = result.objects.map((o) => `<Contents>${tag('Key', o.key)}${tag('LastModified', new Date(o.metadata['last-modified'] ?? Date.now()).toISOString())}${tag('ETag', o.metadata['etag'])}${tag('Size', o.metadata['content-length'])}<StorageClass>STANDARD</StorageClass></Contents>`).join('');
  const prefixes = result.commonPrefixes.map((p) => `<CommonPrefixes>${tag('Prefix', p)}</CommonPrefixes>`).join('');
  xml(res, 200, `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${tag('Name', bucket)}<Prefix>${esc(prefix)}</Prefix>${tag('Delimiter', delimiter)}<MaxKeys>${maxKeys}</MaxKeys><KeyCount>${result.objects.length + result.commonPrefixes.length}</KeyCount><IsTruncated>${result.isTruncated}</IsTruncated>${tag('ContinuationToken', token ?? undefined)}${tag('NextContinuationToken', next)}${tag('StartAfter', q.get('start-after') ?? undefined)}${contents}${prefixes}</ListBucketResult>`);
}
