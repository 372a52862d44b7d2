// A realistic account for clean-up tests, built through the real AWS SDK against the emulator (plus its admin
// API for what only AWS itself could create: a finished job, a model, a throughput). Used by the node:test
// suite and by the VS Code integration test, so both prove the same thing.
import { randomBytes } from 'node:crypto';
import type { AwsSession } from '../../src/aws/session';
import { CREATED_BY_TAG } from '../../src/core/lifecycle/tags';

export const OBJECTS_UNDER_PREFIX = 1500;

export interface CleanupWorld {
  suffix: string;
  specText: string;
  reportText: string;
  names: {
    modelArn: string; otherModelArn: string; throughputArn: string; runningJobArn: string; completedJobArn: string;
    collection: string; otherCollection: string; index: string; bucket: string; otherBucket: string; prefix: string; role: string;
  };
}

async function admin(url: string, path: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`emulator admin ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const tags = [{ key: CREATED_BY_TAG.key, value: CREATED_BY_TAG.value }];
const lower = (n: number): string => [...randomBytes(n)].map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

export async function buildCleanupWorld(session: AwsSession, adminUrl: string, objectCount = OBJECTS_UNDER_PREFIX): Promise<CleanupWorld> {
  const suffix = lower(6);
  const modelArn = `arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/${lower(12)}`;
  const otherModelArn = `arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/${lower(12)}`;
  const seeded = await admin(adminUrl, '/seed', {
    customModels: [{ modelArn, modelName: `ft-model-${suffix}` }, { modelArn: otherModelArn, modelName: `other-model-${suffix}` }],
    jobs: [
      { jobName: `ft-job-${suffix}`, status: 'Completed', customModelName: `ft-model-${suffix}`, outputModelArn: modelArn },
      { jobName: `ft-live-${suffix}`, status: 'InProgress', customModelName: `ft-live-model-${suffix}` },
    ],
    provisionedThroughputs: [{ modelArn, provisionedModelName: `ft-pt-${suffix}` }],
  }) as { jobArns: string[]; provisionedModelArns: string[] };
  const [completedJobArn = '', runningJobArn = ''] = seeded.jobArns;
  const throughputArn = seeded.provisionedModelArns[0] ?? '';
  await session.bedrock.tagResource(runningJobArn, tags); // found by the extension's tag, not by a spec

  const collection = `ft-cmp-${suffix}`;
  const otherCollection = `keep-cmp-${suffix}`;
  for (const name of [collection, otherCollection]) {
    const rules = [{ ResourceType: 'collection', Resource: [`collection/${name}`] }];
    await session.aoss.createSecurityPolicy('encryption', { name, policy: { Rules: rules, AWSOwnedKey: true } });
    await session.aoss.createSecurityPolicy('network', { name, policy: [{ Rules: rules, AllowFromPublic: false, SourceVPCEs: ['vpce-0123456789abcdef0'] }] });
    await session.aoss.createAccessPolicy({ name, policy: [{ Rules: [{ ResourceType: 'index', Resource: [`index/${name}/*`], Permission: ['aoss:CreateIndex', 'aoss:DeleteIndex'] }], Principal: ['arn:aws:iam::123456789012:user/dev'] }] });
    await session.aoss.createCollection({ name, type: 'VECTORSEARCH', standbyReplicas: 'DISABLED', ...(name === collection ? { tags } : {}) });
  }
  await admin(adminUrl, '/clock', { advanceMs: 60 * 60_000 }); // collections become ACTIVE
  const { collections } = await session.aoss.batchGetCollections({ names: [collection] });
  const endpoint = collections[0]?.collectionEndpoint ?? '';
  const index = `ft-index-${suffix}`;
  await session.openSearch(endpoint, 'aoss').createVectorIndex({ index, field: 'embedding', dimension: 256, spaceType: 'cosinesimil' });

  const bucket = `ft-work-${suffix}`;
  const otherBucket = `ft-other-${suffix}`;
  const prefix = `output/ft-job-${suffix}/`;
  await session.s3.createBucket(bucket);
  await session.s3.createBucket(otherBucket);
  const keys = Array.from({ length: objectCount }, (_, i) => `${prefix}part-${String(i).padStart(5, '0')}.json`);
  for (let i = 0; i < keys.length; i += 25) {
    await Promise.all(keys.slice(i, i + 25).map((k) => session.s3.putObject(bucket, k, '{}', 'application/json')));
  }
  await session.s3.putObject(bucket, 'manifests/train.jsonl', '{}\n');
  await session.s3.putObject(bucket, `output/ft-job-${suffix}2/keep.txt`, 'a sibling prefix sharing the name'); // no trailing slash match
  await session.s3.putObject(otherBucket, `${prefix}keep.txt`, 'same prefix, other bucket');

  const role = `BedrockFt-${suffix}`;
  const specText = JSON.stringify({
    jobName: `ft-job-${suffix}`, customModelName: `ft-model-${suffix}`, roleArn: `arn:aws:iam::123456789012:role/${role}`,
    trainingData: `s3://${bucket}/manifests/train.jsonl`, outputData: `s3://${bucket}/${prefix}`,
    hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00001 },
  }, null, 2);
  const reportText = JSON.stringify({ schemaVersion: 1, createdResources: { opensearch: { collection: { name: collection }, indexes: [{ endpoint, name: index, service: 'aoss' }] } } });
  return {
    suffix, specText, reportText,
    names: { modelArn, otherModelArn, throughputArn, runningJobArn, completedJobArn, collection, otherCollection, index, bucket, otherBucket, prefix, role },
  };
}
