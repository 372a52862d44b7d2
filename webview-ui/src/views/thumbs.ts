// Thumbnails: only webview URIs the host made from its local cache (never a remote URL). Missing -> no image.
import { h } from '../dom';

export type Thumbs = ReadonlyMap<string, string>;

export function thumb(thumbs: Thumbs, id: string | undefined): HTMLElement | null {
  const src = id === undefined ? undefined : thumbs.get(id);
  if (!src || id === undefined) return null;
  return h('img', { class: 'thumb', attrs: { src, alt: id, loading: 'lazy', width: '48', height: '48' } });
}
