// Thumbnails: only URIs the host made from its local cache (never a remote URL), or a placeholder naming why there
// is none (the reason is text, set as text).
import { h } from '../dom';

export interface Thumbs {
  /** Item id -> webview URI (or data: URI in a snapshot) of its small cached thumbnail. */
  readonly uris: ReadonlyMap<string, string>;
  /** Item id -> why it has no thumbnail. */
  readonly problems: ReadonlyMap<string, string>;
}

export function makeThumbs(uris: Record<string, string> | undefined, problems: Record<string, string> | undefined): Thumbs {
  return { uris: new Map(Object.entries(uris ?? {})), problems: new Map(Object.entries(problems ?? {})) };
}

/** The thumbnail, a placeholder with the reason when the host gave one, or nothing (an item never looked up). */
export function thumb(thumbs: Thumbs, id: string | undefined, size = 48): HTMLElement | null {
  if (id === undefined) return null;
  const src = thumbs.uris.get(id);
  if (src) return h('img', { class: 'thumb', attrs: { src, alt: id, loading: 'lazy', width: String(size), height: String(size) } });
  const problem = thumbs.problems.get(id);
  if (problem === undefined) return null;
  return h('span', { class: 'thumb placeholder', title: problem, attrs: { role: 'img', 'aria-label': `No thumbnail: ${problem}`, 'data-problem': problem } }, '\u2205');
}
