// The one scoring path for embeddings files: `bedrock-mm evaluate` and Compare Models on an embeddings spec both
// read each model's JSONL here, fingerprint it, parse it and call evaluate, so the same files give the same report.
// Reads with node:fs (core may); writing the report stays with the caller (its placement rules differ).

import type { MapSettings } from './projection/embeddingMap';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ComparisonReport, EvalMode, InputFingerprint } from '../../protocol/report';
import { evaluate, type ModelEmbeddings } from './evaluate';
import type { LabelRule } from './labels';
import { parseEmbeddingsJsonl, type LineError } from './records';

export interface ScoreFilesRequest {
  /** One embeddings JSONL per model; `embeddings` is used as given (in the report's inputs too). */
  models: readonly { name: string; embeddings: string }[];
  baseline: string;
  modes: readonly EvalMode[];
  ks: readonly number[];
  labelRule: LabelRule;
  /** Seed of the bootstrap and randomization tests (default: the engine's). */
  seed?: number;
  /** The embedding map's projection (default PCA). */
  map?: MapSettings;
  /** A Bedrock training manifest: warns when text queries equal its captions. */
  trainingManifest?: string;
  /** Called before each file is read (done = models read so far) and before scoring (done = models.length). */
  onStage?: (stage: string, done: number) => void;
  /** Checked between steps: true stops the work and returns undefined. */
  cancelled?: () => boolean;
  now?: Date;
}

/** What is wrong with an input file, for each caller to say in its own way (CLI usage line, VS Code message). */
export type ScoreInputProblem =
  | { kind: 'unreadable'; path: string; model?: string; code: string; message: string }
  | { kind: 'invalid'; path: string; model: string; errors: LineError[] }
  | { kind: 'empty'; path: string; model: string };

export class ScoreInputError extends Error {
  constructor(readonly problem: ScoreInputProblem) {
    super(problem.kind === 'unreadable' ? `cannot read ${problem.path}: ${problem.message}`
      : problem.kind === 'empty' ? `${problem.path}: no embeddings in the file`
        : `${problem.path}:${problem.errors[0]?.line ?? 0}: ${problem.errors[0]?.message ?? ''}`);
  }
}

const fingerprint = (role: string, source: string, bytes: Uint8Array, model?: string): InputFingerprint => ({
  role, source, ...(model !== undefined ? { model } : {}), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length,
});

async function read(path: string, model?: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ScoreInputError({ kind: 'unreadable', path, ...(model !== undefined ? { model } : {}), code: err.code ?? err.message, message: err.message });
  }
}

/** Captions of a Bedrock training manifest (`{"image-ref": ..., "caption": ...}` per line); bad lines are skipped. */
function manifestCaptions(text: string): string[] {
  return text.split(/\r?\n/).flatMap((l) => {
    try {
      const v = JSON.parse(l) as unknown;
      const c = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['caption'] : undefined;
      return typeof c === 'string' ? [c] : [];
    } catch {
      return [];
    }
  });
}

/** Reads and scores; undefined when cancelled. Throws ScoreInputError for an unreadable, invalid or empty file. */
export async function scoreFiles(req: ScoreFilesRequest): Promise<ComparisonReport | undefined> {
  const cancelled = req.cancelled ?? (() => false);
  const inputs: InputFingerprint[] = [];
  const models: ModelEmbeddings[] = [];
  for (const [i, m] of req.models.entries()) {
    if (cancelled()) return undefined;
    req.onStage?.(`Reading embeddings of ${m.name}`, i);
    const bytes = await read(m.embeddings, m.name);
    const parsed = parseEmbeddingsJsonl(new TextDecoder().decode(bytes));
    if (parsed.errors.length > 0) throw new ScoreInputError({ kind: 'invalid', path: m.embeddings, model: m.name, errors: parsed.errors });
    if (parsed.records.length === 0) throw new ScoreInputError({ kind: 'empty', path: m.embeddings, model: m.name });
    inputs.push(fingerprint('embeddings', m.embeddings, bytes, m.name));
    models.push({ model: { name: m.name, modelId: m.embeddings, embeddingLength: parsed.dim, baseline: m.name === req.baseline }, records: parsed.records });
  }
  let trainingCaptions: string[] | undefined;
  if (req.trainingManifest !== undefined) {
    const bytes = await read(req.trainingManifest);
    inputs.push(fingerprint('manifest', req.trainingManifest, bytes));
    trainingCaptions = manifestCaptions(new TextDecoder().decode(bytes));
  }
  if (cancelled()) return undefined;
  req.onStage?.(`Scoring ${req.modes.length} mode(s) for ${models.length} models, with bootstrap and randomization tests`, req.models.length);
  return evaluate({
    models, baseline: req.baseline, modes: req.modes, ks: req.ks, labelRule: req.labelRule, inputs,
    ...(req.seed !== undefined ? { comparison: { seed: req.seed } } : {}),
    ...(req.map ? { map: req.map } : {}),
    ...(trainingCaptions ? { trainingCaptions } : {}),
    ...(req.now ? { now: req.now } : {}),
  });
}
