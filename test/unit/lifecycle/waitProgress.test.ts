// CI-log progress while waiting: a line per change of state or step, else at most one per minute; the outcomes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jobOutcome, jobSteps, ProgressLines, QUIET_LINE_MS, throughputOutcome } from '../../../src/core/lifecycle/waitProgress';
import { specProblemLines } from '../../../src/core/lifecycle/specProblems';

describe('wait progress lines', () => {
  it('one line per change, then at most one per minute while nothing changes', () => {
    const p = new ProgressLines('job j', 0);
    const running = { status: 'InProgress', steps: [{ label: 'Validation', status: 'InProgress' }] };
    assert.equal(p.observe(running, 0), 'job j: InProgress (Validation InProgress) [0m]');
    assert.equal(p.observe(running, 1000), undefined);
    assert.equal(p.observe(running, QUIET_LINE_MS - 1), undefined);
    assert.equal(p.observe(running, QUIET_LINE_MS), 'job j: still InProgress (Validation InProgress) [1m]');
    assert.equal(p.observe(running, QUIET_LINE_MS + 5000), undefined);
    const next = { status: 'InProgress', steps: [{ label: 'Validation', status: 'Completed' }, { label: 'Training', status: 'InProgress' }] };
    assert.equal(p.observe(next, QUIET_LINE_MS + 6000), 'job j: InProgress (Validation Completed, Training InProgress) [1m]');
    assert.equal(p.observe({ status: 'Failed', failureMessage: 'bad image' }, 2 * 3600_000 + 5 * 60_000), 'job j: Failed: bad image [2h05m]');
  });

  it('outcomes and steps', () => {
    assert.deepEqual(['InProgress', 'Stopping', 'Completed', 'Failed', 'Stopped'].map(jobOutcome), ['waiting', 'waiting', 'done', 'failed', 'failed']);
    assert.deepEqual(['Creating', 'Updating', 'InService', 'Failed'].map(throughputOutcome), ['waiting', 'waiting', 'done', 'failed']);
    assert.deepEqual(jobSteps({ trainingDetails: { status: 'NotStarted' }, validationDetails: { status: 'Completed' } }),
      [{ label: 'Validation', status: 'Completed' }, { label: 'Training', status: 'NotStarted' }]);
    assert.deepEqual(jobSteps(undefined), []);
  });
});

describe('job spec problems as file:line:col', () => {
  it('points at the field, or its object when the field is missing, or 1:1 when not JSON', () => {
    const text = '{\n  "jobName": "x",\n  "hyperParameters": {\n    "epochCount": 500\n  }\n}\n';
    assert.deepEqual(specProblemLines('a.bedrock-job.json', text, [
      { path: 'hyperParameters.epochCount', message: 'too many' }, { path: 'roleArn', message: '"roleArn" is required.' },
    ]), ['a.bedrock-job.json:4:19: error: hyperParameters.epochCount: too many', 'a.bedrock-job.json:1:1: error: roleArn: "roleArn" is required.']);
    assert.deepEqual(specProblemLines('b.json', '{oops', [{ path: '', message: 'Not valid JSON' }]), ['b.json:1:1: error: (file): Not valid JSON']);
  });
});
