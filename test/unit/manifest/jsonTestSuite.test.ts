// The JSON parsing test suite ("Parsing JSON is a Minefield", MIT, test/fixtures/json-test-suite/LICENSE): each file
// is used as one line of a manifest between two good lines. n_ files must give json-syntax at their own line (or
// `encoding` where what makes them invalid is bad UTF-8), y_ files must give no json-syntax, nothing may throw.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { validateManifest } from '../../../src/core/manifest';

const dir = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'json-test-suite', 'test_parsing');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const enc = new TextEncoder();
const GOOD = enc.encode('{"image-ref": "s3://asl-data/a.png", "caption": "x"}\n');
const GOOD2 = enc.encode('{"image-ref": "s3://asl-data/b.png", "caption": "y"}\n');

function manifestAround(content: Uint8Array): Uint8Array {
  const out = new Uint8Array(GOOD.length + content.length + 1 + GOOD2.length);
  out.set(GOOD, 0);
  out.set(content, GOOD.length);
  out[GOOD.length + content.length] = 0x0a;
  out.set(GOOD2, GOOD.length + content.length + 1);
  return out;
}

function newlines(b: Uint8Array): number {
  let n = 0;
  for (const x of b) if (x === 0x0a) n++;
  return n;
}

describe('JSON parsing test suite as manifest lines', () => {
  it('has the corpus (318 files)', () => {
    assert.equal(files.length, 318);
  });

  it('every n_ file yields json-syntax (or encoding) on its own line(s); nothing throws', () => {
    const checked: string[] = [];
    for (const f of files.filter((x) => x.startsWith('n_'))) {
      const content = readFileSync(join(dir, f));
      // A file with line breaks inside spans several manifest lines: the problem must be found within them.
      const span = newlines(content);
      const report = validateManifest(manifestAround(content));
      // A whitespace-only line is not JSON either; the manifest rules name it `blank-line` (n_single_space, n_structure_no_data).
      const expected = content.every((b) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a) ? ['blank-line'] : ['json-syntax', 'encoding'];
      const hits = report.diagnostics.filter((d) => expected.includes(d.code) && d.line >= 1 && d.line <= 1 + span);
      assert.ok(hits.length > 0, `${f}: expected json-syntax at line 2..${2 + span}, got ${JSON.stringify(report.diagnostics.map((d) => [d.line, d.code]))}`);
      assert.ok(!report.diagnostics.some((d) => d.code === 'json-syntax' && (d.line === 0 || d.line === 2 + span)), `${f}: the good lines stay good`);
      checked.push(f);
    }
    assert.ok(checked.length >= 180, `checked ${checked.length} n_ files`);
  });

  it('every y_ file yields no json-syntax (line breaks inside are JSON whitespace: joined with spaces)', () => {
    for (const f of files.filter((x) => x.startsWith('y_'))) {
      const raw = readFileSync(join(dir, f));
      const content = raw.map((b) => (b === 0x0a ? 0x20 : b));
      const report = validateManifest(manifestAround(content));
      const syntax = report.diagnostics.filter((d) => d.code === 'json-syntax');
      assert.deepEqual(syntax, [], `${f}`);
    }
  });

  it('i_ (implementation-defined) files never throw', () => {
    for (const f of files.filter((x) => x.startsWith('i_'))) {
      validateManifest(manifestAround(readFileSync(join(dir, f))));
    }
  });

  it('syntax error columns point into the line: a few known ones', () => {
    const at = (line: string): number | undefined => validateManifest(line).diagnostics.find((d) => d.code === 'json-syntax')?.column;
    assert.equal(at('[1,]'), 2);
    assert.equal(at('{"a" 1}'), 5);
    assert.equal(at('{"a": tru}'), 6);
    assert.equal(at('{"a": "x\u0001"}'), 8);
    assert.equal(at('{"a": 1} x'), 9);
  });
});
