// The executor over in-memory targets (the AWS-backed targets are proved against the emulator in
// test/unit/cleanup-aws). Checks ordering at run time, idempotency, retries, blocking, cancel and dry run.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { executePlan, runSucceeded, type CleanupTarget, type ErrorInterpreter } from '../../../src/core/cleanup/executor';
import { RESOURCE_KINDS, type PlanResource, type ResourceKind } from '../../../src/core/cleanup/plan';
import { formatRun, summarizeRun } from '../../../src/core/cleanup/report';
import { samplePlan } from './fixtures';

class FakeError extends Error { constructor(readonly code: string) { super(code); } }

function world(opts: { throttleEvery?: number; conflictOnce?: string; failAlways?: string } = {}) {
  const present = new Set(samplePlan().resources.map((r) => r.key));
  const log: string[] = [];
  let calls = 0;
  const conflicted = new Set<string>();
  const target: CleanupTarget = {
    async exists(r) { calls += 1; if (opts.throttleEvery && calls % opts.throttleEvery === 0) throw new FakeError('Throttling'); return { present: present.has(r.key), detail: 'status Active' }; },
    async delete(r) {
      calls += 1;
      if (opts.throttleEvery && calls % opts.throttleEvery === 0) throw new FakeError('Throttling');
      if (opts.failAlways === r.label) throw new FakeError('AccessDenied');
      if (opts.conflictOnce === r.label && !conflicted.has(r.key)) { conflicted.add(r.key); throw new FakeError('Conflict'); }
      if (!present.has(r.key)) throw new FakeError('NotFound');
      log.push(r.label);
      present.delete(r.key);
    },
  };
  const targets = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, target])) as Record<ResourceKind, CleanupTarget>;
  return { present, log, targets };
}

const errors: ErrorInterpreter = {
  classify: (e) => { const c = (e as FakeError).code; return c === 'Throttling' ? 'throttled' : c === 'Conflict' ? 'conflict' : c === 'NotFound' ? 'not-found' : 'fatal'; },
  explain: (e, r: PlanResource) => `${(e as FakeError).code} on ${r.label}: grant the permission and re-run`,
};
const instant = { sleep: async () => undefined, random: () => 0.5 };

test('cleanup executor: deletes the ticked resources in order, verifies them gone, keeps the unticked role', async () => {
  const w = world();
  const report = await executePlan(samplePlan(), { targets: w.targets, errors, ...instant, concurrency: 3 });
  assert.ok(runSucceeded(report), formatRun(report));
  assert.equal(w.log[0], 'job-running');
  assert.ok(w.log.indexOf('my-pt') < w.log.indexOf('my-model'));
  assert.ok(w.log.indexOf('cmp') < w.log.indexOf('cmp (encryption policy)'));
  assert.ok(!w.log.includes('BedrockRole'));
  assert.equal(w.present.size, 1); // only the unticked role is left
  assert.deepEqual(report.kept.map((k) => k.label), ['BedrockRole']);
});

test('cleanup executor: a second run deletes nothing and reports everything already gone', async () => {
  const w = world();
  await executePlan(samplePlan(), { targets: w.targets, errors, ...instant });
  w.log.length = 0;
  const again = await executePlan(samplePlan(), { targets: w.targets, errors, ...instant });
  assert.deepEqual(w.log, []);
  assert.ok(again.results.every((r) => r.action === 'already-gone' && r.verdict === 'gone'));
  assert.equal(summarizeRun(again), 'Clean-up: 0 deleted, 8 already gone; everything in the plan is gone.');
});

test('cleanup executor: throttling and a first ConflictException are retried to the end', async () => {
  const w = world({ throttleEvery: 3, conflictOnce: 'my-model' });
  const report = await executePlan(samplePlan(), { targets: w.targets, errors, ...instant });
  assert.ok(runSucceeded(report), formatRun(report));
  assert.ok((report.results.find((r) => r.label === 'my-model')?.attempts ?? 0) >= 2);
});

test('cleanup executor: a failure blocks its dependents, is reported with what to do, and a re-run finishes', async () => {
  const w = world({ failAlways: 'cmp' });
  const report = await executePlan(samplePlan(), { targets: w.targets, errors, ...instant });
  const by = (l: string) => report.results.find((r) => r.label === l);
  assert.equal(by('cmp')?.action, 'failed');
  assert.equal(by('cmp')?.verdict, 'still-there');
  assert.match(by('cmp')?.message ?? '', /AccessDenied on cmp: grant the permission/);
  assert.equal(by('cmp (encryption policy)')?.action, 'blocked');
  assert.match(by('cmp (encryption policy)')?.message ?? '', /needs cmp gone first/);
  assert.equal(by('my-model')?.verdict, 'gone');
  assert.ok(!runSucceeded(report));
  const fixed = world();
  for (const k of [...fixed.present]) if (!w.present.has(k)) fixed.present.delete(k);
  const rerun = await executePlan(samplePlan(), { targets: fixed.targets, errors, ...instant });
  assert.ok(runSucceeded(rerun), formatRun(rerun));
  assert.deepEqual(fixed.log.sort(), ['cmp', 'cmp (data policy)', 'cmp (encryption policy)']);
});

test('cleanup executor: cancel stops before the next resource and says to re-run', async () => {
  const w = world();
  const ac = new AbortController();
  const report = await executePlan(samplePlan(), {
    targets: w.targets, errors, ...instant, concurrency: 1, signal: ac.signal,
    onProgress: (p) => { if (p.done === 2) ac.abort(); },
  });
  assert.equal(w.log.length, 2);
  const cancelled = report.results.filter((r) => r.action === 'cancelled');
  assert.equal(cancelled.length, 6);
  assert.ok(cancelled.every((r) => r.verdict === 'still-there'));
});

test('cleanup executor: dry run calls nothing at all', async () => {
  const w = world();
  const touched: string[] = [];
  const spy: CleanupTarget = { exists: async (r) => { touched.push(r.label); return { present: true }; }, delete: async (r) => { touched.push(r.label); } };
  const targets = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, spy])) as Record<ResourceKind, CleanupTarget>;
  const report = await executePlan(samplePlan(), { targets, errors, ...instant, dryRun: true });
  assert.deepEqual(touched, []);
  assert.equal(w.log.length, 0);
  assert.equal(report.results.length, 8);
  assert.ok(report.results.every((r) => r.action === 'planned'));
  assert.ok(runSucceeded(report));
});
