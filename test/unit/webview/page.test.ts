import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildCsp, buildPage, escapeHtml, makeNonce } from '../../../src/vscode/webview/page';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...rest]) => [name ?? '', rest]));
}

test('csp: default-src none, scripts by nonce only, styles and images from cspSource only', () => {
  const d = directives(buildCsp({ cspSource: SOURCE, nonce: 'abc123' }));
  assert.deepEqual(d.get('default-src'), ["'none'"]);
  assert.deepEqual(d.get('script-src'), ["'nonce-abc123'"]);
  assert.deepEqual(d.get('style-src'), [SOURCE, "'nonce-abc123'"]);
  assert.deepEqual(d.get('img-src'), [SOURCE]);
  for (const sources of d.values()) {
    for (const s of sources) assert.ok(!/unsafe|^https?:\/\/(?!file\+)|\*/.test(s), `no unsafe or remote source: ${s}`);
  }
});

test('csp: a snapshot (no cspSource) allows only nonce resources and data: images', () => {
  const d = directives(buildCsp({ nonce: 'n', imgExtra: ['data:'] }));
  assert.deepEqual(d.get('style-src'), ["'nonce-n'"]);
  assert.deepEqual(d.get('img-src'), ['data:']);
  assert.deepEqual(d.get('font-src'), ["'none'"]);
});

test('csp: nonces are fresh, 128-bit base64', () => {
  const a = makeNonce();
  assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
  assert.notEqual(a, makeNonce());
});

test('page: script and style carry the nonce; inline content cannot close its element', () => {
  const html = buildPage({
    title: '<b>t</b>', csp: buildCsp({ nonce: 'N' }), nonce: 'N',
    script: { inline: 'var s = "</script><script>alert(1)</script>";' }, style: { inline: 'a{}</style>' },
    data: { caption: '</script><img src=x onerror=alert(1)>' },
  });
  assert.equal((html.match(/<\/script>/gi) ?? []).length, 2, 'only the data block and the bundle end a script element');
  assert.ok(!html.includes('</script><script>alert'), 'inline script text is escaped');
  assert.ok(!html.includes('<img'), 'data JSON escapes <');
  assert.ok(html.includes('<title>&lt;b&gt;t&lt;/b&gt;</title>'));
  assert.match(html, /<script nonce="N">/);
  assert.match(html, /<style nonce="N">/);
  assert.equal(escapeHtml(`"'&`), '&quot;&#39;&amp;');
});
