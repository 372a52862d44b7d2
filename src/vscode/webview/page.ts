// The pure half of the one webview HTML helper: the Content-Security-Policy and the page skeleton, shared by the
// live report panel (resources from the extension through webview URIs), the exported HTML snapshot (everything
// inlined) and the job details page (no script at all). No vscode import, so it is unit-tested in plain Node.
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../core/markup';

export { escapeHtml };

/** A fresh nonce per page load: 128 random bits, base64 (CSP accepts base64 nonces). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface CspOptions {
  /** `webview.cspSource` for a live panel; omit for a snapshot (then styles and scripts must carry the nonce). */
  cspSource?: string;
  nonce: string;
  /** Extra image sources (a snapshot embeds thumbnails as `data:` URIs). */
  imgExtra?: string[];
  /** false for a page without any script (job details): `script-src 'none'`. */
  scripts?: boolean;
}

/**
 * `default-src 'none'` and only what the report needs: scripts by nonce only, styles and images from the
 * webview's own resource origin. No remote origin, no `unsafe-eval`, no `unsafe-inline` scripts.
 */
export function buildCsp(o: CspOptions): string {
  const own = o.cspSource ? [o.cspSource] : [];
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', o.scripts === false ? [] : [`'nonce-${o.nonce}'`]],
    ['style-src', [...own, `'nonce-${o.nonce}'`]],
    ['img-src', [...own, ...(o.imgExtra ?? [])]],
    ['font-src', own],
  ];
  return directives
    .map(([name, sources]) => `${name} ${sources.length > 0 ? sources.join(' ') : "'none'"}`)
    .join('; ');
}

/** Makes text safe inside an inline <script> or <style> element (which ends at the first `</`). */
export function escapeInline(code: string): string {
  return code.replace(/<\/(script|style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export interface PageOptions {
  title: string;
  csp: string;
  nonce: string;
  /** Either URIs of the built bundle (live panel) or its text (snapshot). */
  script: { uri: string } | { inline: string };
  style: { uri: string } | { inline: string };
  /** JSON placed in a non-executed <script type="application/json" id="bmc-data"> (the snapshot's report). */
  data?: unknown;
}

/** The document skeleton every page shares: its CSP meta first in <head>, the escaped title, then the given parts. */
export function htmlDocument(o: { title: string; csp: string; head: string[]; body: string[] }): string {
  // The attribute is double-quoted, so the CSP's single-quoted keywords ('none', 'nonce-...') may stay as written.
  const csp = escapeHtml(o.csp).replace(/&#39;/g, "'");
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(o.title)}</title>`,
    ...o.head,
    '</head>',
    '<body>',
    ...o.body,
    '</body>',
    '</html>',
  ].join('\n');
}

/** An inline <style> under the page's nonce (pages without a built stylesheet). */
export function inlineStyle(nonce: string, css: string): string {
  return `<style nonce="${escapeHtml(nonce)}">${escapeInline(css)}</style>`;
}

export function buildPage(o: PageOptions): string {
  const n = escapeHtml(o.nonce);
  const style = 'uri' in o.style
    ? `<link rel="stylesheet" nonce="${n}" href="${escapeHtml(o.style.uri)}">`
    : inlineStyle(o.nonce, o.style.inline);
  const script = 'uri' in o.script
    ? `<script nonce="${n}" src="${escapeHtml(o.script.uri)}"></script>`
    : `<script nonce="${n}">${escapeInline(o.script.inline)}</script>`;
  // JSON.stringify never emits a raw `<`-sequence that could close the element once `<` is escaped.
  const data = o.data === undefined ? '' :
    `<script type="application/json" id="bmc-data" nonce="${n}">${JSON.stringify(o.data).replace(/</g, '\\u003c')}</script>`;
  return htmlDocument({
    title: o.title,
    csp: o.csp,
    head: [style],
    body: ['<main id="root" aria-live="polite">Loading report...</main>', data, script],
  });
}
