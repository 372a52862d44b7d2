// Checks one manifest line. The fast path is JSON.parse + the compiled schema + a few string tests; only a line with
// a problem is scanned again by the position-aware scanner to place each diagnostic exactly.
import { scanJsonLine, type JsonMember, type JsonScan } from './jsonScan';
import { suggestKey } from './keys';
import { hasImageExtension, looksLikeLocalPath, quickImageRefOk, s3UriProblem } from '../awsRules/s3Rules';
import { lineSchema, type SchemaErrors } from './schema';
import type { ManifestCode, ManifestDiagnostic, ManifestFix, ManifestLimits, Severity } from './types';

/** What the file-level checks need from one line. */
export interface LineSummary {
  /** Non-blank lines are records (Bedrock reads every line). */
  blank: boolean;
  imageRef?: string | undefined;
  caption?: string | undefined;
  diagnostics?: ManifestDiagnostic[] | undefined;
}

export interface LineContext {
  limits: ManifestLimits;
  s3Prefix?: string | undefined;
}

const BLANK = /^[ \t\r]*$/;

export function estimateTokens(text: string, charsPerToken: number): number {
  return Math.ceil(text.length / charsPerToken);
}

/** Checks `text` (one line without its break) at 0-based `line`. Never throws. */
export function checkLine(text: string, line: number, ctx: LineContext): LineSummary {
  const c0 = text.charCodeAt(0);
  if (!(c0 > 0x20) && BLANK.test(text)) {
    return { blank: true, diagnostics: [diag(line, 0, Math.max(text.length, 0), 'warning', 'blank-line',
      'Blank line: Bedrock reads every line as a record; delete it', deleteLineFix(line))] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { blank: false, diagnostics: [syntaxDiagnostic(text, line, err)] };
  }
  const validate = lineSchema();
  const shapeOk = validate(value);
  const obj = typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  const imageRef = typeof obj?.['image-ref'] === 'string' ? obj['image-ref'] : undefined;
  const caption = typeof obj?.['caption'] === 'string' ? obj['caption'] : undefined;
  if (shapeOk && imageRef !== undefined && caption !== undefined && stringsOk(imageRef, caption, ctx.limits) && !mayRepeatKeys(text, imageRef, caption)) {
    return { blank: false, imageRef, caption };
  }
  const diagnostics = placeProblems(text, line, ctx, validate.errors ?? [], imageRef, caption);
  return { blank: false, imageRef, caption, diagnostics: diagnostics.length > 0 ? diagnostics : undefined };
}

/**
 * JSON.parse keeps the last of two equal keys silently; an unescaped `"caption"` seen twice needs a closer look.
 * `{"image-ref":"","caption":""}` is 27 characters around the two values and a repeated key adds at least 13 more,
 * so a line shorter than that cannot repeat a key (the common case: no scan at all).
 */
function mayRepeatKeys(text: string, imageRef: string, caption: string): boolean {
  if (text.length < imageRef.length + caption.length + 40) return false;
  const c = text.indexOf('"caption"');
  const r = text.indexOf('"image-ref"');
  return text.indexOf('"caption"', c + 9) >= 0 || text.indexOf('"image-ref"', r + 11) >= 0;
}

function stringsOk(imageRef: string, caption: string, limits: ManifestLimits): boolean {
  return quickImageRefOk(imageRef)
    && caption.length > 0 && (caption.charCodeAt(0) > 0x20 || caption.trim().length > 0)
    && estimateTokens(caption, limits.charsPerToken) <= limits.captionMaxTokens;
}

function diag(line: number, start: number, end: number, severity: Severity, code: ManifestCode, message: string, fix?: ManifestFix): ManifestDiagnostic {
  const d: ManifestDiagnostic = { line, column: start, endLine: line, endColumn: Math.max(end, start), severity, code, message };
  if (fix) d.fix = fix;
  return d;
}

export function deleteLineFix(line: number, title = 'Delete this line'): ManifestFix {
  return { title, edits: [{ line, column: 0, endLine: line + 1, endColumn: 0, newText: '' }] };
}

function syntaxDiagnostic(text: string, line: number, err: unknown): ManifestDiagnostic {
  const scan = scanJsonLine(text);
  if (scan.error) {
    const e = scan.error;
    const fix: ManifestFix | undefined = e.trailingComma !== undefined
      ? { title: 'Remove the trailing comma', edits: [{ line, column: e.trailingComma, endLine: line, endColumn: e.trailingComma + 1, newText: '' }] }
      : undefined;
    return diag(line, e.start, Math.max(e.end, e.start + 1), 'error', 'json-syntax', `Invalid JSON: ${e.message}`, fix);
  }
  // The scanner found nothing JSON.parse rejected (should not happen): fall back to the engine's own position.
  const message = err instanceof Error ? err.message : String(err);
  const at = /position (\d+)/.exec(message);
  const pos = at ? Math.min(Number(at[1]), Math.max(0, text.length - 1)) : 0;
  return diag(line, pos, Math.min(text.length, pos + 1), 'error', 'json-syntax', `Invalid JSON: ${message}`);
}

function lastMember(scan: JsonScan, key: string): JsonMember | undefined {
  let found: JsonMember | undefined;
  for (const m of scan.members) if (m.key === key) found = m;
  return found;
}

function placeProblems(
  text: string, line: number, ctx: LineContext, errors: SchemaErrors, imageRef: string | undefined, caption: string | undefined,
): ManifestDiagnostic[] {
  const scan = scanJsonLine(text);
  const out: ManifestDiagnostic[] = [];
  const whole = (): [number, number] => [scan.topStart, scan.topEnd > scan.topStart ? scan.topEnd : text.length];
  const imageMember = lastMember(scan, 'image-ref');
  const captionMember = lastMember(scan, 'caption');
  const present = new Set(scan.members.map((m) => m.key));

  for (const e of errors) {
    if (e.keyword === 'type' && e.instancePath === '') {
      out.push(diag(line, ...whole(), 'error', 'not-object', `Each line must be a JSON object like {"image-ref": "s3://bucket/key.png", "caption": "..."}; found ${scan.topType ?? 'a value'}`));
    } else if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty?: string }).missingProperty);
      const code = missing === 'image-ref' ? 'missing-image-ref' : 'missing-caption';
      const near = scan.members.find((m) => suggestKey(m.key) === missing && m.key !== missing);
      const hint = near ? ` (did you mean to name "${near.key}" "${missing}"?)` : '';
      out.push(diag(line, ...whole(), 'error', code, `Missing required key "${missing}"${hint}`));
    } else if (e.keyword === 'type' && e.instancePath === '/image-ref' && imageMember) {
      out.push(diag(line, imageMember.valueStart, imageMember.valueEnd, 'error', 'image-ref-type', `"image-ref" must be a string (an S3 URI); found ${imageMember.valueType}`));
    } else if (e.keyword === 'type' && e.instancePath === '/caption' && captionMember) {
      out.push(diag(line, captionMember.valueStart, captionMember.valueEnd, 'error', 'caption-type', `"caption" must be a string; found ${captionMember.valueType}`));
    } else if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty?: string }).additionalProperty);
      for (const m of scan.members.filter((x) => x.key === key)) out.push(unknownKey(line, m, present));
    } else if (e.keyword === 'maxLength' && e.instancePath === '/caption' && captionMember && caption !== undefined) {
      const max = ctx.limits.captionMaxChars;
      const trimmed = Array.from(caption).slice(0, max).join('');
      out.push(diag(line, captionMember.valueStart, captionMember.valueEnd, 'error', 'caption-too-long',
        `Caption has ${Array.from(caption).length.toLocaleString('en-US')} characters; Bedrock allows at most ${max.toLocaleString('en-US')}`,
        { title: `Trim the caption to ${max.toLocaleString('en-US')} characters`, edits: [{ line, column: captionMember.valueStart, endLine: line, endColumn: captionMember.valueEnd, newText: JSON.stringify(trimmed) }] }));
    }
  }
  duplicateKeys(line, scan, out);
  if (imageRef !== undefined && imageMember) imageRefProblems(line, imageRef, imageMember, ctx, out);
  if (caption !== undefined && captionMember) captionProblems(line, caption, captionMember, ctx.limits, out);
  return out;
}

function unknownKey(line: number, m: JsonMember, present: Set<string>): ManifestDiagnostic {
  const suggestion = suggestKey(m.key);
  if (suggestion && !present.has(suggestion)) {
    return diag(line, m.keyStart, m.keyEnd, 'warning', 'unknown-key', `Unknown key "${m.key}": did you mean "${suggestion}"?`,
      { title: `Rename "${m.key}" to "${suggestion}"`, edits: [{ line, column: m.keyStart, endLine: line, endColumn: m.keyEnd, newText: JSON.stringify(suggestion) }] });
  }
  return diag(line, m.keyStart, m.keyEnd, 'warning', 'unknown-key', `Unknown key "${m.key}": a manifest line has only "image-ref" and "caption"`);
}

function duplicateKeys(line: number, scan: JsonScan, out: ManifestDiagnostic[]): void {
  const seen = new Set<string>();
  for (const m of scan.members) {
    if (seen.has(m.key)) out.push(diag(line, m.keyStart, m.keyEnd, 'warning', 'duplicate-key', `Key "${m.key}" appears twice on this line; only the last value counts`));
    seen.add(m.key);
  }
}

function imageRefProblems(line: number, ref: string, m: JsonMember, ctx: LineContext, out: ManifestDiagnostic[]): void {
  const problem = s3UriProblem(ref);
  if (problem) {
    let fix: ManifestFix | undefined;
    if (ctx.s3Prefix && looksLikeLocalPath(ref)) {
      const uri = localPathToS3(ref, ctx.s3Prefix);
      fix = { title: `Replace with ${uri}`, edits: [{ line, column: m.valueStart, endLine: line, endColumn: m.valueEnd, newText: JSON.stringify(uri) }] };
    }
    out.push(diag(line, m.valueStart, m.valueEnd, 'error', 's3-uri', `Invalid image-ref: ${problem}`, fix));
    return;
  }
  if (!hasImageExtension(ref)) {
    out.push(diag(line, m.valueStart, m.valueEnd, 'warning', 'image-extension', 'The key does not end in .png, .jpg or .jpeg; Bedrock accepts only PNG and JPEG (the bytes decide: run "Validate images")'));
  }
}

/** `./images/A/A1.jpg` under `s3://bucket/data` -> `s3://bucket/data/images/A/A1.jpg`. */
export function localPathToS3(path: string, prefix: string): string {
  const rel = path.replace(/\\/g, '/').replace(/^[A-Za-z]:\//, '').replace(/^(\.\/|~\/)+/, '').replace(/^\/+/, '').replace(/^(\.\.\/)+/, '');
  return `${prefix.replace(/\/+$/, '')}/${rel}`;
}

function captionProblems(line: number, caption: string, m: JsonMember, limits: ManifestLimits, out: ManifestDiagnostic[]): void {
  if (caption.trim().length === 0) {
    out.push(diag(line, m.valueStart, m.valueEnd, 'warning', 'empty-caption', 'Empty caption: the image teaches the model nothing without text'));
    return;
  }
  const tokens = estimateTokens(caption, limits.charsPerToken);
  if (tokens > limits.captionMaxTokens && !out.some((d) => d.code === 'caption-too-long')) {
    out.push(diag(line, m.valueStart, m.valueEnd, 'warning', 'caption-tokens',
      `Caption is about ${tokens} tokens (an estimate at ${limits.charsPerToken} characters a token; the tokenizer is not public); Bedrock allows at most ${limits.captionMaxTokens} tokens`));
  }
}
