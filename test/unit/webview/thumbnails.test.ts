// Thumbnails made for the report (src/vscode/compare/thumbnails.ts, src/core/image/thumbnail.ts) in plain Node: shrunk to at
// most 128 px, cached by S3 ETag with an index so a second report makes no S3 request, a reason for each failure,
// and local files read only inside the allowed folders.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Jimp } from 'jimp';
import { decodeImage } from '../../../src/core/image/decode';
import { shrink, thumbnailPng, thumbnailSize } from '../../../src/core/image/thumbnail';
import { ThumbnailCache, thumbnailRequests, type S3Reader } from '../../../src/vscode/compare/thumbnails';
import type { ComparisonReport } from '../../../src/protocol/report';

async function png(width: number, height: number): Promise<Uint8Array> {
  const img = new Jimp({ width, height, color: 0x3366ccff });
  return new Uint8Array(await img.getBuffer('image/png'));
}

class FakeS3 implements S3Reader {
  calls: string[] = [];
  constructor(private readonly objects: Map<string, Uint8Array>) {}
  getObjectUpTo(bucket: string, key: string, maxBytes: number): Promise<{ size: number; etag: string | undefined; bytes?: Uint8Array }> {
    this.calls.push(`GET ${key}`);
    const o = this.objects.get(`${bucket}/${key}`);
    if (!o) return Promise.reject(new Error('NoSuchKey'));
    return Promise.resolve({ size: o.length, etag: `"${key}-etag"`, ...(o.length <= maxBytes ? { bytes: o } : {}) });
  }
}

test('thumbnail: longest side 128 px, aspect kept, never upscaled; box filter averages', async () => {
  assert.deepEqual(thumbnailSize(416, 416), { width: 128, height: 128 });
  assert.deepEqual(thumbnailSize(1000, 500), { width: 128, height: 64 });
  assert.deepEqual(thumbnailSize(16, 16), { width: 16, height: 16 });
  const t = await decodeImage(thumbnailPng(await decodeImage(await png(416, 208))));
  assert.deepEqual([t.width, t.height], [128, 64]);
  // 2x2 -> 1x1: the mean of the four pixels.
  assert.deepEqual([...shrink(Uint8Array.from([0, 0, 0, 255, 100, 100, 100, 255, 200, 200, 200, 255, 100, 100, 100, 255]), 2, 2, 1, 1)], [100, 100, 100, 255]);
});

test('thumbnails from S3: made once, then a second cache over the same folder makes no S3 request', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thumbs-'));
  const objects = new Map([['b/a.png', await png(416, 416)], ['b/bad.png', Uint8Array.from([1, 2, 3, 4])]]);
  const requests = [{ key: 'a', source: 's3://b/a.png' }, { key: 'bad', source: 's3://b/bad.png' }, { key: 'gone', source: 's3://b/gone.png' }];
  const s3 = new FakeS3(objects);
  const first = await new ThumbnailCache(dir).resolve(requests, [], [], () => Promise.resolve(s3));
  const a = first.get('a');
  assert.ok(a && 'file' in a, 'a thumbnail file');
  const decoded = await decodeImage(new Uint8Array(await Jimp.read(a.file).then((j) => j.getBuffer('image/png'))));
  assert.equal(Math.max(decoded.width, decoded.height), 128);
  const bad = first.get('bad');
  assert.ok(bad && 'problem' in bad && /Not a readable image|Not PNG or JPEG/.test(bad.problem), `bad image says why: ${JSON.stringify(bad)}`);
  const gone = first.get('gone');
  assert.ok(gone && 'problem' in gone && /Could not read s3:\/\/b\/gone\.png: NoSuchKey/.test(gone.problem));
  assert.deepEqual(s3.calls.sort(), ['GET a.png', 'GET bad.png', 'GET gone.png'], 'one GET per object, no HEAD');

  const known = await new ThumbnailCache(dir).known(requests);
  assert.deepEqual([...known.keys()], ['a', 'bad'], 'what an opening report shows at once: the cached outcomes, not the failed read');
  const heard = new Map<string, unknown>();
  const third = await new ThumbnailCache(mkdtempSync(join(tmpdir(), 'thumbs-'))).resolve(requests, [], [], () => Promise.resolve(new FakeS3(objects)), (k, o) => heard.set(k, o));
  assert.deepEqual(new Map([...heard].sort()), new Map([...third].sort()), 'each outcome is heard as it is known, the same as the answer');

  const again = new FakeS3(objects);
  const second = new ThumbnailCache(dir);
  const out = await second.resolve(requests.slice(0, 2), [], [], () => Promise.resolve(again));
  assert.deepEqual(again.calls, [], 'no S3 request the second time');
  assert.equal(second.s3Requests, 0);
  assert.deepEqual(out.get('a'), a);
  assert.deepEqual(out.get('bad'), bad, 'the reason is remembered too');
});

test('thumbnails from files: only inside the allowed folder, remote URLs never fetched', async () => {
  const root = mkdtempSync(join(tmpdir(), 'thumbs-ws-'));
  const outside = mkdtempSync(join(tmpdir(), 'thumbs-out-'));
  writeFileSync(join(root, 'x.png'), await png(40, 20));
  writeFileSync(join(outside, 'secret.png'), await png(40, 20));
  const out = await new ThumbnailCache(join(root, '.cache')).resolve([
    { key: 'x.png', source: 'x.png' }, { key: 'secret', source: join(outside, 'secret.png') },
    { key: 'up', source: '../secret.png' }, { key: 'web', source: 'https://example.com/a.png' }, { key: 'none', source: 'nope.png' },
  ], [root], [root]);
  assert.ok('file' in (out.get('x.png') ?? {}));
  assert.deepEqual(out.get('secret'), { problem: 'Outside the workspace folder: not read' });
  assert.deepEqual(out.get('up'), { problem: 'Outside the workspace folder: not read' });
  assert.match((out.get('web') as { problem: string }).problem, /Remote images are not fetched/);
  assert.deepEqual(out.get('none'), { problem: 'File not found' });
});

test('thumbnailRequests: top-1 first, map items by id from their S3 source, leaked pairs, no duplicates, bounded', () => {
  const report = {
    modes: [{ results: [{ perQuery: [{ queryId: 'q', topIds: ['A/0.jpg', 'B/1.jpg'] }] }] }],
    embeddingMap: { items: [{ id: 'img-1', kind: 'image', label: 'A', source: 's3://b/img-1.png' }, { id: 'q', kind: 'text', label: 'A', source: 'q text' }] },
    leakage: { pairs: [{ testUri: 's3://b/t.png', trainUri: 's3://b/r.png' }] },
  } as unknown as ComparisonReport;
  assert.deepEqual(thumbnailRequests(report), [
    { key: 'A/0.jpg', source: 'A/0.jpg' }, { key: 's3://b/t.png', source: 's3://b/t.png' }, { key: 's3://b/r.png', source: 's3://b/r.png' },
    { key: 'img-1', source: 's3://b/img-1.png' }, { key: 'B/1.jpg', source: 'B/1.jpg' },
  ]);
  assert.equal(thumbnailRequests(report, 2).length, 2);
});
