import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { orderPlan } from '../../../src/core/cleanup/order';
import { buildPlan, withSelection } from '../../../src/core/cleanup/planner';
import { CANDIDATES, NOW, samplePlan } from './fixtures';

const SCOPE = { account: '123456789012', region: 'us-east-1' };

function position(order: string[], label: string): number {
  const i = order.indexOf(label);
  assert.notEqual(i, -1, `${label} missing from ${order.join(', ')}`);
  return i;
}

test('cleanup order: jobs stop first, throughput before its model, index before collection before policies, role last', () => {
  const plan = withSelection(samplePlan(), new Set(samplePlan().resources.map((r) => r.key))); // role ticked too
  const { waves, problems } = orderPlan(plan);
  assert.deepEqual(problems, []);
  const order = waves.flat().map((r) => r.label);
  assert.equal(order.length, plan.resources.length);
  assert.equal(position(order, 'job-running'), 0);
  assert.ok(position(order, 'my-pt') < position(order, 'my-model'));
  assert.ok(position(order, 'idx-ft') < position(order, 'cmp'));
  assert.ok(position(order, 'cmp') < position(order, 'cmp (encryption policy)'));
  assert.ok(position(order, 'cmp') < position(order, 'cmp (data policy)'));
  assert.equal(order.at(-1), 'BedrockRole');
  // One wave holds only resources with no order between them.
  const waveOf = (label: string) => waves.findIndex((w) => w.some((r) => r.label === label));
  assert.equal(waveOf('cmp (encryption policy)'), waveOf('cmp (data policy)'));
  assert.equal(waveOf('my-pt'), waveOf('s3://b/out/'));
});

test('cleanup order: the IAM role is unticked by default and never scheduled then', () => {
  const plan = samplePlan();
  assert.equal(plan.resources.find((r) => r.kind === 'iam-role')?.selected, false);
  assert.ok(plan.resources.filter((r) => r.kind !== 'iam-role').every((r) => r.selected));
  assert.ok(!orderPlan(plan).waves.flat().some((r) => r.kind === 'iam-role'));
});

test('cleanup order: planner links the model to its throughput and policies to their collection', () => {
  const plan = samplePlan();
  const byLabel = (l: string) => plan.resources.find((r) => r.label === l);
  assert.deepEqual(byLabel('my-model')?.after, [byLabel('my-pt')?.key]);
  assert.deepEqual(byLabel('cmp (encryption policy)')?.after, [byLabel('cmp')?.key]);
  assert.deepEqual(byLabel('cmp')?.after, [byLabel('idx-ft')?.key]);
});

test('cleanup order: unticking a throughput warns that its model may fail', () => {
  const plan = samplePlan();
  const keys = new Set(plan.resources.filter((r) => r.label !== 'my-pt').map((r) => r.key));
  const { warnings } = orderPlan(withSelection(plan, keys));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /my-model waits for my-pt, which is not ticked/);
});

test('cleanup order: an "after" against the kind rules is reported as a cycle, nothing scheduled', () => {
  const plan = samplePlan();
  const pt = plan.resources.find((r) => r.label === 'my-pt');
  const model = plan.resources.find((r) => r.label === 'my-model');
  assert.ok(pt && model);
  pt.after.push(model.key);
  const o = orderPlan(plan);
  assert.equal(o.waves.length, 0);
  assert.match(o.problems[0] ?? '', /wait for each other.*my-pt/);
});

test('cleanup planner: the same resource found by tag and by the ledger is one entry with both reasons', () => {
  const dup = { ...CANDIDATES[3]!, reason: { source: 'ledger' as const, detail: 'made by job a' } };
  const { plan } = buildPlan([...CANDIDATES, dup], SCOPE, NOW);
  const model = plan.resources.filter((r) => r.kind === 'custom-model');
  assert.equal(model.length, 1);
  assert.deepEqual(model[0]?.reasons.map((r) => r.source), ['tag', 'ledger']);
});

test('cleanup planner: ticked only with proof; an offered candidate alone stays unticked, with proof from another it is ticked', () => {
  const offered = { ...CANDIDATES[3]!, reason: { source: 'unconfirmed-ledger' as const, detail: 'only in the workspace file' }, ticked: false };
  assert.equal(buildPlan([offered], SCOPE, NOW).plan.resources[0]?.selected, false);
  assert.equal(buildPlan([offered, CANDIDATES[3]!], SCOPE, NOW).plan.resources[0]?.selected, true);
  assert.equal(buildPlan([offered], SCOPE, NOW).plan.account, '123456789012');
});

test('cleanup planner: an S3 candidate with an empty prefix is refused, never a whole bucket', () => {
  const { plan, skipped } = buildPlan([{ kind: 's3-prefix', label: 's3://b/', identity: { bucket: 'b', prefix: '' }, region: 'us-east-1', reason: { source: 'manual', detail: 'x' }, cost: { kind: 's3-storage' }, ticked: true }], SCOPE, NOW);
  assert.equal(plan.resources.length, 0);
  assert.match(skipped[0] ?? '', /never empties a whole bucket/);
});
