// The one manifest validator the CLI and the editor share: bytes or text in, plain diagnostic records out.
// Never throws on user data. Built for Bedrock's largest manifest (500,000 lines): one native decode, an indexOf
// line splitter, JSON.parse + a compiled schema per line, and position-aware rescans only for lines with problems.
import { decodeManifest } from './decode';
import { duplicateDiagnostic, imageRefRange, recordCountDiagnostic } from './fileRules';
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


export function validateManifest(input: string | Uint8Array, options: BatchOptions = {}): ManifestReport {
  const limits = { ...DEFAULT_MANIFEST_LIMITS, ...options.limits };
  const ctx: LineContext = { limits, s3Prefix: options.s3Prefix };
  const cap = options.maxDiagnostics ?? Number.POSITIVE_INFINITY;
  const { text, diagnostics: decodeDiagnostics } = decodeManifest(input);
  const diagnostics: ManifestDiagnostic[] = [];
  let errors = 0;
  let warnings = 0;
  const add = (d: ManifestDiagnostic): void => {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    if (diagnostics.length < cap) diagnostics.push(d);
  };
  decodeDiagnostics.forEach(add);

  const lineText = (line: number): string => {
    const start = lineStarts[line] ?? 0;
    const next = line + 1 < lineStarts.length ? (lineStarts[line + 1] ?? text.length) - 1 : text.length;
    return text.slice(start, next).replace(/\r$/, '');
  };
  // Only lines that parsed with a string image-ref reach these (repeats are rare): re-parse rather than keep
  // 500,000 strings alive.
  const fieldOf = (line: number, key: string): unknown => (JSON.parse(lineText(line)) as Record<string, unknown>)[key];
  const refOf = (line: number): string | undefined => fieldOf(line, 'image-ref') as string | undefined;
  // Exact: a Map of image-ref -> first line (V8 hashes strings natively, faster than any JS hash).
  const firstUse = new Map<string, number>();
  const repeats: number[] = [];
  const lineStarts: number[] = [];
  let records = 0;
  let firstLineLength = 0;
  forEachLine(text, (start, end, line) => {
    lineStarts.push(start);
    if (line === 0) firstLineLength = end - start;
    const summary = checkLine(text.slice(start, end), line, ctx);
    if (!summary.blank) records++;
    if (summary.diagnostics) summary.diagnostics.forEach(add);
    if (summary.imageRef !== undefined) {
      const first = firstUse.get(summary.imageRef);
      if (first === undefined) firstUse.set(summary.imageRef, line);
      else repeats.push(line, first);
    }
  });

  for (let i = 0; i < repeats.length; i += 2) {
    const line = repeats[i] ?? 0;
    const first = repeats[i + 1] ?? 0;
    const dupText = lineText(line);
    const sameCaption = fieldOf(line, 'caption') === fieldOf(first, 'caption');
    add(duplicateDiagnostic(line, imageRefRange(dupText), first, imageRefRange(lineText(first)), refOf(line) ?? '', sameCaption));
  }
  const count = recordCountDiagnostic(records, options.role, limits, firstLineLength);
  if (count) add(count);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { role: options.role, records, errors, warnings, diagnostics, truncated: errors + warnings > diagnostics.length };
}
