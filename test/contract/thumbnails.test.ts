// Contract: the report's thumbnails from the emulator's S3 through the real SDK (the AWS layer's S3Storage): made once,
// and a second report over the same images makes no S3 request at all, by the emulator's own request log.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeJpeg } from '../support/images';
import { ThumbnailCache } from '../../src/vscode/compare/thumbnails';
import { useEmulator } from './support';

const BUCKET = 'thumbs-bucket';
const fx = useEmulator({ setup: (f) => f.aws.s3.createBucket(BUCKET) });

describe('thumbnails from S3', () => {
  test('made from the objects once; the second run reads nothing from S3 (emulator request log)', async () => {
    const keys = ['a.jpg', 'b.jpg', 'c.png'];
    await fx.aws.s3.putObject(BUCKET, 'a.jpg', makeJpeg(416, 416), 'image/jpeg');
    await fx.aws.s3.putObject(BUCKET, 'b.jpg', makeJpeg(300, 200), 'image/jpeg');
    await fx.aws.s3.putObject(BUCKET, 'c.png', Uint8Array.from([1, 2, 3]), 'image/png');
    const requests = keys.map((k) => ({ key: k, source: `s3://${BUCKET}/${k}` }));
    const dir = mkdtempSync(join(tmpdir(), 'thumbs-contract-'));
    await fx.admin.clearRequests();
    const first = await new ThumbnailCache(dir).resolve(requests, [], [], () => Promise.resolve(fx.aws.s3));
    assert.ok('file' in (first.get('a.jpg') ?? {}) && 'file' in (first.get('b.jpg') ?? {}));
    assert.ok('problem' in (first.get('c.png') ?? {}), 'an unreadable image gets a reason');
    const gets = (await fx.admin.requests('s3')).filter((r) => r.method === 'GET');
    assert.equal(gets.length, 3, 'one GET per object the first time');

    await fx.admin.clearRequests();
    const second = await new ThumbnailCache(dir).resolve(requests, [], [], () => Promise.resolve(fx.aws.s3));
    assert.deepEqual(await fx.admin.requests('s3'), [], 'no S3 request on the second run');
    assert.deepEqual([...second], [...first]);
  });
});
