// The one manifest validator the CLI and the editor share: bytes or text in, plain diagnostic records out.
// Never throws on user data. Built for Bedrock's largest manifest (500,000 lines): one native decode, an indexOf
// line splitter, JSON.parse + a compiled schema per line, and position-aware rescans only for lines with problems.
import { decodeManifest } from './decode';
import { duplicateDiagnostic, imageRefRange, recordCountDiagnostic } from './fileRules';
import { hashString, RepeatFinder, type RefEntries, type RefPlace } from './repeats';
import { checkLine, type LineContext } from './lineRules';
import { shiftDiagnostic } from './shift';
import { DEFAULT_MANIFEST_LIMITS, MAX_LINE_BYTES, type ManifestDiagnostic, type ManifestRole, type ValidateOptions } from './types';

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

/**
 * The line checks of one run of whole lines (a part of a file validated on its own thread), before the file-level
 * checks. Line numbers count from the part's first line; plain data, so it crosses threads.
 */
export interface ManifestPart {
  lines: number;
  records: number;
  errors: number;
  warnings: number;
  /** At most `maxDiagnostics`. */
  diagnostics: ManifestDiagnostic[];
  firstLineLength: number;
  /** Each image-ref's hash, line and line start (byte offset in the file). */
  refs: RefEntries;
}

/** Where decoded text came from in a file: its bytes, and the file offset of the first one. */
export interface TextSource {
  bytes: Uint8Array;
  offset: number;
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
  /** Refs that hash alike (candidate repeats, confirmed in finish()); computed once, after the last line. */
  private candidates: RefPlace[][] | undefined;

  constructor(private readonly options: BatchOptions = {}) {
    this.ctx = { limits: { ...DEFAULT_MANIFEST_LIMITS, ...options.limits }, s3Prefix: options.s3Prefix };
    this.cap = options.maxDiagnostics ?? Number.POSITIVE_INFINITY;
  }

  add(d: ManifestDiagnostic): void {
    if (d.severity === 'error') this.errors++;
    else if (d.severity === 'warning') this.warnings++;
    if (this.diagnostics.length < this.cap) this.diagnostics.push(d);
  }

  /**
   * The next lines: `text` holds whole lines (a final line break does not start another); `decodeProblems`
   * (BOM, invalid UTF-8, in line order) are added just before their lines, so a diagnostics cap keeps the first
   * problems by position however the file was cut into chunks or parts. With `source`, each line's byte offset is
   * kept for its ref, so finish() can read a repeated line back without another pass over the file.
   * Returns how many lines `text` held.
   */
  addText(text: string, decodeProblems: readonly ManifestDiagnostic[], source?: TextSource): number {
    let next = 0;
    // All ASCII (one byte a character): a character's index is its byte's. Else find each line's start in the bytes.
    const sameIndex = source !== undefined && source.bytes.length === text.length;
    let byte = 0;
    const lines = forEachLine(text, (start, end) => {
      while (next < decodeProblems.length && (decodeProblems[next] as ManifestDiagnostic).line <= this.line) this.add(decodeProblems[next++] as ManifestDiagnostic);
      let offset = -1;
      if (sameIndex) offset = source.offset + start;
      else if (source) {
        offset = source.offset + byte;
        byte = source.bytes.indexOf(0x0a, byte) + 1;
      }
      this.addLine(text.slice(start, end), offset);
    });
    while (next < decodeProblems.length) this.add(decodeProblems[next++] as ManifestDiagnostic);
    return lines;
  }

  /** The next line, without its line break; `offset`: where it starts in the file (-1: not from a file). */
  addLine(text: string, offset = -1): void {
    const line = this.line++;
    if (line === 0) this.firstLineLength = text.length;
    const summary = checkLine(text, line, this.ctx);
    if (!summary.blank) this.records++;
    if (summary.diagnostics) for (const d of summary.diagnostics) this.add(d);
    if (summary.imageRef !== undefined) this.refs.add(hashString(summary.imageRef), line, offset);
  }

  /** The next line is longer than MAX_LINE_BYTES: counted and reported with its length, never decoded or parsed. */
  addOverlongLine(bytes: number): void {
    const line = this.line++;
    if (line === 0) this.firstLineLength = 1;
    this.records++;
    const fmt = (n: number): string => n.toLocaleString('en-US');
    this.add({
      line, column: 0, endLine: line, endColumn: 1, severity: 'error', code: 'line-too-long',
      message: `Line ${fmt(line + 1)} is ${fmt(bytes)} bytes long; a manifest record (one image-ref and a caption of at most 2,560 characters) fits in far less, and lines of ${fmt(MAX_LINE_BYTES)} bytes or more are not read`,
    });
  }

  /** What the lines so far found, for `absorb` into the batch of the whole file. */
  part(): ManifestPart {
    return {
      lines: this.line, records: this.records, errors: this.errors, warnings: this.warnings, diagnostics: this.diagnostics,
      firstLineLength: this.firstLineLength, refs: this.refs.entries(),
    };
  }

  /** Appends a part's lines as the next lines of this batch. */
  absorb(part: ManifestPart): void {
    const offset = this.line;
    if (offset === 0) this.firstLineLength = part.firstLineLength;
    this.errors += part.errors;
    this.warnings += part.warnings;
    for (const d of part.diagnostics) {
      if (this.diagnostics.length >= this.cap) break;
      this.diagnostics.push(shiftDiagnostic(d, offset));
    }
    this.records += part.records;
    this.refs.append(part.refs, offset);
    this.line += part.lines;
  }

  /** Lines the file-level checks will ask back (repeated images and their first use), with their byte offsets. */
  linesNeeded(): Map<number, number> {
    return new Map(this.repeatGroups().flat().map((p) => [p.line, p.offset]));
  }

  private repeatGroups(): RefPlace[][] {
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
      for (const { line } of members) {
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
  const { text, diagnostics } = decodeManifest(input);
  const batch = new ManifestBatch(options);
  batch.addText(text, diagnostics);
  let lines: string[] | undefined; // only when repeats are confirmed, once
  return batch.finish((line) => {
    if (!lines) {
      const all: string[] = [];
      forEachLine(text, (start, end) => { all.push(text.slice(start, end)); });
      lines = all;
    }
    return lines[line] ?? '';
  });
}
