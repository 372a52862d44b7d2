// Images a validation manifest shares with its training manifest, exact or near: the comparison's leakage rule
// (core/eval/leakage.ts, same threshold and 256-bit confirmation) turned into warnings at both lines, each naming and
// linking the other line. A validation image seen in training makes the validation loss look better.
// `bedrock-mm validate --deep` prints the validation side; the editor's Validate Images shows both.
import { findLeakedPairs, type ImageIdentity } from '../eval/leakage';
import { imageTargets } from './deep';
import { imageRefRange } from './fileRules';
import { forEachLine } from './validate';
import type { ManifestDiagnostic, RelatedInfo } from './types';

/** One image-ref occurrence (0-based line, value columns) with what is known of its image. */
export interface ImageAt extends ImageIdentity { line: number; column: number; endColumn: number }

/** `path`: the manifest as messages name it; `file`: its absolute path, for a link from the other manifest. */
export interface ManifestImages { path: string; file?: string; images: readonly ImageAt[] }

/** A warning on one manifest's line; `ref` is its image-ref, `related` the other manifest's line (and its ref). */
export interface SharedImageWarning extends ManifestDiagnostic { ref: string; related: RelatedInfo & { ref: string } }

/** Each line's image-ref (lines that parse and hold a string image-ref) with the value's columns. */
export function imageRefsAt(text: string): { ref: string; line: number; column: number; endColumn: number }[] {
  const lines: [number, string][] = [];
  forEachLine(text, (start, end, line) => { lines.push([line, text.slice(start, end)]); });
  const byLine = new Map(lines);
  return imageTargets(lines).map((t) => {
    const [column, endColumn] = imageRefRange(byLine.get(t.line) ?? '');
    return { ref: t.ref, line: t.line, column, endColumn };
  });
}

/** Each occurrence with its image's identity (the uri alone when it could not be read). */
export function placeImages(refs: readonly { ref: string; line: number; column: number; endColumn: number }[], ids: readonly ImageIdentity[]): ImageAt[] {
  const byUri = new Map(ids.map((i) => [i.uri, i]));
  return refs.map((r) => ({ ...(byUri.get(r.ref) ?? { uri: r.ref }), uri: r.ref, line: r.line, column: r.column, endColumn: r.endColumn }));
}

/** Warnings on both manifests, one pair per shared validation image ref (its first line), in validation line order. */
export function sharedImageWarnings(validation: ManifestImages, training: ManifestImages, threshold: number): { validation: SharedImageWarning[]; training: SharedImageWarning[] } {
  const first = (images: readonly ImageAt[]): Map<string, ImageAt> => {
    const m = new Map<string, ImageAt>();
    for (const i of images) if (!m.has(i.uri)) m.set(i.uri, i);
    return m;
  };
  const valid = first(validation.images);
  const train = first(training.images);
  const pairs = findLeakedPairs([...valid.values()].map((i) => ({ ...i, id: i.uri })), [...train.values()], threshold);
  const at = (m: ManifestImages, i: ImageAt): string => `${m.path}:${i.line + 1}:${i.column + 1}`;
  const warning = (i: ImageAt, other: ManifestImages, o: ImageAt, message: string, relatedMessage: string): SharedImageWarning => ({
    line: i.line, column: i.column, endLine: i.line, endColumn: i.endColumn, severity: 'warning', code: 'image-shared', message, ref: i.uri,
    related: { line: o.line, column: o.column, endLine: o.line, endColumn: o.endColumn, ref: o.uri, ...(other.file !== undefined ? { file: other.file } : {}), message: relatedMessage },
  });
  const out = { validation: [] as SharedImageWarning[], training: [] as SharedImageWarning[] };
  for (const p of pairs) {
    const v = valid.get(p.testUri) as ImageAt;
    const t = train.get(p.trainUri) as ImageAt;
    const how = p.kind === 'exact' ? 'the same image (same content)' : `a near duplicate (perceptual hash distance ${p.distance} of 64, at most ${threshold})`;
    const why = 'validation scores would count an image the model trained on';
    const short = p.kind === 'exact' ? 'the same image' : `a near duplicate (distance ${p.distance})`;
    out.validation.push(warning(v, training, t, `${at(validation, v)} is ${how} as training ${at(training, t)} (${t.uri}): ${why}`, `training ${at(training, t)}: ${short}`));
    out.training.push(warning(t, validation, v, `${at(training, t)} is ${how} as validation ${at(validation, v)} (${v.uri}): ${why}`, `validation ${at(validation, v)}: ${short}`));
  }
  return out;
}

/** The validation side only (what `bedrock-mm validate --deep` prints). */
export function sharedImageDiagnostics(validation: ManifestImages, training: ManifestImages, threshold: number): ManifestDiagnostic[] {
  return sharedImageWarnings(validation, training, threshold).validation;
}

/** A manifest's current lines (the editor's IncrementalManifest). */
export interface LinesView { linesOf(ref: string): number[]; lineText(line: number): string | undefined }

/**
 * The warnings on the lines that hold their refs now, after edits since the check (the same line when it still holds
 * the ref, else the first that does); a warning whose ref is gone is dropped. `there`, the other manifest when it is
 * open, moves the linked line the same way.
 */
export function placeSharedWarnings(warnings: readonly SharedImageWarning[], here: LinesView, there?: LinesView): SharedImageWarning[] {
  const place = (view: LinesView, ref: string, line: number): { line: number; column: number; endLine: number; endColumn: number } | undefined => {
    const lines = view.linesOf(ref);
    const now = lines.includes(line) ? line : lines[0];
    if (now === undefined) return undefined;
    const [column, endColumn] = imageRefRange(view.lineText(now) ?? '');
    return { line: now, column, endLine: now, endColumn };
  };
  const out: SharedImageWarning[] = [];
  for (const w of warnings) {
    const at = place(here, w.ref, w.line);
    if (!at) continue;
    const linked = there ? place(there, w.related.ref, w.related.line) : undefined;
    out.push({ ...w, ...at, related: { ...w.related, ...(linked ?? {}) } });
  }
  return out;
}
