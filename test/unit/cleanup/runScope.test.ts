// One pipeline run's share of the ledger and of the plan (cleanup --from-spec / --from-report).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ledgerEntry } from '../../../src/core/cleanup/ledger';
import { PLAN_VERSION, type CleanupPlan, type PlanResource } from '../../../src/core/cleanup/plan';
import { reportScope, specScope } from '../../../src/core/cleanup/runScope';

const A = 'arn:aws:bedrock:us-east-1:123456789012';
const res = (key: string, kind: PlanResource['kind'], arn: string, after: string[] = []): PlanResource => ({
  key, kind, label: key, identity: { arn }, region: 'us-east-1', reasons: [], cost: { kind: 'none' }, after, selected: true,
});
const plan = (resources: PlanResource[]): CleanupPlan => ({ version: PLAN_VERSION, createdAt: '', account: '123456789012', region: 'us-east-1', resources });

describe('run scope', () => {
  it('--from-spec: the job of that name, and only the throughputs serving the model it made', () => {
    const s = specScope('job-a');
    assert.equal(s.keepEntry(ledgerEntry('customization-job', { arn: `${A}:model-customization-job/a`, name: 'job-a' }, 'x')), true);
    assert.equal(s.keepEntry(ledgerEntry('customization-job', { arn: `${A}:model-customization-job/b`, name: 'job-b' }, 'x')), false);
    assert.equal(s.keepEntry(ledgerEntry('aoss-collection', { arn: 'arn:aws:aoss:us-east-1:123456789012:collection/c', name: 'c' }, 'x')), false);
    const narrowed = s.narrow(plan([
      res('pt:mine', 'provisioned-throughput', `${A}:provisioned-model/mine`),
      res('pt:other', 'provisioned-throughput', `${A}:provisioned-model/other`),
      res('model:a', 'custom-model', `${A}:custom-model/a`, ['pt:mine']),
    ]));
    assert.deepEqual(narrowed.resources.map((r) => r.key), ['pt:mine', 'model:a']);
  });

  it('--from-report: the throughputs the report names and the models they serve; nothing else', () => {
    const s = reportScope([`${A}:provisioned-model/mine`, 'amazon.titan-embed-image-v1']);
    const narrowed = s.narrow(plan([
      res('pt:mine', 'provisioned-throughput', `${A}:provisioned-model/mine`),
      res('pt:other', 'provisioned-throughput', `${A}:provisioned-model/other`),
      res('model:a', 'custom-model', `${A}:custom-model/a`, ['pt:mine', 'pt:other']),
      res('model:b', 'custom-model', `${A}:custom-model/b`, ['pt:other']),
      res('job:a', 'customization-job', `${A}:model-customization-job/a`),
    ]));
    assert.deepEqual(narrowed.resources.map((r) => r.key), ['pt:mine', 'model:a']);
    assert.deepEqual(narrowed.resources[1]?.after, ['pt:mine'], 'after names only what is still in the plan');
  });
});
