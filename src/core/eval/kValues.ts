// The k of the @k metrics: one rule for every parser (compare spec, embeddings spec, `bedrock-mm evaluate --k`).
// Ranking and scoring cost grows with k, so an unchecked 1e308 would loop for ever (and freeze the extension host).
// Checked before any embedding call or ranking.

/** The largest k: deeper than any retrieval list a person reads, and the schema's maximum. */
export const MAX_K = 1000;

/** Why `value` cannot be a k (`shown`: how the user wrote it), or undefined when it can. */
export function kProblem(value: unknown, shown: string = typeof value === 'string' ? JSON.stringify(value) : String(value)): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_K) return undefined;
  return `must be an integer from 1 to ${MAX_K.toLocaleString('en-US')}, got ${shown}`;
}
