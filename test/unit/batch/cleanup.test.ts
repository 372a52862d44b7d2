// Clean-up of batch inference: a job of ours still moving is stopped, before its run's prefixes are deleted; a
// finished one has nothing to stop; a foreign one (no tag, no ledger entry) is never planned.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ledgerEntry } from '../../../src/core/cleanup/ledger';
import { ownedCandidates, type AccountFacts } from '../../../src/core/cleanup/ownership';
import { orderPlan } from '../../../src/core/cleanup/order';
import { buildPlan } from '../../../src/core/cleanup/planner';

const A = '123456789012';
const R = 'us-east-1';
const arn = (id: string): string => `arn:aws:bedrock:${R}:${A}:model-invocation-job/${id}`;

test('clean-up: owned batch jobs in progress are stopped before the run prefix is deleted; nothing foreign', () => {
  const facts: AccountFacts = {
    account: A, region: R, jobs: [], models: [], throughputs: [], collections: [], policies: [], indexes: [],
    prefixes: [{ bucket: 'b', prefix: 'p/bedrock-mm-batch/run1/', count: 3, bytes: 100, truncated: false }],
    batchJobs: [
      { arn: arn('aaaaaaaaaaaa'), status: 'InProgress', tagged: false },
      { arn: arn('bbbbbbbbbbbb'), status: 'Completed', tagged: true },
      { arn: arn('cccccccccccc'), status: 'Scheduled', tagged: true },
      { arn: arn('dddddddddddd'), status: 'InProgress', tagged: false },
    ],
  };
  const ledger = [
    { entry: ledgerEntry('batch-job', { arn: arn('aaaaaaaaaaaa') }, 'x.compare.json'), confirmed: true },
    { entry: ledgerEntry('s3-prefix', { bucket: 'b', prefix: 'p/bedrock-mm-batch/run1/' }, 'x.compare.json', { account: A, region: R }), confirmed: true },
  ];
  const { candidates } = ownedCandidates(facts, { ledger, manual: [] });
  const jobs = candidates.filter((c) => c.kind === 'batch-job').map((c) => [c.identity.arn, c.ticked]);
  assert.deepEqual(jobs, [[arn('aaaaaaaaaaaa'), true], [arn('cccccccccccc'), true]]);
  assert.ok(candidates.some((c) => c.kind === 's3-prefix' && c.identity.prefix === 'p/bedrock-mm-batch/run1/' && c.ticked));
  assert.ok(!candidates.some((c) => c.identity.arn === arn('dddddddddddd')), 'a foreign job is never planned');
  const { plan } = buildPlan(candidates, { account: A, region: R }, new Date(0));
  const waves = orderPlan(plan).waves.map((w) => w.map((r) => r.kind));
  const jobWave = waves.findIndex((w) => w.includes('batch-job'));
  const prefixWave = waves.findIndex((w) => w.includes('s3-prefix'));
  assert.ok(jobWave >= 0 && jobWave < prefixWave, JSON.stringify(waves));
});
