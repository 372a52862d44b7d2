// Which existing files this tool wrote earlier, so a rerun may replace them without asking: each kind carries a
// mark it can recognise (the report's schemaVersion + generator, the split sidecar naming its outputs, the export
// record naming the embeddings files). Anything else that exists is someone else's and is only replaced on request.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Reports, sidecars and export records are small; a bigger file is not one of them (and is not read whole). */
const MAX_MARKED_BYTES = 256 * 1024 * 1024;

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    if (!statSync(file).isFile() || statSync(file).size > MAX_MARKED_BYTES) return undefined;
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A comparison report written by bedrock-mm (extension or CLI): `schemaVersion` and `generator: "bedrock-mm ..."`. */
export function isOurReport(file: string): boolean {
  const v = readJson(file);
  return v !== undefined && typeof v['schemaVersion'] === 'number' && typeof v['generator'] === 'string' && v['generator'].startsWith('bedrock-mm');
}

/** The `.split.json` sidecar Split writes: the seed and the two output files it names. */
export function isOurSplitSidecar(file: string): boolean {
  return splitOutputsOf(file) !== undefined;
}

/** The outputs a split sidecar names (base names, in its folder), or undefined if it is not one. */
export function splitOutputsOf(sidecar: string): string[] | undefined {
  const v = readJson(sidecar);
  if (!v || typeof v['seed'] !== 'number') return undefined;
  const name = (k: string): string | undefined => {
    const part = v[k];
    const f = typeof part === 'object' && part !== null ? (part as Record<string, unknown>)['file'] : undefined;
    return typeof f === 'string' && f === path.basename(f) ? f : undefined;
  };
  const training = name('training');
  const validation = name('validation');
  return training && validation ? [training, validation] : undefined;
}

/** A split output is ours when the sidecar beside it names it. */
export function isOurSplitOutput(sidecar: string, file: string): boolean {
  return path.dirname(path.resolve(sidecar)) === path.dirname(path.resolve(file)) && (splitOutputsOf(sidecar) ?? []).includes(path.basename(file));
}

/** The record `compare --export-embeddings` keeps in the folder: which `*.embeddings.jsonl` it wrote there. */
export const EXPORT_RECORD = 'bedrock-mm-export.json';

export function exportedFiles(dir: string): string[] {
  const v = readJson(path.join(dir, EXPORT_RECORD));
  const files = v && typeof v['generator'] === 'string' && v['generator'].startsWith('bedrock-mm') ? v['files'] : undefined;
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && f === path.basename(f)) : [];
}

export function isOurExport(dir: string, file: string): boolean {
  const name = path.basename(file);
  if (name === EXPORT_RECORD) return String(readJson(file)?.['generator'] ?? '').startsWith('bedrock-mm');
  return path.dirname(path.resolve(file)) === path.resolve(dir) && exportedFiles(dir).includes(name);
}
