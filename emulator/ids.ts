// Resource ids shaped like AWS's: Bedrock uses 12 lowercase alphanumerics, OpenSearch Serverless 20.
import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function resourceId(length = 12): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

export function requestId(): string {
  return randomUUID();
}
