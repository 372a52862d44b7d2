// Where a URL read from a FILE (a compare spec, a ledger, a record) may send SigV4-signed requests. A workspace is
// not the user: a file may point only at AWS itself (https, a host under an AWS domain, the default port) or at
// exactly an endpoint the user configured in their own settings (the CLI: its environment). Plain http only for
// loopback and only when configured, since the headers carry the access key id and session token.

const AWS_SUFFIXES = ['.amazonaws.com', '.amazonaws.com.cn', '.api.aws'] as const;
const DEFAULT_PORT: Record<string, string> = { 'https:': '443', 'http:': '80' };
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ADD_IT = 'if you trust it, add it to your own settings (bedrockCustomizer.endpoints.*; the CLI: an AWS_ENDPOINT_URL_* variable)';

/** The URL parsed, when its authority is written plainly: no user info, no backslash, nothing the parser rewrote. */
function strictUrl(raw: string): URL | string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(raw);
  if (!m) return 'is not an absolute http(s) URL';
  const authority = (m[2] ?? '').toLowerCase();
  if (authority.includes('@')) return 'carries user info ("...@host"), which hides the real host';
  if (authority.includes('\\') || authority.includes('%')) return 'has an escaped or backslashed host';
  let u: URL;
  try { u = new URL(raw); } catch { return 'is not a valid URL'; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `uses ${u.protocol.replace(':', '')}, not https`;
  // The parser must not have reinterpreted the host (e.g. `0x7f.1` -> 127.0.0.1, unicode -> punycode).
  const port = DEFAULT_PORT[u.protocol];
  if (authority !== u.host && authority !== `${u.host}:${port}`) return `has a host the URL parser reads as ${u.host}`;
  if (u.search !== '' || u.hash !== '' || raw.includes('?') || raw.includes('#')) return 'has a query or fragment';
  return u;
}

/** Scheme, host, port and path without a trailing slash: what "the same endpoint" means. */
function canonical(u: URL): string {
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function isAwsHost(hostname: string): boolean {
  const suffix = AWS_SUFFIXES.find((s) => hostname.endsWith(s));
  if (!suffix) return false;
  const labels = hostname.slice(0, -suffix.length).split('.');
  return labels.length > 0 && labels.every((l) => LABEL.test(l));
}

/**
 * Why `url` (read from a file) must not be used, or undefined when it may: an AWS endpoint
 * (`https://<name>.amazonaws.com`, `.amazonaws.com.cn`, `.api.aws`, default port), or exactly one of `configured`
 * (the user's own endpoint settings). `http://` only for a configured loopback endpoint (127.0.0.0/8, ::1, localhost).
 */
export function endpointProblem(url: string, configured: readonly string[]): string | undefined {
  const shown = JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}...` : url);
  const u = strictUrl(url);
  if (typeof u === 'string') return `The endpoint ${shown} ${u}; use the https endpoint AWS gives (e.g. https://search-NAME.REGION.es.amazonaws.com).`;
  const mine = configured.flatMap((c) => {
    const p = c.trim() === '' ? undefined : strictUrl(c.trim());
    return p instanceof URL ? [canonical(p)] : [];
  }).includes(canonical(u));
  if (u.protocol === 'http:') {
    if (!isLoopback(u.hostname)) return `The endpoint ${shown} is plain http to a host that is not this machine: signed requests (with your access key id and session token) would cross the network unencrypted; use https.`;
    if (!mine) return `The endpoint ${shown} is plain http to this machine but not one you configured: ${ADD_IT}.`;
    return undefined;
  }
  if (mine) return undefined;
  if (!isAwsHost(u.hostname)) return `The endpoint ${shown} is not an AWS endpoint (https://...amazonaws.com) nor one you configured: ${ADD_IT}.`;
  if (u.port !== '') return `The endpoint ${shown} names port ${u.port}; AWS endpoints use the default https port: ${ADD_IT}.`;
  return undefined;
}
