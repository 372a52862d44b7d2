import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateManifest, type ManifestDiagnostic } from '../../../src/core/manifest';

const GOOD = '{"image-ref": "s3://asl-data/train/A/A1.jpg", "caption": "The letter A in sign language"}';

function only(text: string | Uint8Array, code: string, options = {}): ManifestDiagnostic {
  const found = validateManifest(text, options).diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(validateManifest(text, options).diagnostics)}`);
  return found[0] as ManifestDiagnostic;
}

function codes(text: string | Uint8Array, options = {}): string[] {
  return validateManifest(text, options).diagnostics.map((d) => d.code);
}

describe('manifest line rules: one test per code', () => {
  it('a good line has no diagnostics', () => {
    assert.deepEqual(codes(`${GOOD}\n`), []);
  });

  it('json-syntax: at the column of the error, trailing comma has a fix', () => {
    const d = only('{"image-ref": "s3://asl-data/a.png", "caption": "x",}', 'json-syntax');
    assert.equal(d.line, 0);
    assert.equal(d.column, 51);
    assert.equal(d.endColumn, 52);
    assert.equal(d.severity, 'error');
    assert.equal(d.fix?.edits[0]?.column, 51);
    const missingColon = only('{"image-ref" "s3://a/b.png"}', 'json-syntax');
    assert.equal(missingColon.column, 13);
    assert.match(missingColon.message, /':'/);
  });

  it('not-object', () => {
    const d = only('["s3://asl-data/a.png", "x"]', 'not-object');
    assert.deepEqual([d.column, d.endColumn], [0, 28]);
  });

  it('missing-image-ref and missing-caption, unknown-key with a rename fix', () => {
    const text = '{"image_ref": "s3://asl-data/a.png", "text": "x"}';
    assert.deepEqual(codes(text).sort(), ['missing-caption', 'missing-image-ref', 'unknown-key', 'unknown-key']);
    const unknown = validateManifest(text).diagnostics.filter((d) => d.code === 'unknown-key');
    assert.equal(unknown[0]?.column, 1);
    assert.equal(unknown[0]?.endColumn, 12);
    assert.equal(unknown[0]?.severity, 'warning');
    assert.equal(unknown[0]?.fix?.edits[0]?.newText, '"image-ref"');
    assert.equal(unknown[1]?.fix?.edits[0]?.newText, '"caption"');
    for (const near of ['imageRef', 'image', 'label']) {
      assert.ok(only(`{"${near}": "x", "image-ref": "s3://asl-data/a.png", "caption": "c"}`, 'unknown-key').message.includes(near));
    }
  });

  it('image-ref-type and caption-type at the value', () => {
    const d = only('{"image-ref": 42, "caption": "x"}', 'image-ref-type');
    assert.deepEqual([d.column, d.endColumn], [14, 16]);
    const c = only('{"image-ref": "s3://asl-data/a.png", "caption": ["x"]}', 'caption-type');
    assert.deepEqual([c.column, c.endColumn], [48, 53]);
  });

  it('s3-uri: form, bucket rules, local path with a fix under the prefix', () => {
    for (const bad of ['http://x/a.png', 's3://ab/a.png', 's3://Bad_Bucket/a.png', 's3://a..b/a.png', 's3://192.168.1.1/a.png',
      's3://xn--abc/a.png', 's3://bucket-s3alias/a.png', 's3://bucket/', 'S3://bucket/a.png', ' s3://bucket/a.png']) {
      only(`{"image-ref": ${JSON.stringify(bad)}, "caption": "x"}`, 's3-uri');
    }
    const d = only('{"image-ref": "./images/A/A1.jpg", "caption": "x"}', 's3-uri', { s3Prefix: 's3://asl-data/v1/' });
    assert.equal(d.fix?.edits[0]?.newText, '"s3://asl-data/v1/images/A/A1.jpg"');
    assert.deepEqual([d.column, d.endColumn], [14, 33]);
  });

  it('image-extension is a warning', () => {
    const d = only('{"image-ref": "s3://asl-data/a.gif", "caption": "x"}', 'image-extension');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(codes('{"image-ref": "s3://asl-data/a.JPEG", "caption": "x"}'), []);
  });

  it('caption-too-long (> 2,560 characters) with a trim fix; caption-tokens is an estimate', () => {
    const long = 'a'.repeat(2561);
    const d = only(`{"image-ref": "s3://asl-data/a.png", "caption": "${long}"}`, 'caption-too-long');
    assert.equal(d.severity, 'error');
    assert.equal(d.fix?.edits[0]?.newText, JSON.stringify('a'.repeat(2560)));
    assert.deepEqual(codes(`{"image-ref": "s3://asl-data/a.png", "caption": "${'a'.repeat(2560)}"}`), ['caption-tokens']);
    const t = only(`{"image-ref": "s3://asl-data/a.png", "caption": "${'word '.repeat(130)}"}`, 'caption-tokens');
    assert.equal(t.severity, 'warning');
    assert.match(t.message, /estimate/);
    assert.deepEqual(codes(`{"image-ref": "s3://asl-data/a.png", "caption": "${'a'.repeat(601)}"}`), []);
  });

  it('empty-caption, blank-line, bom, encoding', () => {
    assert.equal(only('{"image-ref": "s3://asl-data/a.png", "caption": "  "}', 'empty-caption').severity, 'warning');
    const blank = only(`${GOOD}\n   \n${GOOD.replace('A1', 'A2')}\n`, 'blank-line');
    assert.equal(blank.line, 1);
    assert.equal(blank.fix?.edits[0]?.endLine, 2);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${GOOD}\n`)]);
    assert.deepEqual(codes(bom), ['bom']);
    assert.deepEqual(codes(`\ufeff${GOOD}`), ['bom']);
    const bytes = new TextEncoder().encode(`${GOOD}\n{"image-ref": "s3://asl-data/é.png", "caption": "x"}\n`);
    const bad = Uint8Array.from(bytes);
    const at = bad.indexOf(0xc3);
    bad[at] = 0xff;
    const enc = only(bad, 'encoding');
    assert.deepEqual([enc.line, enc.column, enc.severity], [1, 29, 'error']);
  });

  it('duplicate-key is a warning', () => {
    only('{"image-ref": "s3://asl-data/a.png", "caption": "x", "caption": "y"}', 'duplicate-key');
  });
});

describe('manifest file rules', () => {
  it('duplicate-image names the related line and offers deleting the line', () => {
    const text = `${GOOD}\n{"image-ref": "s3://asl-data/b.png", "caption": "b"}\n${GOOD}\n`;
    const d = only(text, 'duplicate-image');
    assert.equal(d.line, 2);
    assert.equal(d.related?.line, 0);
    assert.match(d.message, /line 1/);
    assert.deepEqual(d.fix?.edits[0], { line: 2, column: 0, endLine: 3, endColumn: 0, newText: '' });
  });

  it('conflicting-caption: same image, another caption', () => {
    const d = only(`${GOOD}\n${GOOD.replace('The letter A', 'The letter B')}`, 'conflicting-caption');
    assert.equal(d.line, 1);
    assert.equal(d.related?.line, 0);
  });

  it('record-count by role', () => {
    const lines = (n: number): string => Array.from({ length: n }, (_, i) => `{"image-ref": "s3://asl-data/${i}.png", "caption": "c"}`).join('\n');
    assert.equal(only(lines(7), 'record-count', { role: 'validation' }).severity, 'error');
    assert.deepEqual(codes(lines(8), { role: 'validation' }), []);
    only(lines(999), 'record-count', { role: 'training' });
    assert.deepEqual(codes(lines(1000), { role: 'training' }), []);
    assert.deepEqual(codes(lines(7)), []);
  });

  it('caps diagnostics but counts them all', () => {
    const r = validateManifest(Array.from({ length: 50 }, () => '{').join('\n'), { maxDiagnostics: 10 });
    assert.equal(r.diagnostics.length, 10);
    assert.equal(r.errors, 50);
    assert.equal(r.truncated, true);
  });
});
