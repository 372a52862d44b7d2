// Fuzzing the validator: it must never throw, and its time must grow linearly with the input (checked by growth
// ratios between sizes measured in the same run, never by absolute times).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IncrementalManifest, validateManifest } from '../../../src/core/manifest';

const lineArb = fc.oneof(
  fc.json(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('{"image-ref": "s3://asl-data/a.png", "caption": "x"}', '{"image-ref": "s3://asl-data/a.png", "caption": "x",}', '\u0000', '\r', '\ud800', '{"caption": "\udc00"}', '{"image-ref": "s3://a/\ud83d"}'),
  fc.record({ 'image-ref': fc.oneof(fc.string(), fc.integer()), caption: fc.oneof(fc.string(), fc.constant(null)) }).map((o) => JSON.stringify(o)),
);

describe('validator fuzz', () => {
  it('never throws on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => { validateManifest(bytes, { role: 'training' }); }), { numRuns: 500 });
  });

  it('never throws on random JSON, strings, NUL, CRLF, lone surrogates, and incremental edits agree with batch', () => {
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const text = lines.join(eol);
      const batch = validateManifest(text, { role: 'validation' });
      const inc = new IncrementalManifest(text, { role: 'validation' });
      assert.deepEqual(inc.diagnostics().map((d) => `${d.line}:${d.code}`), batch.diagnostics.map((d) => `${d.line}:${d.code}`));
    }), { numRuns: 300 });
  });

  it('a 10 MB line and deeply nested lines do not throw', () => {
    const caption = 'x'.repeat(10 * 1024 * 1024);
    const r = validateManifest(`{"image-ref": "s3://asl-data/a.png", "caption": "${caption}"}\n${'['.repeat(100_000)}\n${'{"a":'.repeat(50_000)}`);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['caption-too-long', 'json-syntax', 'json-syntax']);
    const huge = validateManifest(`{"image-ref": "s3://asl-data/a.png", "caption": "${caption}`); // unterminated
    assert.equal(huge.diagnostics[0]?.code, 'json-syntax');
  });

  it('time grows linearly: lines and line length', () => {
    const timeOf = (text: string): number => {
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        validateManifest(text);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    // Every 11th line repeats the image of the line before it: repeats are read back at the end, once.
    const mixed = (n: number): string => Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `{"image-ref": "s3://asl-data/${i}.gif", "caption": "",}` : `{"image-ref": "s3://asl-data/${i % 11 === 0 ? i - 1 : i}.png", "caption": "c ${i}"}`)).join('\n');
    const small = timeOf(mixed(20_000));
    const big = timeOf(mixed(80_000));
    assert.ok(big / small < 4 * 2.5, `4x the lines took ${(big / small).toFixed(1)}x the time`);
    const line = (n: number): string => `{"image-ref": "s3://asl-data/a.png", "caption": "${'y'.repeat(n)}",}`;
    const shortLine = timeOf(line(500_000));
    const longLine = timeOf(line(2_000_000));
    assert.ok(longLine / shortLine < 4 * 2.5, `a 4x longer line took ${(longLine / shortLine).toFixed(1)}x the time`);
  });
});
