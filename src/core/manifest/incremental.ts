// Incremental validation for an open document: each line keeps its own check result, an edit re-checks only the
// lines it touched, and the file-level checks (duplicates, conflicting captions, record count) are rebuilt from the
// per-line summaries kept in an index of image-ref -> lines. One edit in a 100,000-line file costs microseconds
// for the check and one pass over the line array to assemble diagnostics.
import { duplicateDiagnostic, imageRefRange, recordCountDiagnostic } from './fileRules';
import { checkLine, type LineContext, type LineSummary } from './lineRules';
import { shiftDiagnostic } from './shift';
import { DEFAULT_MANIFEST_LIMITS, type ManifestDiagnostic, type ManifestRole, type ValidateOptions } from './types';

interface LineState {
  text: string;
  summary: LineSummary;
  /** The line number the summary's diagnostics were computed at. */
  checkedAt: number;
  /** The current line number (kept up to date on every edit). */
  index: number;
  /** Where the image-ref value sits (computed once, when the line is first found in a duplicate). */
  refRange?: [number, number];
}

function refRangeOf(s: LineState): [number, number] {
  s.refRange ??= imageRefRange(s.text);
  return s.refRange;
}

export class IncrementalManifest {
  private lines: LineState[] = [];
  private readonly refs = new Map<string, LineState[]>();
  private readonly repeated = new Set<string>();
  private records = 0;
  private readonly ctx: LineContext;
  role: ManifestRole | undefined;

  constructor(text: string, options: ValidateOptions = {}) {
    this.ctx = { limits: { ...DEFAULT_MANIFEST_LIMITS, ...options.limits }, s3Prefix: options.s3Prefix };
    this.role = options.role;
    this.setText(text);
  }

  get lineCount(): number { return this.lines.length; }
  get recordCount(): number { return this.records; }

  /** Replaces the whole text (a file opened or reloaded). */
  setText(text: string): void {
    for (const s of this.lines) this.forget(s);
    this.lines = [];
    this.replaceLines(0, 0, splitLines(text));
  }

  /** Replaces `deleteCount` lines from `start` with `newLines` (each without its line break). */
  replaceLines(start: number, deleteCount: number, newLines: readonly string[]): void {
    const added = newLines.map((text, i) => {
      const line = start + i;
      return { text, summary: checkLine(text, line, this.ctx), checkedAt: line, index: line };
    });
    // No `splice(start, n, ...added)`: spreading 500,000 lines (Bedrock's largest manifest) as arguments
    // overflows the stack. Same count (typing within lines): assign in place; else one concat.
    const removed = this.lines.slice(start, start + deleteCount);
    if (added.length === deleteCount) added.forEach((s, i) => { this.lines[start + i] = s; });
    else this.lines = this.lines.slice(0, start).concat(added, this.lines.slice(start + deleteCount));
    for (const s of removed) this.forget(s);
    for (const s of added) this.remember(s);
    if (added.length !== removed.length) {
      for (let i = start + added.length; i < this.lines.length; i++) (this.lines[i] as LineState).index = i;
    }
  }

  lineText(line: number): string | undefined {
    return this.lines[line]?.text;
  }

  /** The image-ref of a line, when it parsed as one. */
  imageRefAt(line: number): string | undefined {
    return this.lines[line]?.summary.imageRef;
  }

  /** The current lines holding `ref` as their image-ref. */
  linesOf(ref: string): number[] {
    return (this.refs.get(ref) ?? []).map((s) => s.index).sort((a, b) => a - b);
  }

  /** All diagnostics, sorted by line. */
  diagnostics(): ManifestDiagnostic[] {
    const out: ManifestDiagnostic[] = [];
    const last = this.lines[this.lines.length - 1];
    for (const s of this.lines) {
      // The empty line after a final line break is how editors show the break, not a blank record.
      if (s === last && s.text === '') continue;
      const ds = s.summary.diagnostics;
      if (ds) for (const d of ds) out.push(shiftDiagnostic(d, s.index - s.checkedAt));
    }
    const fileLevel: ManifestDiagnostic[] = [];
    for (const ref of this.repeated) {
      const states = [...(this.refs.get(ref) ?? [])].sort((a, b) => a.index - b.index);
      const first = states[0];
      if (!first) continue;
      for (const s of states.slice(1)) {
        fileLevel.push(duplicateDiagnostic(s.index, refRangeOf(s), first.index, refRangeOf(first), ref, s.summary.caption === first.summary.caption));
      }
    }
    const count = recordCountDiagnostic(this.records, this.role, this.ctx.limits, this.lines[0]?.text.length ?? 0);
    if (count) fileLevel.push(count);
    for (const d of fileLevel) out.push(d); // maybe 250,000 repeats: too many to spread as arguments
    return out.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private remember(s: LineState): void {
    if (!s.summary.blank) this.records++;
    const ref = s.summary.imageRef;
    if (ref === undefined) return;
    const list = this.refs.get(ref);
    if (!list) { this.refs.set(ref, [s]); return; }
    list.push(s);
    this.repeated.add(ref);
  }

  private forget(s: LineState): void {
    if (!s.summary.blank) this.records--;
    const ref = s.summary.imageRef;
    if (ref === undefined) return;
    const list = this.refs.get(ref);
    if (!list) return;
    const i = list.indexOf(s);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.refs.delete(ref);
    if (list.length < 2) this.repeated.delete(ref);
  }
}

/** Lines as an editor numbers them (a final line break is followed by one empty line), without their breaks. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
