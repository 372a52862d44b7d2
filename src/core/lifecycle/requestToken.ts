// Idempotent launches: Bedrock creates at most one resource per clientRequestToken. The token is derived from the
// request's content and the launch attempt, so a double click (same attempt, same content) sends the same token
// and creates one job, while a deliberate new attempt gets a fresh one.
import { createHash } from 'node:crypto';

/** Stable JSON: object keys sorted, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A token in UUID shape (32 hex digits with dashes: matches Bedrock's `[a-zA-Z0-9](-*[a-zA-Z0-9])*`, <= 256).
 * `attemptId` identifies one launch attempt (a wizard run, or a spec file at one document version).
 */
export function deriveClientRequestToken(request: unknown, attemptId: string): string {
  const hex = createHash('sha256').update(canonicalJson(request)).update('\u0000').update(attemptId).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
