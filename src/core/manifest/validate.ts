// The one manifest validator the CLI and the editor share: bytes or text in, plain diagnostic records out.
// Never throws on user data. Built for Bedrock's largest manifest (500,000 lines): one native decode, an indexOf
// line splitter, JSON.parse + a compiled schema per line, and position-aware rescans only for lines with problems.
import { decodeManifest } from './decode';
import { duplicateDiagnostic, imageRefRange, recordCountDiagnostic } from './fileRules';
import { hashString, RepeatFinder } from './repeats';
import { checkLine, type LineContext } from './lineRules';
import { DEFAULT_MANIFEST_LIMITS, type ManifestDiagnostic, type ManifestRole, type ValidateOptions } from './types';

export interface ManifestReport {
  role: ManifestRole | undefined;
  /** Non-blank lines. */
  records: number;
  errors: number;
  warnings: number;
  /** Sorted by position; at most `maxDiagnostics` of them (the counts above cover all). */
  diagnostics: ManifestDiagnostic[];
  truncated: boolean;
}

export interface BatchOptions extends ValidateOptions {
  maxDiagnostics?: number;
}

/** Calls `visit(text, start, end, line)` for each line; a final line break does not start another line. */
export function forEachLine(text: string, visit: (start: number, end: number, line: number) => void): number {
  let start = 0;
  let line = 0;
  const n = text.length;
  while (start < n) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = n;
    // CRLF: the CR belongs to the line break (a lone CR at the very end stays part of the line).
    const end = nl < n && nl > start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    visit(start, end, line);
    line++;
    start = nl + 1;
  }
  return line;
}


/**
 * Validates lines fed in order (from one string, or chunk by chunk from a file) and finishes with the file-level
 * checks. Keeps only a hash per image-ref; lines needed later (repeats) are asked back by number.
 */
export class ManifestBatch {
  private readonly ctx: LineContext;
  private readonly cap: number;
  private readonly diagnostics: ManifestDiagnostic[] = [];
  private errors = 0;
  private warnings = 0;
  private line = 0;
  private records = 0;
  private firstLineLength = 0;
  private readonly refs = new RepeatFinder();
  /** Lines whose refs hash alike (candidate repeats, confirmed in finish()); computed once, after the last line. */
  private candidates: number[][] | undefined;

  constructor(private readonly options: BatchOptions = {}) {
    this.ctx = { limits: { ...DEFAULT_MANIFEST_LIMITS, ...options.limits }, s3Prefix: options.s3Prefix };
    this.cap = options.maxDiagnostics ?? Number.POSITIVE_INFINITY;
  }

  add(d: ManifestDiagnostic): void {
    if (d.severity === 'error') this.errors++;
    else if (d.severity === 'warning') this.warnings++;
    if (this.diagnostics.length < this.cap) this.diagnostics.push(d);
  }

  /** The next line, without its line break. */
  addLine(text: string): void {
    const line = this.line++;
    if (line === 0) this.firstLineLength = text.length;
    const summary = checkLine(text, line, this.ctx);
    if (!summary.blank) this.records++;
    if (summary.diagnostics) for (const d of summary.diagnostics) this.add(d);
    if (summary.imageRef !== undefined) this.refs.add(hashString(summary.imageRef), line);
  }

  /** Lines the file-level checks need again (repeated images and their first use). */
  linesNeeded(): Set<number> {
    return new Set(this.repeatGroups().flat());
  }

  private repeatGroups(): number[][] {
    this.candidates ??= this.refs.groups();
    return this.candidates;
  }

  finish(lineText: (line: number) => string): ManifestReport {
    // Only lines with a string image-ref reach here: re-parse rather than keep 500,000 captions alive.
    const fieldOf = (line: number, key: string): unknown => (JSON.parse(lineText(line)) as Record<string, unknown>)[key];
    // Within a group of equal hashes the real strings decide (a hash collision is not a repeat), and the earliest
    // line of each real ref is the original.
    for (const members of this.repeatGroups()) {
      const originals = new Map<string, number>();
      for (const line of members) {
        const ref = String(fieldOf(line, 'image-ref'));
        const first = originals.get(ref);
        if (first === undefined) { originals.set(ref, line); continue; }
        const sameCaption = fieldOf(line, 'caption') === fieldOf(first, 'caption');
        this.add(duplicateDiagnostic(line, imageRefRange(lineText(line)), first, imageRefRange(lineText(first)), ref, sameCaption));
      }
    }
    const count = recordCountDiagnostic(this.records, this.options.role, this.ctx.limits, this.firstLineLength);
    if (count) this.add(count);
    const diagnostics = this.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    return { role: this.options.role, records: this.records, errors: this.errors, warnings: this.warnings, diagnostics, truncated: this.errors + this.warnings > diagnostics.length };
  }
}

export function validateManifest(input: string | Uint8Array, options: BatchOptions = {}): ManifestReport {
  const { text, diagnostics: decodeDiagnostics } = decodeManifest(input);
  const batch = new ManifestBatch(options);
  decodeDiagnostics.forEach((d) => batch.add(d));
  const lineStarts: number[] = [];
  forEachLine(text, (start, end) => {
    lineStarts.push(start);
    batch.addLine(text.slice(start, end));
  });
  return batch.finish((line) => {
    const start = lineStarts[line] ?? 0;
    const next = line + 1 < lineStarts.length ? (lineStarts[line + 1] ?? text.length) - 1 : text.length;
    return text.slice(start, next).replace(/\r$/, '');
  });
}
