import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePlan, serializePlan } from '../../../src/core/cleanup/planFile';
import { formatPlan } from '../../../src/core/cleanup/report';
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
  assert.match(parsePlan('{"version":1,"region":"us-east-1","resources":[]}').problems[0] ?? '', /version 1.*Delete the file and run again/);
  const p = parsePlan(JSON.stringify({ version: 2, account: '123456789012', region: 'us-east-1', resources: [
    { kind: 'bucket', identity: {} },
    { kind: 's3-prefix', identity: { bucket: 'b', prefix: '' } },
    { kind: 'custom-model', identity: { arn: 'arn:aws:bedrock:us-east-1:123456789012:custom-model/x/m' }, after: ['custom-model:zzz'] },
  ] }));
  assert.equal(p.plan, undefined);
  assert.match(p.problems[0] ?? '', /resources\[0\]\.kind must be one of/);
  assert.match(p.problems[1] ?? '', /resources\[1\] \(s3-prefix\) needs a non-empty "prefix"/);
  assert.match(p.problems[2] ?? '', /waits for custom-model:zzz, which is not in the plan/);
});

const plan2 = (resources: object[], extra: object = {}): string => JSON.stringify({ version: 2, account: '123456789012', region: 'us-east-1', resources, ...extra });

test('cleanup plan file: a hand-written minimal entry gets key, label, cost and manual reason, and is NOT ticked', () => {
  const p = parsePlan(plan2([{ kind: 's3-prefix', identity: { bucket: 'b', prefix: 'cache/' } }]));
  assert.deepEqual(p.problems, []);
  const r = p.plan?.resources[0];
  assert.equal(r?.key, 's3-prefix:s3://b/cache/');
  assert.equal(r?.selected, false, 'an entry without "selected" is kept, not deleted');
  assert.equal(r?.reasons[0]?.source, 'manual');
  assert.deepEqual(r?.cost, { kind: 's3-storage' });
  assert.equal(parsePlan(plan2([{ kind: 's3-prefix', identity: { bucket: 'b', prefix: 'cache/' }, selected: true }])).plan?.resources[0]?.selected, true);
  assert.equal(parsePlan(plan2([{ kind: 'iam-role', identity: { arn: 'arn:aws:iam::123456789012:role/R' } }])).plan?.resources[0]?.selected, false);
});

test('cleanup plan file: the identity is the ARN; a role name that disagrees with it is an error; labels come from identities', () => {
  // Reproduction of the hand edit: label BedrockRole, name ProdAdmin, BedrockRole's ARN.
  const edited = parsePlan(plan2([{ kind: 'iam-role', label: 'BedrockRole', identity: { name: 'ProdAdmin', arn: 'arn:aws:iam::123456789012:role/BedrockRole' }, selected: true }]));
  assert.equal(edited.plan, undefined);
  assert.match(edited.problems[0] ?? '', /"name" ProdAdmin disagrees with its ARN \(role BedrockRole\)/);
  assert.match(parsePlan(plan2([{ kind: 'iam-role', identity: { name: 'ProdAdmin' }, selected: true }])).problems[0] ?? '', /needs "arn"/);
  assert.match(parsePlan(plan2([{ kind: 'custom-model', identity: { name: 'prod-model' }, selected: true }])).problems[0] ?? '', /needs "arn"/);
  const labelled = parsePlan(plan2([{ kind: 'iam-role', label: 'Harmless', identity: { arn: 'arn:aws:iam::123456789012:role/ProdAdmin' }, selected: true }]));
  assert.equal(labelled.plan?.resources[0]?.label, 'ProdAdmin', 'a label in the file is never shown: it is derived from the ARN');
  const s3 = parsePlan(plan2([{ kind: 's3-prefix', label: 'tiny', identity: { bucket: 'b', prefix: 'x/' } }]));
  assert.equal(s3.plan?.resources[0]?.label, 's3://b/x/');
});

test('cleanup plan file: a plan records its account; one without it is refused', () => {
  assert.match(parsePlan(JSON.stringify({ version: 2, region: 'us-east-1', resources: [] })).problems.join(' '), /"account" must be the 12-digit AWS account id/);
  assert.equal(parsePlan(plan2([])).plan?.account, '123456789012');
});

test('cleanup plan text: steps in order with cost and why', () => {
  const text = formatPlan(samplePlan(), NOW);
  assert.match(text, /^Clean-up plan for us-east-1: 8 of 9 resource\(s\) ticked/);
  assert.match(text, /Step 1:\n {2}1\. \[customization-job\] job-running/);
  assert.match(text, /\[provisioned-throughput\] my-pt — us-east-1\n {5}cost: Billed every hour/);
  assert.match(text, /Kept \(unticked, never touched\): BedrockRole/);
});


