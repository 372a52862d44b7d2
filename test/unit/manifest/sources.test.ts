import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { s3ImageSource, type S3ObjectReader } from '../../../src/core/image/s3Source';
import { hashString, RepeatFinder } from '../../../src/core/manifest/repeats';
import { validateManifest } from '../../../src/core/manifest';

describe('S3 image source over the AWS layer', () => {
  it('maps a ranged read, 304, notFound, accessDenied and 416 to outcomes', async () => {
    const calls: string[] = [];
    const reader: S3ObjectReader = {
      async getRangeWithInfo(bucket, key, start, end, etag) {
        calls.push(`${bucket}/${key} ${start}-${end} ${etag ?? ''}`);
        if (key === 'same.png') return undefined;
        if (key === 'gone.png') throw Object.assign(new Error('not found'), { kind: 'notFound' });
        if (key === 'secret.png') throw Object.assign(new Error('AccessDenied: s3:GetObject'), { kind: 'accessDenied' });
        if (key === 'empty.png') throw Object.assign(new Error('range'), { kind: 'validation', details: { httpStatus: 416 } });
        return { bytes: new Uint8Array([1, 2, 3]), size: 99, etag: '"e1"' };
      },
    };
    const source = s3ImageSource(reader);
    assert.deepEqual(await source.read('s3://b/a.png', 65536), { kind: 'ok', bytes: new Uint8Array([1, 2, 3]), size: 99, etag: '"e1"' });
    assert.equal(calls[0], 'b/a.png 0-65535 ');
    assert.deepEqual(await source.read('s3://b/same.png', 10, '"e1"'), { kind: 'not-modified' });
    assert.equal((await source.read('s3://b/gone.png', 10)).kind, 'missing');
    assert.equal((await source.read('s3://b/secret.png', 10)).kind, 'denied');
    assert.deepEqual(await source.read('s3://b/empty.png', 10), { kind: 'ok', bytes: new Uint8Array(0), size: 0 });
    assert.equal((await source.read('not-s3', 10)).kind, 'error');
  });
});

describe('ref repeat finder', () => {
  it('groups the lines of equal hashes in line order, grows, and the batch confirms repeats by the real strings', () => {
    const t = new RepeatFinder();
    for (let i = 0; i < 100_000; i++) t.add(hashString(`s3://b/${i}.png`), i, i * 10);
    t.add(hashString('s3://b/77.png'), 100_000, 7);
    t.add(12345, 100_001, 8);
    t.add(12345, 100_002, 9); // a forced collision is only a candidate...
    t.add(hashString('s3://b/77.png'), 100_003, 10);
    const places = t.groups().map((g) => g.map((p) => [p.line, p.offset]));
    assert.deepEqual(places.sort((a, b) => (a[0]?.[0] ?? 0) - (b[0]?.[0] ?? 0)), [[[77, 770], [100_000, 7], [100_003, 10]], [[100_001, 8], [100_002, 9]]]);
    const lines = Array.from({ length: 30 }, (_, i) => `{"image-ref": "s3://asl-data/${i % 10}.png", "caption": "c"}`);
    const report = validateManifest(lines.join('\n'));
    assert.equal(report.diagnostics.filter((d) => d.code === 'duplicate-image').length, 20); // ...the strings decide
    assert.equal(report.diagnostics.find((d) => d.line === 25)?.related?.line, 5);
  });
});

describe('ref repeat finder across parts', () => {
  it('takes over the first part, then appends later parts with their lines moved down', () => {
    const first = new RepeatFinder();
    const later = new RepeatFinder();
    const empty = new RepeatFinder();
    first.add(hashString('s3://b/a.png'), 0, 0);
    later.add(hashString('s3://b/a.png'), 1, 40);
    const joined = new RepeatFinder();
    joined.append(empty.entries(), 0); // an empty first part must not leave a zero-size array behind
    joined.append(first.entries(), 0);
    joined.append(later.entries(), 10);
    joined.add(hashString('s3://b/a.png'), 20, 99);
    assert.deepEqual(joined.groups(), [[{ line: 0, offset: 0 }, { line: 11, offset: 40 }, { line: 20, offset: 99 }]]);
  });
});
