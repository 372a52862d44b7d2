// Contract: the OpenSearch Serverless control plane and the OpenSearch data plane (SigV4, service aoss)
// against the emulator, through the real SDK and the real @opensearch-project/opensearch client.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { collect, rejection, useEmulator } from './support';


const fx = useEmulator({ resetEach: true });

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
  await fx.aws.aoss.createSecurityPolicy('encryption', { name, policy: encryption(name) });
  await fx.aws.aoss.createSecurityPolicy('network', { name, policy: network(name) });
  await fx.aws.aoss.createAccessPolicy({ name, policy: data(name) });
  const created = await fx.aws.aoss.createCollection({ name, description: 'contract test' });
  assert.equal(created?.status, 'CREATING');
  await fx.admin.advance(10 * 60_000);
  const { collections } = await fx.aws.aoss.batchGetCollections({ names: [name] });
  assert.equal(collections[0]?.status, 'ACTIVE');
  return { id: created?.id ?? '', endpoint: collections[0]?.collectionEndpoint ?? '' };
}

describe('OpenSearch Serverless control plane', () => {
  test('policies and collections: create, batch-get, list with pages, delete', async () => {
    const { id } = await activeCollection('contract-vectors');
    const policy = await fx.aws.aoss.createSecurityPolicy('encryption', { name: 'second-policy', policy: JSON.stringify(encryption('other')) });
    assert.equal(policy?.name, 'second-policy');
    assert.equal((await fx.aws.aoss.batchGetCollections({ ids: [id] })).collections[0]?.name, 'contract-vectors');
    const missing = await fx.aws.aoss.batchGetCollections({ names: ['not-there'] });
    assert.equal(missing.collections.length, 0);
    assert.equal(missing.errors.length, 1);

    await fx.admin.seed({ collections: [{ name: 'seeded-one' }, { name: 'seeded-two' }, { name: 'seeded-three' }] });
    const page = await fx.aws.aoss.listCollectionsPage({}, undefined, 2);
    assert.equal(page.items.length, 2);
    assert.ok(page.nextToken);
    const all = await collect(fx.aws.aoss.listCollections({}, 2));
    assert.deepEqual(all.map((c) => c.name).sort(), ['contract-vectors', 'seeded-one', 'seeded-three', 'seeded-two']);
    assert.deepEqual((await collect(fx.aws.aoss.listCollections({ name: 'seeded-two' }))).map((c) => c.name), ['seeded-two']);

    const deleted = await fx.aws.aoss.deleteCollection(id);
    assert.equal(deleted?.status, 'DELETING');
    await fx.aws.aoss.deleteAccessPolicy('contract-vectors');
    await fx.aws.aoss.deleteSecurityPolicy('network', 'contract-vectors');
    await fx.aws.aoss.deleteSecurityPolicy('encryption', 'contract-vectors');
  });

  test('errors: duplicate is ConflictException, unknown is ResourceNotFound, bad name is ValidationException', async () => {
    await fx.aws.aoss.createSecurityPolicy('encryption', { name: 'dup-policy', policy: encryption('dup') });
    const dup = await rejection(() => fx.aws.aoss.createSecurityPolicy('encryption', { name: 'dup-policy', policy: encryption('dup') }));
    assert.equal(dup.kind, 'conflict');
    assert.equal(dup.details.code, 'ConflictException');
    assert.equal(dup.details.iamAction, 'aoss:CreateSecurityPolicy');
    const gone = await rejection(() => fx.aws.aoss.deleteCollection('nosuchcollectionid'));
    assert.equal(gone.kind, 'notFound');
    assert.equal(gone.details.code, 'ResourceNotFoundException');
    assert.equal((await rejection(() => fx.aws.aoss.deleteAccessPolicy('never-made'))).kind, 'notFound');
    const bad = await rejection(() => fx.aws.aoss.createCollection({ name: 'Bad_Name' }));
    assert.equal(bad.kind, 'validation');
    assert.equal(bad.details.code, 'ValidationException');
    const noEncryption = await rejection(() => fx.aws.aoss.createCollection({ name: 'no-encryption' }));
    assert.equal(noEncryption.kind, 'validation');
    assert.match(noEncryption.message, /encryption/);
  });
});

describe('OpenSearch data plane (SigV4, service aoss)', () => {
  test('vector index: create, bulk without ids, count after the visibility delay, k-NN search, delete', async () => {
    const { endpoint } = await activeCollection('contract-knn');
    const os = fx.aws.openSearch(endpoint, 'aoss');
    assert.equal(fx.aws.openSearch(endpoint, 'aoss'), os, 'one client per endpoint');
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
    await fx.admin.advance(60_000);
    assert.equal(await os.count('base'), 3);
    const hits = await os.knnSearch('base', 'embedding', Float32Array.from([0.1, 0.9, 0.2, 0]), 2);
    assert.deepEqual(hits.map((h) => h.source['label']), ['B', 'C']);
    assert.ok((hits[0]?.score ?? 0) >= (hits[1]?.score ?? 0));
    const signed = (await fx.admin.requests('opensearch')).every((r) => r.status !== 403);
    assert.ok(signed, 'every data-plane request was accepted (SigV4 with x-amz-content-sha256)');
    await os.deleteIndex('base');
    assert.equal(await os.indexExists('base'), false);
    const noIndex = await rejection(() => os.count('base'));
    assert.equal(noIndex.kind, 'notFound');
    assert.equal(noIndex.details.iamAction, 'aoss:ReadDocument');
  });

  test('a managed domain (service es): index, bulk, search; errors name es:ESHttp*', async () => {
    const os = fx.aws.openSearch(fx.emulator.endpoints.opensearch, 'es');
    await os.createVectorIndex({ index: 'domain-idx', field: 'v', dimension: 2, spaceType: 'l2', engine: 'lucene' });
    assert.deepEqual(await os.bulkIndex('domain-idx', [{ v: [0, 1], name: 'up' }, { v: [1, 0], name: 'right' }]), { indexed: 2, errors: [] });
    await fx.admin.advance(60_000);
    assert.equal(await os.count('domain-idx'), 2);
    assert.deepEqual((await os.knnSearch('domain-idx', 'v', [0.9, 0.1], 1)).map((h) => h.source['name']), ['right']);
    const dup = await rejection(() => os.createVectorIndex({ index: 'domain-idx', field: 'v', dimension: 2, spaceType: 'l2' }));
    assert.equal(dup.kind, 'conflict');
    assert.equal(dup.details.code, 'resource_already_exists_exception');
    assert.equal(dup.details.iamAction, 'es:ESHttp*');
    assert.equal(dup.details.httpStatus, 400);
    await os.deleteIndex('domain-idx');
  });
});
