// A realistic account for clean-up tests, built through the real AWS SDK against the emulator (plus its admin
// API for what only AWS itself could create: a finished job, a model, a throughput). Used by the node:test
// suite and by the VS Code integration test, so both prove the same thing.
import { randomBytes } from 'node:crypto';
import type { AwsSession } from '../../src/aws/session';
import { resourceIdOf } from '../../src/core/awsRules/arn';
import { ledgerEntry, type LedgerEntry } from '../../src/core/cleanup/ledger';
import { CREATED_BY_TAG } from '../../src/core/lifecycle/tags';

export const OBJECTS_UNDER_PREFIX = 1500;

export interface CleanupWorld {
  suffix: string;
  /** What this work recorded as it created things (the launch, the provisioning, the comparison's collection). */
  ledger: LedgerEntry[];
  /** A job spec and a report naming the same things: pointers, never proof. */
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
  const bucket = `ft-work-${suffix}`;
  const otherBucket = `ft-other-${suffix}`;
  const role = `BedrockFt-${suffix}`;
  const roleArn = `arn:aws:iam::123456789012:role/${role}`;
  const jobs = await admin(adminUrl, '/seed', {
    jobs: [
      { jobName: `ft-job-${suffix}`, status: 'Completed', customModelName: `ft-model-${suffix}`, outputModelArn: modelArn, roleArn, outputDataConfig: { s3Uri: `s3://${bucket}/output/` } },
      { jobName: `ft-live-${suffix}`, status: 'InProgress', customModelName: `ft-live-model-${suffix}`, roleArn, outputDataConfig: { s3Uri: `s3://${bucket}/output/` } },
    ],
  }) as { jobArns: string[] };
  const [completedJobArn = '', runningJobArn = ''] = jobs.jobArns;
  const seeded = await admin(adminUrl, '/seed', {
    customModels: [
      { modelArn, modelName: `ft-model-${suffix}`, jobArn: completedJobArn, jobName: `ft-job-${suffix}` },
      { modelArn: otherModelArn, modelName: `other-model-${suffix}` },
    ],
    provisionedThroughputs: [{ modelArn, provisionedModelName: `ft-pt-${suffix}` }],
  }) as { provisionedModelArns: string[] };
  const throughputArn = seeded.provisionedModelArns[0] ?? '';
  await session.bedrock.tagResource(runningJobArn, tags); // found by the extension's tag, not by the ledger

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

  const prefix = `output/model-customization-job-${resourceIdOf(completedJobArn)}/`; // where Bedrock writes the job's output
  await session.s3.createBucket(bucket);
  await session.s3.createBucket(otherBucket);
  const keys = Array.from({ length: objectCount }, (_, i) => `${prefix}part-${String(i).padStart(5, '0')}.json`);
  for (let i = 0; i < keys.length; i += 25) {
    await Promise.all(keys.slice(i, i + 25).map((k) => session.s3.putObject(bucket, k, '{}', 'application/json')));
  }
  await session.s3.putObject(bucket, 'manifests/train.jsonl', '{}\n');
  await session.s3.putObject(bucket, `${prefix.slice(0, -1)}2/keep.txt`, 'a sibling prefix sharing the name'); // no trailing slash match
  await session.s3.putObject(bucket, 'output/other-job-output.json', 'another job\'s output under the same output root');
  await session.s3.putObject(bucket, 'outbound/keep.txt', 'shares the string prefix "out"');
  await session.s3.putObject(otherBucket, `${prefix}keep.txt`, 'same prefix, other bucket');

  const specText = JSON.stringify({
    jobName: `ft-job-${suffix}`, customModelName: `ft-model-${suffix}`, roleArn,
    trainingData: `s3://${bucket}/manifests/train.jsonl`, outputData: `s3://${bucket}/output`,
    hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00001 },
  }, null, 2);
  const reportText = JSON.stringify({ schemaVersion: 1, createdResources: { opensearch: { collection: { name: collection }, indexes: [{ endpoint, name: index, service: 'aoss' }] } } });
  const made = collections[0];
  const scope = { account: '123456789012', region: 'us-east-1' };
  const ledger = [
    ledgerEntry('customization-job', { arn: completedJobArn, name: `ft-job-${suffix}` }, 'ft.bedrock-job.json'),
    ledgerEntry('provisioned-throughput', { arn: throughputArn, name: `ft-pt-${suffix}` }, `Provision Throughput for ft-model-${suffix}`),
    ledgerEntry('aoss-collection', { name: collection, ...(made?.id ? { id: made.id } : {}), ...(made?.arn ? { arn: made.arn } : {}) }, 'asl.compare.json', scope),
    ledgerEntry('aoss-security-policy', { name: collection, policyType: 'encryption' }, 'asl.compare.json', scope),
    ledgerEntry('aoss-security-policy', { name: collection, policyType: 'network' }, 'asl.compare.json', scope),
    ledgerEntry('aoss-access-policy', { name: collection, policyType: 'data' }, 'asl.compare.json', scope),
    ledgerEntry('opensearch-index', { endpoint, name: index, service: 'aoss' }, 'asl.compare.json', scope),
  ];
  return {
    suffix, ledger, specText, reportText,
    names: { modelArn, otherModelArn, throughputArn, runningJobArn, completedJobArn, collection, otherCollection, index, bucket, otherBucket, prefix, role },
  };
}
