// What the retrieval gallery and the separation table show, as pure data (no DOM), unit-tested in plain Node.
import type { ClassSeparation, Separation } from '../../../src/protocol/report';
import { isHit, type QueryRow } from './tables';

/** The models' top-1 outcomes differ (one hits, another misses). */
export function modelsDisagree(row: QueryRow): boolean {
  const outcomes = new Set([...row.byModel.values()].map((q) => isHit(q)));
  return outcomes.size > 1;
}

export interface GalleryFilter { missesOf?: string; label?: string; disagree?: boolean }

export function filterGallery(rows: readonly QueryRow[], f: GalleryFilter): QueryRow[] {
  return rows.filter((r) => (!f.label || r.label === f.label)
    && (!f.missesOf || isHit(r.byModel.get(f.missesOf)) === false)
    && (!f.disagree || modelsDisagree(r)));
}

export interface ClassChange { label: string; model: ClassSeparation; baseline: ClassSeparation | undefined; difference: number | undefined; worsened: boolean }

/** Per-class silhouette against the baseline: classes whose separation got worse first (most worsened first), then the rest by label. */
export function classChanges(model: Separation, baseline: Separation | undefined): ClassChange[] {
  const base = new Map((baseline?.perClass ?? []).map((c) => [c.label, c]));
  const worse = new Set(model.vsBaseline?.worsenedClasses ?? []);
  const rows = model.perClass.map((c) => {
    const b = base.get(c.label);
    const difference = b ? c.silhouette - b.silhouette : undefined;
    return { label: c.label, model: c, baseline: b, difference, worsened: worse.has(c.label) || (difference !== undefined && difference < 0) };
  });
  return rows.sort((a, b) => (a.worsened === b.worsened
    ? (a.worsened ? (a.difference ?? 0) - (b.difference ?? 0) : a.label.localeCompare(b.label, undefined, { numeric: true }))
    : a.worsened ? -1 : 1));
}
