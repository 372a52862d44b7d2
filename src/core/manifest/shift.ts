// Moving diagnostics to other lines: an open document's lines shift when lines above them are inserted or deleted,
// and a part of a file checked on its own thread counts lines from its own start.
import type { ManifestDiagnostic, TextRange } from './types';

/** The diagnostic `delta` lines further down, with its related position and its fix. */
export function shiftDiagnostic(d: ManifestDiagnostic, delta: number): ManifestDiagnostic {
  if (delta === 0) return d;
  const moved = shift(d, delta);
  if (d.related) moved.related = shift(d.related, delta);
  if (d.fix) moved.fix = { title: d.fix.title, edits: d.fix.edits.map((e) => shift(e, delta)) };
  return moved;
}

const shift = <T extends TextRange>(r: T, delta: number): T => ({ ...r, line: r.line + delta, endLine: r.endLine + delta });
