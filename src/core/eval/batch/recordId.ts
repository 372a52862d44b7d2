// A batch record's id, derived from its embedding cache key (model, length, image ETag or text hash), so an output
// line maps back to its cache entry by recomputing ids from the items the run already holds (no table is written).
// 11 alphanumeric characters: the stricter of the forms AWS's pages give for recordId
// (docs/reference/bedrock-batch.md "Input records").
import { createHash } from 'node:crypto';

export const RECORD_ID_LENGTH = 11;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(digest: Buffer, length: number): string {
  let n = BigInt(`0x${digest.toString('hex')}`);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += ALPHABET[Number(n % 62n)];
    n /= 62n;
  }
  return out;
}

/** The record id of one cache entry (about 65 bits: collisions are checked when the records are planned). */
export function recordIdFor(model: string, length: number, cacheKey: string): string {
  return base62(createHash('sha256').update(`${model}\u0000${length}\u0000${cacheKey}`).digest(), RECORD_ID_LENGTH);
}

/** The id of the n-th padding record: never a cache entry's id for the same job, so it is dropped on read. */
export function padRecordId(jobFingerprint: string, n: number): string {
  return base62(createHash('sha256').update(`pad\u0000${jobFingerprint}\u0000${n}`).digest(), RECORD_ID_LENGTH);
}

export const isRecordId = (s: string): boolean => s.length === RECORD_ID_LENGTH && /^[0-9A-Za-z]+$/.test(s);
