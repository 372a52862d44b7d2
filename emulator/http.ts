// One loopback HTTP server per emulated service. This wrapper does what every service shares: reading the body,
// logging the request, injecting faults and answering unexpected exceptions with the service's own error format.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createH2cServer, type Http2ServerRequest } from 'node:http2';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { FaultDecision, FaultInjector } from './faults';
import { requestId } from './ids';
import type { RequestLog } from './requestLog';
import { CALLER_ARN, type ServiceName } from './services';

export interface EmuRequest {
  method: string;
  /** The raw path without the query string, still percent-encoded. */
  rawPath: string;
  /** Path segments, each percent-decoded (an ARN label arrives as `arn%3Aaws%3A...`). */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: Buffer | string | object;
}

export interface ServiceDefinition {
  name: ServiceName;
  /** Buffered request handler (every service except S3). */
  handle?: (req: EmuRequest) => Promise<EmuResponse>;
  /** Streaming handler that owns the response (S3, proxied to s3rver). */
  raw?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The service's answer to an injected fault or an unexpected exception (`message` is given for `denied`). */
  errorResponse(kind: Exclude<FaultDecision, 'none' | 'drop'> | 'internal', message?: string): EmuResponse;
  /** IAM action prefix (`bedrock`, `s3`, `aoss`, ...) for access-denied messages. */
  iamPrefix: string;
  /** The operation a request names, for the request log and access-denied messages. */
  operation(method: string, segments: string[], target: string | undefined): string;
}

/** AWS's wording for a denied action, which the AWS layer turns into an actionable message. */
export function accessDeniedMessage(action: string, mode: 'identity' | 'scp'): string {
  return mode === 'scp'
    ? `User: ${CALLER_ARN} is not authorized to perform: ${action} with an explicit deny in a service control policy`
    : `User: ${CALLER_ARN} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
}

export interface ServerContext {
  faults: FaultInjector;
  log: RequestLog;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function json(status: number, body: object, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

export function splitPath(rawPath: string): string[] {
  return rawPath.split('/').filter((s) => s !== '').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s; // a malformed escape is left as sent; the route then fails to match and answers 404
    }
  });
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Bodies above this size are logged as a summary: embedding loops send images and must not fill memory. */
const MAX_LOGGED_BODY = 16 * 1024;

function parseJsonBody(req: IncomingMessage, body: Buffer): unknown {
  if (body.length === 0 || !/json/i.test(req.headers['content-type'] ?? 'application/json')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (body.length <= MAX_LOGGED_BODY) return parsed;
    const keys = parsed && typeof parsed === 'object' ? Object.keys(parsed) : [];
    return { truncated: true, bytes: body.length, keys };
  } catch {
    return undefined;
  }
}

export function send(res: ServerResponse, r: EmuResponse): void {
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId(), ...r.headers };
  let payload: Buffer | string | undefined;
  if (r.body === undefined) payload = undefined;
  else if (typeof r.body === 'string' || Buffer.isBuffer(r.body)) payload = r.body;
  else {
    payload = JSON.stringify(r.body);
    headers['content-type'] ??= 'application/json';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  else headers['content-length'] = '0';
  res.writeHead(r.status, headers);
  res.end(payload);
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function startServiceServer(def: ServiceDefinition, ctx: ServerContext): Promise<RunningServer> {
  return listen((req, res) => {
    void serve(def, ctx, req, res);
  });
}

/**
 * Listens on a free loopback port speaking both HTTP/1.1 and cleartext HTTP/2 (prior knowledge): the SDK's
 * bedrock-runtime client uses HTTP/2 while the others use HTTP/1.1, and each endpoint is one URL. The first bytes
 * of a connection decide (an HTTP/2 connection starts with "PRI * HTTP/2.0"). close() also ends open connections
 * so stop() is prompt.
 */
export async function listen(handler: RequestHandler): Promise<RunningServer> {
  const h1 = createServer(handler);
  h1.keepAliveTimeout = 5_000;
  const h2 = createH2cServer(handler as unknown as Parameters<typeof createH2cServer>[0]);
  const sockets = new Set<Socket>();
  const tcp = createTcpServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A client that resets before its first byte must not crash the emulator (no server owns the socket yet).
    socket.on('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first.subarray(0, 3).toString('latin1') === 'PRI' ? h2 : h1).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = tcp.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      tcp.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
  };
}

/** Drops the connection without an answer (for HTTP/2, the whole session, as a network failure would). */
function drop(req: IncomingMessage): void {
  const stream = (req as unknown as Http2ServerRequest).stream as Http2ServerRequest['stream'] | undefined;
  if (stream) stream.session?.destroy();
  else req.socket.destroy();
}

async function serve(def: ServiceDefinition, ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const entry = {
    service: def.name,
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    target: typeof req.headers['x-amz-target'] === 'string' ? req.headers['x-amz-target'] : undefined,
    operation: '',
    body: undefined as unknown,
    status: 0,
    fault: undefined as string | undefined,
  };
  entry.operation = def.operation(entry.method, splitPath(url.pathname), entry.target);
  const decision = ctx.faults.decide(def.name);
  const { latencyMs, accessDenied } = ctx.faults.get(def.name);
  if (latencyMs > 0) await delay(latencyMs);
  try {
    if (decision === 'drop') {
      entry.fault = 'drop';
      ctx.log.add(entry);
      drop(req);
      return;
    }
    if (decision !== 'none') {
      entry.fault = decision;
      // Drain the body so the client sees a clean response rather than a reset.
      await readBody(req);
      const r = def.errorResponse(decision, decision === 'denied' && accessDenied !== 'off'
        ? accessDeniedMessage(`${def.iamPrefix}:${entry.operation}`, accessDenied) : undefined);
      entry.status = r.status;
      ctx.log.add(entry);
      send(res, r);
      return;
    }
    if (def.raw) {
      res.on('finish', () => {
        entry.status = res.statusCode;
        ctx.log.add(entry);
      });
      def.raw(req, res);
      return;
    }
    const body = await readBody(req);
    entry.body = parseJsonBody(req, body);
    const emuReq: EmuRequest = {
      method: entry.method,
      rawPath: url.pathname,
      segments: splitPath(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    let r: EmuResponse;
    try {
      r = def.handle ? await def.handle(emuReq) : def.errorResponse('internal', 'no handler');
    } catch (err) {
      console.error(`[emulator] ${def.name} ${entry.method} ${entry.path}:`, err);
      r = def.errorResponse('internal', err instanceof Error ? err.message : String(err));
    }
    entry.status = r.status;
    ctx.log.add(entry);
    send(res, r);
  } catch (err) {
    console.error(`[emulator] ${def.name}: failed to answer`, err);
    drop(req);
  }
}
