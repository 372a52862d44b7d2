// The one HTML/XML text escaper: the webview pages (vscode/webview/page.ts) and the loss chart's SVG both use it,
// so there is a single rule for what user or AWS text may contain once it is inside markup.

/** Escapes text for an HTML/SVG text node or a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
