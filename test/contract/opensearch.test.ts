// Contract: the OpenSearch Serverless control plane and the OpenSearch data plane (SigV4, service aoss)
// against the emulator, through the real SDK and the real @opensearch-project/opensearch client.
import { after, before, beforeEach, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { AwsSession } from '../../src/aws/index';
import { Admin, collect, rejection, sessionFor, startTestEmulator, type Emulator } from './support';

let emulator: Emulator;
let admin: Admin;
let aws: AwsSession;

before(async () => {
  emulator = await startTestEmulator();
  admin = new Admin(emulator.endpoints.admin);
  aws = sessionFor(emulator);
});
after(async () => {
  aws.dispose();
  await emulator.stop();
});
beforeEach(() => admin.reset());

const encryption = (name: string): unknown => ({ Rules: [{ ResourceType: 'collection', Resource: [`collection/${name}`] }], AWSOwnedKey: true });
const network = (name: string): unknown => [{ Rules: [{ ResourceType: 'collection', Resource: [`collection/${name}`] }], AllowFromPublic: false, SourceVPCEs: ['vpce-0123456789abcdef0'] }];
const data = (name: string): unknown => [{
  Rules: [
    { ResourceType: 'index', Resource: [`index/${name}/*`], Permission: ['aoss:CreateIndex', 'aoss:DeleteIndex', 'aoss:UpdateIndex', 'aoss:DescribeIndex', 'aoss:ReadDocument', 'aoss:WriteDocument'] },
    { ResourceType: 'collection', Resource: [`collection/${name}`], Permission: ['aoss:CreateCollectionItems'] },
  ],
  Principal: ['arn:aws:iam::123456789012:user/contract'],
}];

/** Policies, then a collection, then the clock until it is ACTIVE; returns its data endpoint. */
async function activeCollection(name: string): Promise<{ id: string; endpoint: string }> {
  await aws.aoss.createSecurityPolicy('encryption', { name, policy: encryption(name) });
  await aws.aoss.createSecurityPolicy('network', { name, policy: network(name) });
  await aws.aoss.createAccessPolicy({ name, policy: data(name) });
  const created = await aws.aoss.createCollection({ name, description: 'contract test' });
  assert.equal(created?.status, 'CREATING');
  await admin.advance(10 * 60_000);
  const { collections } = await aws.aoss.batchGetCollections({ names: [name] });
  assert.equal(collections[0]?.status, 'ACTIVE');
  return { id: created?.id ?? '', endpoint: collections[0]?.collectionEndpoint ?? '' };
}

describe('OpenSearch Serverless control plane', () => {
  test('policies and collections: create, batch-get, list with pages, delete', async () => {
    const { id } = await activeCollection('contract-vectors');
    const policy = await aws.aoss.createSecurityPolicy('encryption', { name: 'second-policy', policy: JSON.stringify(encryption('other')) });
    assert.equal(policy?.name, 'second-policy');
    assert.equal((await aws.aoss.batchGetCollections({ ids: [id] })).collections[0]?.name, 'contract-vectors');
    const missing = await aws.aoss.batchGetCollections({ names: ['not-there'] });
    assert.equal(missing.collections.length, 0);
    assert.equal(missing.errors.length, 1);

    await admin.seed({ collections: [{ name: 'seeded-one' }, { name: 'seeded-two' }, { name: 'seeded-three' }] });
    const page = await aws.aoss.listCollectionsPage({}, undefined, 2);
    assert.equal(page.items.length, 2);
    assert.ok(page.nextToken);
    const all = await collect(aws.aoss.listCollections({}, 2));
    assert.deepEqual(all.map((c) => c.name).sort(), ['contract-vectors', 'seeded-one', 'seeded-three', 'seeded-two']);
    assert.deepEqual((await collect(aws.aoss.listCollections({ name: 'seeded-two' }))).map((c) => c.name), ['seeded-two']);

    const deleted = await aws.aoss.deleteCollection(id);
    assert.equal(deleted?.status, 'DELETING');
    await aws.aoss.deleteAccessPolicy('contract-vectors');
    await aws.aoss.deleteSecurityPolicy('network', 'contract-vectors');
    await aws.aoss.deleteSecurityPolicy('encryption', 'contract-vectors');
  });

  test('errors: duplicate is ConflictException, unknown is ResourceNotFound, bad name is ValidationException', async () => {
    await aws.aoss.createSecurityPolicy('encryption', { name: 'dup-policy', policy: encryption('dup') });
    const dup = await rejection(() => aws.aoss.createSecurityPolicy('encryption', { name: 'dup-policy', policy: encryption('dup') }));
    assert.equal(dup.kind, 'conflict');
    assert.equal(dup.details.code, 'ConflictException');
    assert.equal(dup.details.iamAction, 'aoss:CreateSecurityPolicy');
    const gone = await rejection(() => aws.aoss.deleteCollection('nosuchcollectionid'));
    assert.equal(gone.kind, 'notFound');
    assert.equal(gone.details.code, 'ResourceNotFoundException');
    assert.equal((await rejection(() => aws.aoss.deleteAccessPolicy('never-made'))).kind, 'notFound');
    const bad = await rejection(() => aws.aoss.createCollection({ name: 'Bad_Name' }));
    assert.equal(bad.kind, 'validation');
    assert.equal(bad.details.code, 'ValidationException');
    const noEncryption = await rejection(() => aws.aoss.createCollection({ name: 'no-encryption' }));
    assert.equal(noEncryption.kind, 'validation');
    assert.match(noEncryption.message, /encryption/);
  });
});

describe('OpenSearch data plane (SigV4, service aoss)', () => {
  test('vector index: create, bulk without ids, count after the visibility delay, k-NN search, delete', async () => {
    const { endpoint } = await activeCollection('contract-knn');
    const os = aws.openSearch(endpoint, 'aoss');
    assert.equal(aws.openSearch(endpoint, 'aoss'), os, 'one client per endpoint');
    await os.createVectorIndex({ index: 'base', field: 'embedding', dimension: 4, spaceType: 'innerproduct', otherFields: { label: { type: 'keyword' } } });
    assert.equal(await os.indexExists('base'), true);
    assert.equal(await os.indexExists('other'), false);
    const docs = [
      { label: 'A', embedding: [1, 0, 0, 0] },
      { label: 'B', embedding: [0, 1, 0, 0] },
      { label: 'C', embedding: [0, 0, 1, 0] },
    ];
    const bulk = await os.bulkIndex('base', docs);
    assert.deepEqual(bulk, { indexed: 3, errors: [] });
    assert.equal(await os.count('base'), 0, 'not yet visible (Serverless visibility delay)');
    await admin.advance(60_000);
    assert.equal(await os.count('base'), 3);
    const hits = await os.knnSearch('base', 'embedding', Float32Array.from([0.1, 0.9, 0.2, 0]), 2);
    assert.deepEqual(hits.map((h) => h.source['label']), ['B', 'C']);
    assert.ok((hits[0]?.score ?? 0) >= (hits[1]?.score ?? 0));
    const signed = (await admin.requests('opensearch')).every((r) => r.status !== 403);
    assert.ok(signed, 'every data-plane request was accepted (SigV4 with x-amz-content-sha256)');
    await os.deleteIndex('base');
    assert.equal(await os.indexExists('base'), false);
    const noIndex = await rejection(() => os.count('base'));
    assert.equal(noIndex.kind, 'notFound');
    assert.equal(noIndex.details.iamAction, 'aoss:ReadDocument');
  });
});
