import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkTypedName, confirmationFor } from '../../../src/core/cleanup/confirm';
import { costWording } from '../../../src/core/cleanup/cost';
import { NOW, samplePlan } from './fixtures';

test('cleanup cost: throughput without commitment is hourly and deleting stops it', () => {
  assert.equal(costWording({ kind: 'throughput', modelUnits: 1 }, NOW),
    'Billed every hour while it exists (1 model unit, no commitment); deleting it stops the charge.');
});

test('cleanup cost: committed throughput says until when and that deleting does not end the charge', () => {
  const w = costWording({ kind: 'throughput', modelUnits: 2, commitment: 'OneMonth', commitmentExpiresAt: '2026-12-20T00:00:00Z' }, NOW);
  assert.equal(w, "Committed (OneMonth, 2 model units) until 2026-12-20: billed for the whole term; deleting it does not end the commitment's charge.");
  const ended = costWording({ kind: 'throughput', modelUnits: 1, commitment: 'OneMonth', commitmentExpiresAt: '2026-11-01T00:00:00Z' }, NOW);
  assert.equal(ended, 'Commitment (OneMonth) ended 2026-11-01; 1 model unit billed while it exists.');
});

test('cleanup cost: models monthly storage, collections OCUs, S3 objects and size', () => {
  assert.equal(costWording({ kind: 'model-storage' }, NOW), 'Custom model storage, billed monthly while it exists.');
  assert.match(costWording({ kind: 'collection-ocu' }, NOW), /OpenSearch Compute Units \(OCUs\), billed every hour/);
  assert.equal(costWording({ kind: 's3-storage', objectCount: 1500, bytes: 3 * 1024 * 1024 }, NOW), 'S3 storage, billed monthly: 1500 objects, 3.0 MB.');
  assert.equal(costWording({ kind: 's3-storage', objectCount: 1, truncated: true }, NOW), 'S3 storage, billed monthly: 1 or more object.');
  assert.equal(costWording({ kind: 'none' }, NOW), 'No charge of its own.');
});

test('cleanup confirm: one modal for all, typed names only for big S3 prefixes and committed throughputs', () => {
  const plan = samplePlan();
  const c = confirmationFor(plan, NOW, 1000);
  assert.equal(c.message, 'Delete 8 resources in us-east-1? This cannot be undone.');
  assert.match(c.detail, /Provisioned throughputs: 1/);
  assert.deepEqual(c.typeName.map((t) => t.name), ['s3://b/out/']); // 1,500 objects > 1,000; the throughput has no commitment
  assert.match(c.typeName[0]?.why ?? '', /holds 1500 objects \(more than 1000\)/);
  const pt = plan.resources.find((r) => r.kind === 'provisioned-throughput');
  assert.ok(pt);
  pt.cost = { kind: 'throughput', modelUnits: 1, commitment: 'SixMonths', commitmentExpiresAt: '2027-03-01T00:00:00Z' };
  const c2 = confirmationFor(plan, NOW, 2000);
  assert.deepEqual(c2.typeName.map((t) => t.name), ['my-pt']);
  assert.match(c2.typeName[0]?.why ?? '', /does not end the commitment's charge/);
});

test('cleanup confirm: the typed name must match exactly', () => {
  assert.equal(checkTypedName('my-pt', ' my-pt '), undefined);
  assert.match(checkTypedName('my-pt', 'my-p') ?? '', /Type my-pt exactly/);
});

test('cleanup confirm: the modal detail carries the costly items and the ordering caveats', () => {
  const plan = samplePlan();
  const pt = plan.resources.find((r) => r.kind === 'provisioned-throughput');
  assert.ok(pt);
  pt.selected = false;
  const c = confirmationFor(plan, NOW, 1000);
  assert.match(c.detail, /s3:\/\/b\/out\/ holds 1500 objects/);
  assert.match(c.detail, /my-model waits for my-pt, which is not ticked/);
});
