// Decodes `content-encoding: aws-chunked` uploads (SigV4 streaming with optional trailing checksums) into a plain
// body, because s3rver predates them and would store the chunk framing as object data.
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

export function isAwsChunked(req: IncomingMessage): boolean {
  const enc = String(req.headers['content-encoding'] ?? '');
  const sha = String(req.headers['x-amz-content-sha256'] ?? '');
  return enc.split(',').map((s) => s.trim()).includes('aws-chunked') || sha.startsWith('STREAMING-');
}

/** Parses `<hex size>[;chunk-signature=...]\r\n<data>\r\n ... 0\r\n<trailers>\r\n\r\n`. */
export function decodeChunks(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', pos);
    if (lineEnd < 0) throw new Error('aws-chunked body ends inside a chunk header');
    const size = parseInt(raw.subarray(pos, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) throw new Error('aws-chunked body has a malformed chunk size');
    pos = lineEnd + 2;
    if (size === 0) return Buffer.concat(parts);
    if (pos + size > raw.length) throw new Error('aws-chunked body is shorter than its chunk sizes');
    parts.push(raw.subarray(pos, pos + size));
    pos += size + 2;
  }
}

/** Returns a request-like stream carrying the decoded body with headers fixed up for s3rver. */
export async function decodeAwsChunked(req: IncomingMessage): Promise<IncomingMessage> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = decodeChunks(Buffer.concat(chunks));
  const decoded = Readable.from([body]) as unknown as IncomingMessage;
  const headers = { ...req.headers };
  const enc = String(headers['content-encoding'] ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== 'aws-chunked');
  if (enc.length > 0) headers['content-encoding'] = enc.join(','); else delete headers['content-encoding'];
  headers['content-length'] = String(body.length);
  headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
  delete headers['x-amz-decoded-content-length'];
  delete headers['x-amz-trailer'];
  Object.assign(decoded, { headers, method: req.method, url: req.url, socket: req.socket, connection: req.socket, httpVersion: req.httpVersion, httpVersionMajor: req.httpVersionMajor, httpVersionMinor: req.httpVersionMinor, rawHeaders: [] });
  return decoded;
}
