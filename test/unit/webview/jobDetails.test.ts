// The job details page is built by the one webview HTML helper: its CSP is buildCsp's (no script at all) under a
// fresh nonce, and every value goes through page.ts's escapeHtml (no second escaper with other entities).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { jobDetailsHtml } from '../../../src/vscode/explorer/jobDetailsHtml';
import { buildCsp, escapeHtml } from '../../../src/vscode/webview/page';

const HOSTILE = `</pre><script>alert("x")</script>'&`;

function cspOf(html: string): string {
  const attr = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  return attr.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

test('job details page: its CSP is the helper\'s (scripts none, styles by nonce), and its text is escaped by the helper', () => {
  const html = jobDetailsHtml(HOSTILE, { jobName: HOSTILE }, { training: [], validation: [], problems: [HOSTILE] });
  const nonce = /<style nonce="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/, 'a fresh 128-bit nonce from makeNonce');
  assert.equal(cspOf(html), buildCsp({ nonce, scripts: false }));
  assert.match(cspOf(html), /^default-src 'none'; script-src 'none'; style-src 'nonce-[^']+'; img-src 'none'; font-src 'none'$/);
  assert.ok(!html.includes('<script'), 'no script element at all');
  assert.ok(html.includes(`<title>${escapeHtml(HOSTILE)}</title>`));
  assert.ok(html.includes(`<h2>${escapeHtml(HOSTILE)}</h2>`));
  assert.ok(html.includes(`<p class="problem">${escapeHtml(HOSTILE)}</p>`));
  assert.notEqual(jobDetailsHtml('j', {}, 'none').match(/nonce="([^"]+)"/)?.[1], nonce, 'a new nonce per render');
});
