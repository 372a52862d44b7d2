// Contract: every S3 wrapper method against the emulator's S3 (s3rver, path-style), through the real SDK.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { collect, rejection, sessionFor, useEmulator } from './support';

const BUCKET = 'contract-bucket';

const fx = useEmulator({ setup: (f) => f.aws.s3.createBucket(BUCKET) });

describe('S3 objects', () => {
  test('put, head, get, ranged get (header-only reads) and text', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => i % 251);
    await fx.aws.s3.putObject(BUCKET, 'images/a.png', bytes, 'image/png');
    const head = await fx.aws.s3.headObject(BUCKET, 'images/a.png');
    assert.equal(head.size, 4096);
    assert.equal(head.contentType, 'image/png');
    assert.ok(head.etag);
    assert.deepEqual(await fx.aws.s3.getObject(BUCKET, 'images/a.png'), bytes);
    const range = await fx.aws.s3.getRange(BUCKET, 'images/a.png', 16, 47);
    assert.deepEqual(range, bytes.slice(16, 48), 'endInclusive: 32 bytes from offset 16');
    const gets = (await fx.admin.requests('s3')).filter((r) => r.method === 'GET' && r.path === `/${BUCKET}/images/a.png`);
    assert.ok(gets.length >= 2, 'path-style addressing: the bucket is in the path');
    await fx.aws.s3.putObject(BUCKET, 'manifests/train.jsonl', '{"image-ref":"s3://b/k.png","caption":"x"}\n', 'application/jsonl');
    assert.equal(await fx.aws.s3.getObjectText(BUCKET, 'manifests/train.jsonl'), '{"image-ref":"s3://b/k.png","caption":"x"}\n');
  });

  test('missing key and missing bucket are NotFound with the s3:GetObject action', async () => {
    const noKey = await rejection(() => fx.aws.s3.getObject(BUCKET, 'nope.png'));
    assert.equal(noKey.kind, 'notFound');
    assert.equal(noKey.details.code, 'NoSuchKey');
    assert.equal(noKey.details.iamAction, 's3:GetObject');
    assert.match(noKey.message, /s3:\/\/contract-bucket\/nope\.png was not found/);
    const noHead = await rejection(() => fx.aws.s3.headObject(BUCKET, 'nope.png'));
    assert.equal(noHead.kind, 'notFound');
    assert.equal(noHead.details.httpStatus, 404);
    const noBucket = await rejection(() => collect(fx.aws.s3.listObjects({ bucket: 'no-such-bucket-x' })));
    assert.equal(noBucket.kind, 'notFound');
    assert.equal(noBucket.details.code, 'NoSuchBucket');
  });

  test('listing walks pages lazily; deleteObjects batches 1,000 keys per call', async () => {
    const bucket = 'contract-many';
    await fx.aws.s3.createBucket(bucket);
    const keys = Array.from({ length: 1050 }, (_, i) => `out/part-${String(i).padStart(4, '0')}.txt`);
    // Fixtures go straight into the store; the listing and the deletes are what is under test.
    for (const key of keys) await fx.emulator.store.putObject(bucket, key, 'x', 'text/plain');
    await fx.emulator.store.putObject(bucket, 'keep/me.txt', 'y', 'text/plain');
    await fx.admin.clearRequests();
    const page = await fx.aws.s3.listObjectsPage({ bucket, prefix: 'out/', maxKeys: 400 });
    assert.equal(page.items.length, 400);
    assert.ok(page.nextToken);
    const listed = await collect(fx.aws.s3.listObjects({ bucket, prefix: 'out/', maxKeys: 400 }));
    assert.deepEqual(listed.map((o) => o.key).sort(), keys);
    assert.equal(listed[0]?.size, 1);
    const lists = (await fx.admin.requests('s3')).filter((r) => r.method === 'GET');
    assert.equal(lists.length, 1 + 3, 'one single page, then three pages of 400');

    await fx.admin.clearRequests();
    const result = await fx.aws.s3.deleteObjects(bucket, keys);
    assert.equal(result.deleted.length, 1050);
    assert.deepEqual(result.errors, []);
    // s3rver sometimes answers a DeleteObjects with a 500 (a race removing empty folders); the SDK retries it,
    // so count the calls that succeeded and check their sizes.
    const deletes = (await fx.admin.requests('s3')).filter((r) => r.method === 'POST' && r.status === 200);
    assert.equal(deletes.length, 2, '1,050 keys -> two DeleteObjects calls (1,000 + 50)');
    assert.deepEqual((await collect(fx.aws.s3.listObjects({ bucket }))).map((o) => o.key), ['keep/me.txt']);
    assert.deepEqual(await fx.aws.s3.deleteObjects(bucket, []), { deleted: [], errors: [] });
  });

  test('a bucket that is not empty cannot be deleted; an empty one can', async () => {
    const bucket = 'contract-delete-me';
    await fx.aws.s3.createBucket(bucket);
    await fx.aws.s3.putObject(bucket, 'k', 'v');
    const notEmpty = await rejection(() => fx.aws.s3.deleteBucket(bucket));
    assert.equal(notEmpty.kind, 'conflict');
    assert.equal(notEmpty.details.code, 'BucketNotEmpty');
    await fx.aws.s3.deleteObjects(bucket, ['k']);
    await fx.aws.s3.deleteBucket(bucket);
    assert.equal((await rejection(() => fx.aws.s3.headObject(bucket, 'k'))).kind, 'notFound');
  });

  test('S3 throttling (503 SlowDown) is retried before it is shown', async () => {
    const quick = sessionFor(fx.emulator, { maxAttempts: 2 });
    try {
      await fx.admin.faults({ service: 's3', throttleRate: 1 });
      const err = await rejection(() => quick.s3.getObject(BUCKET, 'images/a.png'));
      assert.equal(err.kind, 'throttled');
      assert.equal(err.details.httpStatus, 503);
    } finally {
      await fx.admin.faults({ service: 's3', throttleRate: 0 });
      quick.dispose();
    }
  });
});
