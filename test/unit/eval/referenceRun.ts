// The reference run of docs/reference/bedrock-tmme.md section 8, rebuilt as two embeddings files: each text query
// `The letter X in sign language` gets the listed letter's image as its top-1 hit, for the base and the fine-tuned
// model. Used by the metric tests and the CLI test.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatEmbeddingsJsonl, type EmbeddingRecord } from '../../../src/core/eval/records';

const TABLE = 'A Q/S, B F/B, C F/C, D Q/D, E F/N, F F/F, G Q/G, H V/H, I V/I, J Q/J, K V/K, L Q/Y, M Q/T, N F/M, O F/O, P Q/P, Q F/Q, R V/R, S F/S, T F/M, U V/U, V V/V, W V/W, X V/X, Y V/Y, Z V/Z';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
export const TOP1: Record<'base' | 'tuned', Map<string, string>> = { base: new Map(), tuned: new Map() };
for (const entry of TABLE.split(', ')) {
  const [q, pair] = entry.split(' ') as [string, string];
  const [b, t] = pair.split('/') as [string, string];
  TOP1.base.set(q, b);
  TOP1.tuned.set(q, t);
}

export const caption = (l: string): string => `The letter ${l} in sign language`;

/** 26 one-hot-ish dimensions; each letter has 3 images near its axis; the query points at its listed top-1 letter. */
export function referenceEmbeddings(model: 'base' | 'tuned'): EmbeddingRecord[] {
  const dim = 32;
  const axis = (i: number, w = 1): number[] => Array.from({ length: dim }, (_, d) => (d === i ? w : 0));
  const records: EmbeddingRecord[] = [];
  LETTERS.forEach((l, i) => {
    for (let n = 0; n < 3; n++) {
      const v = axis(i);
      v[26 + n] = 0.1 * (n + 1); // the first image of each letter is the closest to the axis
      records.push({ id: `${l}/${n}.jpg`, label: caption(l), kind: 'image', vector: v });
    }
  });
  LETTERS.forEach((l) => {
    const target = LETTERS.indexOf(TOP1[model].get(l) as string);
    const v = axis(target);
    v[LETTERS.indexOf(l)] = (v[LETTERS.indexOf(l)] ?? 0) + 0.2; // the query's own letter ranks second when it misses
    records.push({ id: `query:${l}`, label: caption(l), kind: 'text', vector: v });
  });
  return records;
}

/** The reference run on disk in a fresh temporary folder: both models' embeddings and a training manifest. */
export function writeReferenceFiles(): { dir: string; base: string; tuned: string; train: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bmc-eval-'));
  const base = join(dir, 'base.jsonl');
  const tuned = join(dir, 'tuned.jsonl');
  const train = join(dir, 'train.jsonl');
  writeFileSync(base, formatEmbeddingsJsonl(referenceEmbeddings('base')));
  writeFileSync(tuned, formatEmbeddingsJsonl(referenceEmbeddings('tuned')));
  writeFileSync(train, LETTERS.map((l) => JSON.stringify({ 'image-ref': `s3://b/${l}.jpg`, caption: caption(l) })).join('\n'));
  return { dir, base, tuned, train };
}
