// Images a validation manifest shares with its training manifest, exact or near: the comparison's leakage rule
// (core/eval/leakage.ts, same threshold and 256-bit confirmation) turned into warnings on the validation lines, each
// naming the training line it repeats. A validation image seen in training makes the validation loss look better.
import { findLeakedPairs, type ImageIdentity } from '../eval/leakage';
import type { ManifestDiagnostic } from './types';

/** One image-ref occurrence (0-based line, value columns) with what is known of its image. */
export interface ImageAt extends ImageIdentity { line: number; column: number; endColumn: number }

export interface ManifestImages { path: string; images: readonly ImageAt[] }

/** Warnings on the validation manifest's lines, one per shared image ref (its first line), in line order. */
export function sharedImageDiagnostics(validation: ManifestImages, training: ManifestImages, threshold: number): ManifestDiagnostic[] {
  const first = (images: readonly ImageAt[]): Map<string, ImageAt> => {
    const m = new Map<string, ImageAt>();
    for (const i of images) if (!m.has(i.uri)) m.set(i.uri, i);
    return m;
  };
  const valid = first(validation.images);
  const train = first(training.images);
  const pairs = findLeakedPairs([...valid.values()].map((i) => ({ ...i, id: i.uri })), [...train.values()], threshold);
  return pairs.map((p) => {
    const v = valid.get(p.testUri) as ImageAt;
    const t = train.get(p.trainUri) as ImageAt;
    const how = p.kind === 'exact' ? 'the same image (same content)' : `a near duplicate (perceptual hash distance ${p.distance} of 64, at most ${threshold})`;
    return {
      line: v.line, column: v.column, endLine: v.line, endColumn: v.endColumn, severity: 'warning' as const, code: 'image-shared' as const,
      message: `${validation.path}:${v.line + 1}:${v.column + 1} is ${how} as training ${training.path}:${t.line + 1}:${t.column + 1} (${t.uri}): validation scores would count an image the model trained on`,
    };
  });
}
