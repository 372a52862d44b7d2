// Thumbnails: only URIs the host made from its local cache (never a remote URL), or a placeholder naming why there
// is none (the reason is text, set as text). The report opens before its thumbnails are made: an id the host still
// works on shows a "loading" placeholder, which `addThumbs` replaces in place when the host's `thumbnails` message
// brings it (wherever it is: the gallery, a table, the open map tooltip).
import { h } from '../dom';

export interface Thumbs {
  /** Item id -> webview URI (or data: URI in a snapshot) of its small cached thumbnail. */
  readonly uris: Map<string, string>;
  /** Item id -> why it has no thumbnail. */
  readonly problems: Map<string, string>;
  /** Item ids whose thumbnail the host is still making. */
  readonly pending: Set<string>;
  /** Loading placeholders shown for pending ids, to replace on arrival. */
  readonly waiting: Map<string, { el: HTMLElement; size: number }[]>;
}

export function makeThumbs(uris: Record<string, string> | undefined, problems: Record<string, string> | undefined, pending: readonly string[] = []): Thumbs {
  return { uris: new Map(Object.entries(uris ?? {})), problems: new Map(Object.entries(problems ?? {})), pending: new Set(pending), waiting: new Map() };
}

/** More thumbnails from the host; `done`: nothing more will come, pending ids left have none. */
export function addThumbs(thumbs: Thumbs, uris: Record<string, string>, problems: Record<string, string>, done: boolean): void {
  for (const [id, uri] of Object.entries(uris)) { thumbs.uris.set(id, uri); thumbs.pending.delete(id); }
  for (const [id, why] of Object.entries(problems)) { thumbs.problems.set(id, why); thumbs.pending.delete(id); }
  if (done) thumbs.pending.clear();
  for (const [id, list] of thumbs.waiting) {
    if (thumbs.pending.has(id)) continue;
    thumbs.waiting.delete(id);
    for (const { el, size } of list) el.replaceWith(thumb(thumbs, id, size) ?? h('span', { class: 'thumb placeholder', title: 'No thumbnail' }, '\u2205'));
  }
}

/** The thumbnail, a placeholder with the reason when the host gave one, a loading one, or nothing (an item never looked up). */
export function thumb(thumbs: Thumbs, id: string | undefined, size = 48): HTMLElement | null {
  if (id === undefined) return null;
  const src = thumbs.uris.get(id);
  if (src) return h('img', { class: 'thumb', attrs: { src, alt: id, loading: 'lazy', width: String(size), height: String(size) } });
  const problem = thumbs.problems.get(id);
  if (problem !== undefined) return h('span', { class: 'thumb placeholder', title: problem, attrs: { role: 'img', 'aria-label': `No thumbnail: ${problem}`, 'data-problem': problem } }, '\u2205');
  if (!thumbs.pending.has(id)) return null;
  const el = h('span', { class: 'thumb placeholder loading', title: 'Thumbnail being made', attrs: { role: 'img', 'aria-label': 'Thumbnail being made', 'data-thumb-pending': id } }, '\u2026');
  const list = thumbs.waiting.get(id);
  if (list) list.push({ el, size }); else thumbs.waiting.set(id, [{ el, size }]);
  return el;
}
