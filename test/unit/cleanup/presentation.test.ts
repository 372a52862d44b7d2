import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checklist, leftoversOf, withLeftovers } from '../../../src/core/cleanup/presentation';
import { NOW, samplePlan } from './fixtures';

test('cleanup checklist: groups by kind in reading order, where+cost as description, why as detail, role unticked', () => {
  const groups = checklist(samplePlan(), NOW);
  assert.deepEqual(groups.map((g) => g.title), [
    'Running customization jobs (stopped)', 'Provisioned throughputs', 'Custom models', 'OpenSearch indexes',
    'OpenSearch Serverless collections', 'OpenSearch Serverless encryption and network policies',
    'OpenSearch Serverless data access policies', 'S3 prefixes', 'IAM role',
  ]);
  const pt = groups[1]?.entries[0];
  assert.equal(pt?.description, 'us-east-1 · Billed every hour while it exists (1 model unit, no commitment); deleting it stops the charge.');
  assert.equal(pt?.detail, 'Why: tag created-by=bedrock-mm-customizer');
  const role = groups.at(-1)?.entries[0];
  assert.equal(role?.picked, false);
  assert.match(role?.detail ?? '', /unticked by default/);
  assert.ok(groups.slice(0, -1).every((g) => g.entries.every((e) => e.picked)));
});

test('cleanup leftovers: a previous plan\'s resource still there rejoins with its reason; gone dependencies are dropped', () => {
  const prev = samplePlan();
  const model = prev.resources.find((r) => r.kind === 'custom-model');
  assert.ok(model);
  const fresh = { ...prev, resources: [] };
  const merged = withLeftovers(fresh, [model], '2026-11-27 10:00');
  assert.equal(merged.resources.length, 1);
  assert.deepEqual(merged.resources[0]?.after, []); // its throughput is gone, nothing to wait for
  assert.equal(merged.resources[0]?.reasons.at(-1)?.detail, 'still there after the clean-up of 2026-11-27 10:00');
  assert.deepEqual(withLeftovers(prev, [model], 'x').resources.length, prev.resources.length, 'a rediscovered resource is not added twice');
});

test('cleanup leftovers (finding 12): a previous plan counts only in its own account and region', () => {
  const prev = samplePlan();
  const fresh = { ...prev, resources: [] };
  assert.equal(leftoversOf(prev, fresh)?.length, prev.resources.filter((r) => r.selected).length);
  assert.equal(leftoversOf(prev, { ...fresh, account: '210987654321' }), undefined, 'same names in another account are other resources');
  assert.equal(leftoversOf(prev, { ...fresh, region: 'us-west-2' }), undefined);
  assert.equal(leftoversOf(undefined, fresh), undefined);
  assert.deepEqual(leftoversOf(prev, prev), [], 'what the new plan lists is not a leftover');
});
