import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { BATCH_STATUSES, isRunning } from '../../../src/core/eval/batch/status';
import { statusLook, TERMINAL_BATCH_STATUSES, TERMINAL_JOB_STATUSES } from '../../../src/core/lifecycle/status';

test('job statuses map to the documented icons and only running ones poll', () => {
  assert.deepEqual(statusLook('job', 'InProgress'), { icon: 'loading~spin', inProgress: true });
  assert.equal(statusLook('job', 'Completed').icon, 'check');
  assert.equal(statusLook('job', 'Completed').color, 'testing.iconPassed');
  assert.equal(statusLook('job', 'Failed').icon, 'error');
  assert.equal(statusLook('job', 'Stopped').icon, 'circle-slash');
  assert.equal(statusLook('job', 'Stopping').inProgress, true);
  for (const s of TERMINAL_JOB_STATUSES) assert.equal(statusLook('job', s).inProgress, false, s);
});

test('sub-steps, models and throughputs have their own tables', () => {
  assert.equal(statusLook('subStep', 'NotStarted').icon, 'circle-outline');
  assert.equal(statusLook('subStep', 'InProgress').inProgress, true);
  assert.equal(statusLook('model', 'Creating').inProgress, true);
  assert.equal(statusLook('model', 'Active').inProgress, false);
  assert.equal(statusLook('throughput', 'Creating').inProgress, true);
  assert.equal(statusLook('throughput', 'Updating').inProgress, true);
  assert.equal(statusLook('throughput', 'InService').inProgress, false);
  assert.equal(statusLook('throughput', 'Failed').icon, 'error');
});

test('an unknown or missing status gets a question mark instead of a throw', () => {
  assert.deepEqual(statusLook('job', 'Paused'), { icon: 'question', inProgress: false });
  assert.equal(statusLook('throughput', undefined).icon, 'question');
  // Statuses of one kind do not leak into another: "Active" is a model status only.
  assert.equal(statusLook('job', 'Active').icon, 'question');
});

test('every batch inference job status has its own look, polled exactly while the comparison would wait on it', () => {
  const icons = BATCH_STATUSES.map((s) => statusLook('batchJob', s).icon);
  assert.ok(!icons.includes('question'), `every status is known: ${icons.join(', ')}`);
  for (const s of BATCH_STATUSES) assert.equal(statusLook('batchJob', s).inProgress, isRunning(s), s);
  assert.deepEqual([...TERMINAL_BATCH_STATUSES].sort(), BATCH_STATUSES.filter((s) => !isRunning(s)).sort());
  assert.equal(statusLook('batchJob', 'PartiallyCompleted').icon, 'warning');
  assert.equal(statusLook('batchJob', 'Expired').icon, 'history');
  assert.equal(statusLook('batchJob', 'Active').icon, 'question', 'a model status is not a batch status');
});
