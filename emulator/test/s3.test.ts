import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateBucketCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { rejection, setUp, type Harness } from './harness';

describe('emulator S3 (s3rver behind the front server)', () => {
  let h: Harness;
  before(async () => { h = await setUp(); });
  after(async () => { await h.tearDown(); });

  it('accepts any credentials and round-trips objects with the current SDK', async () => {
    await h.s3.send(new CreateBucketCommand({ Bucket: 'any-creds' }));
    await h.s3.send(new PutObjectCommand({ Bucket: 'any-creds', Key: 'a/b.txt', Body: 'hello' }));
    const got = await h.s3.send(new GetObjectCommand({ Bucket: 'any-creds', Key: 'a/b.txt' }));
    assert.equal(await got.Body?.transformToString(), 'hello');
    const head = await h.s3.send(new HeadObjectCommand({ Bucket: 'any-creds', Key: 'a/b.txt' }));
    assert.equal(head.ContentLength, 5);
  });

  it('stores streamed (aws-chunked) uploads without chunk framing', async () => {
    await h.s3.send(new CreateBucketCommand({ Bucket: 'chunked' }));
    const body = 'x'.repeat(70_000);
    await h.s3.send(new PutObjectCommand({ Bucket: 'chunked', Key: 'big.txt', Body: Readable.from([Buffer.from(body)]), ContentLength: body.length }));
    const got = await h.s3.send(new GetObjectCommand({ Bucket: 'chunked', Key: 'big.txt' }));
    assert.equal(await got.Body?.transformToString(), body);
  });

  it('lists with pagination and deletes in batches', async () => {
    await h.s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
    for (let i = 0; i < 5; i++) await h.s3.send(new PutObjectCommand({ Bucket: 'listing', Key: `k${i}`, Body: String(i) }));
    const first = await h.s3.send(new ListObjectsV2Command({ Bucket: 'listing', MaxKeys: 3 }));
    assert.equal(first.Contents?.length, 3);
    assert.equal(first.IsTruncated, true);
    const second = await h.s3.send(new ListObjectsV2Command({ Bucket: 'listing', MaxKeys: 3, ContinuationToken: first.NextContinuationToken }));
    assert.equal(second.Contents?.length, 2);
    const del = await h.s3.send(new DeleteObjectsCommand({ Bucket: 'listing', Delete: { Objects: [{ Key: 'k0' }, { Key: 'k1' }] } }));
    assert.equal(del.Deleted?.length, 2);
    const rest = await h.s3.send(new ListObjectsV2Command({ Bucket: 'listing' }));
    assert.deepEqual(rest.Contents?.map((c) => c.Key), ['k2', 'k3', 'k4']);
  });

  it('lists common prefixes with a delimiter', async () => {
    await h.s3.send(new CreateBucketCommand({ Bucket: 'prefixes' }));
    for (const k of ['images/A/A1.png', 'images/B/B1.png', 'manifests/training.jsonl', 'top.txt']) {
      await h.s3.send(new PutObjectCommand({ Bucket: 'prefixes', Key: k, Body: 'x' }));
    }
    const root = await h.s3.send(new ListObjectsV2Command({ Bucket: 'prefixes', Delimiter: '/' }));
    assert.deepEqual(root.CommonPrefixes?.map((p) => p.Prefix), ['images/', 'manifests/']);
    assert.deepEqual(root.Contents?.map((c) => c.Key), ['top.txt']);
    const images = await h.s3.send(new ListObjectsV2Command({ Bucket: 'prefixes', Prefix: 'images/', Delimiter: '/' }));
    assert.deepEqual(images.CommonPrefixes?.map((p) => p.Prefix), ['images/A/', 'images/B/']);
    const missing = await rejection(() => h.s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })));
    assert.equal(missing.name, 'NoSuchBucket');
  });

  it('answers a missing key with NoSuchKey', async () => {
    const err = await rejection(() => h.s3.send(new GetObjectCommand({ Bucket: 'any-creds', Key: 'missing' })));
    assert.equal(err.name, 'NoSuchKey');
  });
});
