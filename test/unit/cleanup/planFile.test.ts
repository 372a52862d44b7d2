import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePlan, serializePlan } from '../../../src/core/cleanup/planFile';
import { formatPlan } from '../../../src/core/cleanup/report';
import { readCreatedResources, readSpecRecord } from '../../../src/core/cleanup/records';
import { NOW, samplePlan } from './fixtures';

test('cleanup plan file: round-trips through JSON', () => {
  const plan = samplePlan();
  const back = parsePlan(serializePlan(plan));
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.plan, plan);
});

test('cleanup plan file: bad input gets messages naming the place, never a throw', () => {
  assert.match(parsePlan('{').problems[0] ?? '', /not valid JSON/);
  assert.match(parsePlan('{"version":9}').problems[0] ?? '', /Unsupported plan version 9/);
  const p = parsePlan(JSON.stringify({ version: 1, region: 'us-east-1', resources: [
    { kind: 'bucket', identity: {} },
    { kind: 's3-prefix', identity: { bucket: 'b', prefix: '' } },
    { kind: 'custom-model', identity: { name: 'm' }, after: ['custom-model:zzz'] },
  ] }));
  assert.equal(p.plan, undefined);
  assert.match(p.problems[0] ?? '', /resources\[0\]\.kind must be one of/);
  assert.match(p.problems[1] ?? '', /resources\[1\] \(s3-prefix\) needs a non-empty "prefix"/);
  assert.match(p.problems[2] ?? '', /waits for custom-model:zzz, which is not in the plan/);
});

test('cleanup plan file: a hand-written minimal entry gets key, label, cost and manual reason', () => {
  const p = parsePlan(JSON.stringify({ version: 1, region: 'us-east-1', resources: [{ kind: 's3-prefix', identity: { bucket: 'b', prefix: 'cache/' } }] }));
  assert.deepEqual(p.problems, []);
  const r = p.plan?.resources[0];
  assert.equal(r?.key, 's3-prefix:s3://b/cache/');
  assert.equal(r?.selected, true);
  assert.equal(r?.reasons[0]?.source, 'manual');
  assert.deepEqual(r?.cost, { kind: 's3-storage' });
});

test('cleanup plan text: steps in order with cost and why', () => {
  const text = formatPlan(samplePlan(), NOW);
  assert.match(text, /^Clean-up plan for us-east-1: 8 of 9 resource\(s\) ticked/);
  assert.match(text, /Step 1:\n {2}1\. \[customization-job\] job-running/);
  assert.match(text, /\[provisioned-throughput\] my-pt — us-east-1\n {5}cost: Billed every hour/);
  assert.match(text, /Kept \(unticked, never touched\): BedrockRole/);
});

test('cleanup records: a job spec names job, model, output prefix and role; compare specs and reports name OpenSearch resources', () => {
  const spec = readSpecRecord('a.bedrock-job.json', JSON.stringify({
    jobName: 'j1', customModelName: 'm1', roleArn: 'arn:aws:iam::123456789012:role/service/R1',
    trainingData: 's3://bkt/train.jsonl', outputData: 's3://bkt/out/', hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00001 },
  }));
  assert.deepEqual(spec, { file: 'a.bedrock-job.json', jobName: 'j1', customModelName: 'm1', roleArn: 'arn:aws:iam::123456789012:role/service/R1', outputPrefix: { bucket: 'bkt', prefix: 'out/' } });
  assert.equal(readSpecRecord('x', '{'), undefined);
  assert.deepEqual(readCreatedResources(JSON.stringify({ vectorStore: { type: 'opensearch-serverless', collection: 'cmp', create: true } })), { opensearch: { collection: { name: 'cmp' } } });
  assert.equal(readCreatedResources(JSON.stringify({ vectorStore: { type: 'opensearch-serverless', collection: 'theirs' } })), undefined, 'a collection the run did not create is not ours');
  const r = readCreatedResources(JSON.stringify({ createdResources: { opensearch: { indexes: [{ endpoint: 'https://x', name: 'i' }, { name: 'no-endpoint' }] }, s3Prefixes: ['s3://b/cache/', 7] } }));
  assert.deepEqual(r, { opensearch: { indexes: [{ endpoint: 'https://x', name: 'i' }] }, s3Prefixes: ['s3://b/cache/'] });
});
