// A comparison fixture on disk, shared by the integration and e2e tests: the reference run rebuilt as two
// embeddings files (26 text queries, base right on 2, fine-tuned on 20), with the letter Z's caption replaced by a
// hostile one, and small real JPEGs for a few items so thumbnails have something to show. No vscode import.
import * as fs from 'node:fs';
import * as path from 'node:path';
import jpeg from 'jpeg-js';
import { formatEmbeddingsJsonl, type EmbeddingRecord } from '../../src/core/eval/records';
import { referenceEmbeddings } from '../unit/eval/referenceRun';

export const HOSTILE_CAPTION = '<img src=x onerror=alert(1)>';

function withHostileZ(records: EmbeddingRecord[]): EmbeddingRecord[] {
  return records.map((r) => r.label.startsWith('The letter Z ') ? { ...r, label: HOSTILE_CAPTION, ...(r.text ? { text: HOSTILE_CAPTION } : {}) } : r);
}

function tinyJpeg(shade: number): Buffer {
  const width = 16;
  const height = 16;
  const data = Buffer.alloc(width * height * 4, shade);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return jpeg.encode({ data, width, height }, 80).data;
}

export interface CompareFixture {
  dir: string;
  base: string;
  tuned: string;
  /** The spec object `bedrockCustomizer.compareModels` accepts. */
  spec: { models: { name: string; embeddings: string }[]; baseline: string; modes: string[]; k: number[]; output: string };
}

/** Writes the fixture into `dir`: embeddings for `base` and `fine-tuned`, JPEGs for each letter's first image. */
export function writeCompareFixture(dir: string): CompareFixture {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, 'base.embeddings.jsonl');
  const tuned = path.join(dir, 'fine-tuned.embeddings.jsonl');
  fs.writeFileSync(base, formatEmbeddingsJsonl(withHostileZ(referenceEmbeddings('base'))));
  fs.writeFileSync(tuned, formatEmbeddingsJsonl(withHostileZ(referenceEmbeddings('tuned'))));
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').forEach((l, i) => {
    fs.mkdirSync(path.join(dir, l), { recursive: true });
    fs.writeFileSync(path.join(dir, l, '0.jpg'), tinyJpeg(40 + i * 8));
  });
  return {
    dir, base, tuned,
    spec: {
      models: [{ name: 'base', embeddings: base }, { name: 'fine-tuned', embeddings: tuned }],
      baseline: 'base', modes: ['text-to-image', 'classify'], k: [1, 5, 10], output: path.join(dir, 'letters.report.json'),
    },
  };
}
