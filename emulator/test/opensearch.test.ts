import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BatchGetCollectionCommand, CreateAccessPolicyCommand, CreateCollectionCommand, CreateSecurityPolicyCommand,
  DeleteCollectionCommand, DeleteSecurityPolicyCommand, ListCollectionsCommand,
} from '@aws-sdk/client-opensearchserverless';
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import { credentials, rejection, setUp, type Harness } from './harness';

const encryption = (name: string): string => JSON.stringify({ Rules: [{ ResourceType: 'collection', Resource: [`collection/${name}`] }], AWSOwnedKey: true });

function dataClient(node: string): Client {
  return new Client({ ...AwsSigv4Signer({ region: 'us-east-1', service: 'aoss', getCredentials: async () => credentials }), node });
}

describe('emulator OpenSearch Serverless control plane', () => {
  let h: Harness;
  before(async () => { h = await setUp({ collectionDurationMs: 3_000 }); });
  after(async () => { await h.tearDown(); });

  it('requires a matching encryption policy, then goes CREATING -> ACTIVE with an endpoint', async () => {
    const refused = await rejection(() => h.aoss.send(new CreateCollectionCommand({ name: 'vectors', type: 'VECTORSEARCH' })));
    assert.equal(refused.name, 'ValidationException');
    assert.match(refused.message, /No matching security policy of encryption type/);

    const enc = await h.aoss.send(new CreateSecurityPolicyCommand({ name: 'vectors', type: 'encryption', policy: encryption('vectors') }));
    assert.equal(enc.securityPolicyDetail?.name, 'vectors');
    assert.equal(typeof enc.securityPolicyDetail?.createdDate, 'number');
    await h.aoss.send(new CreateSecurityPolicyCommand({ name: 'vectors', type: 'network', policy: JSON.stringify([{ Rules: [{ ResourceType: 'collection', Resource: ['collection/vectors'] }], AllowFromPublic: false }]) }));
    await h.aoss.send(new CreateAccessPolicyCommand({ name: 'vectors', type: 'data', policy: JSON.stringify([{ Rules: [{ ResourceType: 'index', Resource: ['index/vectors/*'], Permission: ['aoss:*'] }], Principal: ['arn:aws:iam::123456789012:user/me'] }]) }));
    const dup = await rejection(() => h.aoss.send(new CreateSecurityPolicyCommand({ name: 'vectors', type: 'encryption', policy: encryption('vectors') })));
    assert.equal(dup.name, 'ConflictException');

    const created = await h.aoss.send(new CreateCollectionCommand({ name: 'vectors', type: 'VECTORSEARCH', standbyReplicas: 'DISABLED' }));
    const id = created.createCollectionDetail?.id ?? '';
    assert.match(id, /^[a-z0-9]{20}$/);
    assert.equal(created.createCollectionDetail?.status, 'CREATING');
    await h.admin('POST', '/clock', { advanceMs: 3_000 });
    const got = await h.aoss.send(new BatchGetCollectionCommand({ ids: [id, 'missingid'] }));
    assert.equal(got.collectionDetails?.[0]?.status, 'ACTIVE');
    assert.equal(got.collectionDetails?.[0]?.collectionEndpoint, `${h.emulator.endpoints.opensearch}/_aoss/${id}`);
    assert.equal(got.collectionErrorDetails?.[0]?.errorCode, 'NOT_FOUND');
    const listed = await h.aoss.send(new ListCollectionsCommand({ collectionFilters: { name: 'vectors' } }));
    assert.equal(listed.collectionSummaries?.length, 1);

    await h.aoss.send(new DeleteCollectionCommand({ id }));
    assert.equal((await h.aoss.send(new ListCollectionsCommand({}))).collectionSummaries?.length, 0);
    await h.aoss.send(new DeleteSecurityPolicyCommand({ name: 'vectors', type: 'encryption' }));
    const gone = await rejection(() => h.aoss.send(new DeleteSecurityPolicyCommand({ name: 'vectors', type: 'encryption' })));
    assert.equal(gone.name, 'ResourceNotFoundException');
  });

  it('refuses bad names and bad policy documents', async () => {
    assert.equal((await rejection(() => h.aoss.send(new CreateSecurityPolicyCommand({ name: 'Bad', type: 'encryption', policy: encryption('x') })))).name, 'ValidationException');
    assert.equal((await rejection(() => h.aoss.send(new CreateSecurityPolicyCommand({ name: 'okname', type: 'network', policy: '{}' })))).name, 'ValidationException');
    assert.equal((await rejection(() => h.aoss.send(new CreateCollectionCommand({ name: 'ab' })))).name, 'ValidationException');
  });
});

describe('emulator OpenSearch data plane (Serverless collection)', () => {
  let h: Harness;
  let client: Client;
  before(async () => {
    h = await setUp({ collectionDurationMs: 0, visibilityDelayMs: 5_000 });
    await h.aoss.send(new CreateSecurityPolicyCommand({ name: 'knn', type: 'encryption', policy: encryption('knn') }));
    const c = await h.aoss.send(new CreateCollectionCommand({ name: 'knn', type: 'VECTORSEARCH' }));
    const got = await h.aoss.send(new BatchGetCollectionCommand({ ids: [c.createCollectionDetail?.id ?? ''] }));
    client = dataClient(got.collectionDetails?.[0]?.collectionEndpoint ?? '');
  });
  after(async () => { await client.close(); await h.tearDown(); });

  // Typed loosely on purpose: the tests send invalid mappings too.
  const mapping = (dimension: number, space_type: string): Record<string, never> => ({
    settings: { 'index.knn': true },
    mappings: { properties: { label: { type: 'keyword' }, vector: { type: 'knn_vector', dimension, method: { name: 'hnsw', engine: 'faiss', space_type } } } },
  }) as unknown as Record<string, never>;

  it('has no GET / (as on Serverless) and validates the knn_vector mapping', async () => {
    await assert.rejects(client.info(), (err: { meta?: { statusCode?: number } }) => err.meta?.statusCode === 404);
    await assert.rejects(client.indices.create({ index: 'bad-dim', body: mapping(0, 'l2') }), /Dimension/);
    await assert.rejects(client.indices.create({ index: 'bad-space', body: mapping(3, 'hamming') }), /space type \[hamming\]/);
    await assert.rejects(client.indices.create({ index: 'no-knn', body: { ...(mapping(3, 'l2') as object), settings: {} } as unknown as Record<string, never> }), /index.knn setting is false/);
  });

  it('indexes with _bulk (ids refused), counts after the visibility delay and searches exactly', async () => {
    await client.indices.create({ index: 'vec', body: mapping(3, 'cosinesimil') });
    const withIds = await client.bulk({ body: [{ index: { _index: 'vec', _id: 'x' } }, { label: 'x', vector: [1, 0, 0] }] });
    assert.equal(withIds.body.errors, true);
    assert.match(JSON.stringify(withIds.body.items), /Document ID is not supported/);
    const docs = [['a', [1, 0, 0]], ['b', [0, 1, 0]], ['c', [0.9, 0.1, 0]]] as const;
    const bulk = await client.bulk({ body: docs.flatMap(([label, vector]) => [{ index: { _index: 'vec' } }, { label, vector }]) });
    assert.equal(bulk.body.errors, false);
    assert.equal((await client.count({ index: 'vec' })).body.count, 0, 'not yet visible');
    await h.admin('POST', '/clock', { advanceMs: 5_000 });
    assert.equal((await client.count({ index: 'vec' })).body.count, 3);
    const res = await client.search({ index: 'vec', body: { size: 2, query: { knn: { vector: { vector: [1, 0, 0], k: 2 } } } } });
    const hits = res.body.hits.hits as { _score: number; _source: { label: string } }[];
    assert.deepEqual(hits.map((x) => x._source.label), ['a', 'c']);
    assert.equal(hits[0]?._score, 1);
    await assert.rejects(client.search({ index: 'vec', body: { query: { knn: { vector: { vector: [1, 0], k: 1 } } } } }), /dimension/);
    await assert.rejects(client.indices.refresh({ index: 'vec' }));
    await client.indices.delete({ index: 'vec' });
    await assert.rejects(client.count({ index: 'vec' }), /index_not_found_exception/);
  });

  it('scores l2 and innerproduct as OpenSearch does', async () => {
    for (const [space, expected] of [['l2', 1 / (1 + 2)], ['innerproduct', 1 + 0]] as const) {
      const index = `s-${space}`;
      await client.indices.create({ index, body: mapping(2, space) });
      await client.bulk({ body: [{ index: { _index: index } }, { vector: [0, 1] }] });
      await h.admin('POST', '/clock', { advanceMs: 5_000 });
      const res = await client.search({ index, body: { query: { knn: { vector: { vector: [1, 0], k: 1 } } } } });
      assert.ok(Math.abs((res.body.hits.hits[0]?._score ?? 0) - expected) < 1e-9, `${space}`);
    }
  });
});

describe('emulator OpenSearch data plane (managed domain at the root)', () => {
  let h: Harness;
  let client: Client;
  before(async () => {
    h = await setUp({ visibilityDelayMs: 60_000 });
    client = new Client({ ...AwsSigv4Signer({ region: 'us-east-1', service: 'es', getCredentials: async () => credentials }), node: h.emulator.endpoints.opensearch });
  });
  after(async () => { await client.close(); await h.tearDown(); });

  it('answers GET /, accepts ids and makes documents visible on _refresh', async () => {
    assert.equal((await client.info()).body.version.distribution, 'opensearch');
    await client.indices.create({ index: 'dom', body: { settings: { 'index.knn': true }, mappings: { properties: { v: { type: 'knn_vector', dimension: 2 } } } } });
    await client.index({ index: 'dom', id: 'one', body: { v: [1, 2] } });
    assert.equal((await client.count({ index: 'dom' })).body.count, 0);
    await client.indices.refresh({ index: 'dom' });
    assert.equal((await client.count({ index: 'dom' })).body.count, 1);
    assert.equal((await client.get({ index: 'dom', id: 'one' })).body._id, 'one');
  });
});
