// The deep check: reads the first bytes of every referenced image (bounded concurrency, progress, cancel) and turns
// what checkImageHeader finds into diagnostics on the lines that reference the image. Results are cached by ETag,
// so a re-check asks only "changed?" (If-None-Match) and costs no body bytes.
import { mapBounded } from '../concurrency';
import { checkImageHeader, DEFAULT_IMAGE_LIMITS, type ImageFacts, type ImageLimits } from '../image/header';
import type { ImageSource } from '../image/source';
import type { ManifestCode, ManifestDiagnostic } from './types';

export const HEADER_BYTES = 64 * 1024;
export const MAX_HEADER_BYTES = 1024 * 1024;

export interface DeepTarget {
  ref: string;
  line: number;
}

export type ImageVerdict =
  | { kind: 'facts'; facts: ImageFacts }
  | { kind: 'missing' | 'denied' | 'error'; message: string };

export class ImageCheckCache {
  private readonly entries = new Map<string, { etag: string; facts: ImageFacts }>();
  get(ref: string): { etag: string; facts: ImageFacts } | undefined { return this.entries.get(ref); }
  set(ref: string, etag: string, facts: ImageFacts): void { this.entries.set(ref, { etag, facts }); }
  get size(): number { return this.entries.size; }
}

export interface DeepOptions {
  limits?: ImageLimits;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  cache?: ImageCheckCache;
  /** Where the image-ref value sits on a line (for the diagnostic's range). */
  rangeOf?: (line: number) => [number, number];
}

export interface DeepProblem { code: ManifestCode; message: string }

export interface DeepResult {
  diagnostics: ManifestDiagnostic[];
  /** Problems per image-ref (an editor re-places them on whatever lines hold the ref after edits). */
  byRef: Map<string, DeepProblem[]>;
  images: number;
  checked: number;
  fromCache: number;
  cancelled: boolean;
}

/** Reads one image's header (more bytes only when its dimensions lie further in) and checks it. */
export async function checkImage(source: ImageSource, ref: string, limits: ImageLimits, cache?: ImageCheckCache): Promise<ImageVerdict & { cached?: boolean }> {
  const cached = cache?.get(ref);
  let length = HEADER_BYTES;
  for (;;) {
    const outcome = await source.read(ref, length, length === HEADER_BYTES ? cached?.etag : undefined);
    if (outcome.kind === 'not-modified' && cached) return { kind: 'facts', facts: cached.facts, cached: true };
    if (outcome.kind === 'not-modified') return { kind: 'error', message: 'the source answered "not modified" to a plain read' };
    if (outcome.kind !== 'ok') return outcome;
    const facts = checkImageHeader(outcome.bytes, outcome.size, limits);
    if (facts.needMoreBytes && length < MAX_HEADER_BYTES && outcome.bytes.length < outcome.size) {
      length = MAX_HEADER_BYTES;
      continue;
    }
    if (facts.needMoreBytes) {
      facts.needMoreBytes = false;
      facts.problems.push({ code: 'image-corrupt', message: `No image dimensions in the first ${MAX_HEADER_BYTES / 1024} KiB` });
    }
    if (outcome.etag && cache) cache.set(ref, outcome.etag, facts);
    return { kind: 'facts', facts };
  }
}

function verdictProblems(v: ImageVerdict): DeepProblem[] {
  if (v.kind === 'facts') return v.facts.problems;
  if (v.kind === 'missing') return [{ code: 'image-missing', message: `Image not found: ${v.message}` }];
  if (v.kind === 'denied') return [{ code: 'image-access-denied', message: `Access denied reading the image: ${v.message} (the customization role needs s3:GetObject too)` }];
  return [{ code: 'image-unreadable', message: `Could not read the image: ${v.message}` }];
}

export async function deepCheck(targets: readonly DeepTarget[], source: ImageSource, options: DeepOptions = {}): Promise<DeepResult> {
  const limits = options.limits ?? DEFAULT_IMAGE_LIMITS;
  const byRef = new Map<string, number[]>();
  for (const t of targets) {
    const lines = byRef.get(t.ref);
    if (lines) lines.push(t.line); else byRef.set(t.ref, [t.line]);
  }
  const refs = [...byRef.keys()];
  const diagnostics: ManifestDiagnostic[] = [];
  const problemsByRef = new Map<string, DeepProblem[]>();
  let done = 0;
  let fromCache = 0;
  await mapBounded(refs, options.concurrency ?? 16, async (ref) => {
    let verdict: ImageVerdict & { cached?: boolean };
    try {
      verdict = await checkImage(source, ref, limits, options.cache);
    } catch (err) {
      verdict = { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    }
    if (verdict.cached) fromCache++;
    const problems = verdictProblems(verdict);
    if (problems.length > 0) problemsByRef.set(ref, problems);
    for (const p of problems) {
      for (const line of byRef.get(ref) ?? []) {
        const [column, endColumn] = options.rangeOf?.(line) ?? [0, 0];
        diagnostics.push({ line, column, endLine: line, endColumn, severity: 'error', code: p.code, message: p.message });
      }
    }
    done++;
    options.onProgress?.(done, refs.length);
  }, options.signal);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { diagnostics, byRef: problemsByRef, images: refs.length, checked: done, fromCache, cancelled: options.signal?.aborted === true && done < refs.length };
}

/** The image-ref targets of a manifest text (lines that parse and hold a string image-ref). */
export function imageTargets(lines: Iterable<[number, string]>): DeepTarget[] {
  const out: DeepTarget[] = [];
  for (const [line, text] of lines) {
    try {
      const v: unknown = JSON.parse(text);
      const ref = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['image-ref'] : undefined;
      if (typeof ref === 'string' && ref.length > 0) out.push({ ref, line });
    } catch { /* syntax errors are the line checks' business */ }
  }
  return out;
}

/** Places per-image problems on the lines that hold each image now (after any edits since the check). */
export function placeDeepProblems(
  byRef: ReadonlyMap<string, readonly DeepProblem[]>,
  linesOf: (ref: string) => number[],
  lineText: (line: number) => string | undefined,
  rangeOf: (text: string) => [number, number],
): ManifestDiagnostic[] {
  const out: ManifestDiagnostic[] = [];
  for (const [ref, problems] of byRef) {
    for (const line of linesOf(ref)) {
      const [column, endColumn] = rangeOf(lineText(line) ?? '');
      for (const p of problems) out.push({ line, column, endLine: line, endColumn, severity: 'error', code: p.code, message: p.message });
    }
  }
  return out;
}
