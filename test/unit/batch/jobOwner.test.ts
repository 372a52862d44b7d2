import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { formatJobsFile, jobsPathFor } from '../../../src/core/eval/batch/jobsFile';
import { recordsJob, specCandidates } from '../../../src/core/eval/batch/jobOwner';

test('a jobs file leads back to the specs that write it, and only those', () => {
  const dir = path.join(path.sep, 'ws', 'asl');
  for (const spec of ['asl.compare.json', 'asl.json', 'letters.v2.compare.json'].map((f) => path.join(dir, f))) {
    assert.ok(specCandidates(jobsPathFor(spec)).includes(spec), spec);
    for (const c of specCandidates(jobsPathFor(spec))) assert.equal(jobsPathFor(c), jobsPathFor(spec));
  }
  assert.deepEqual(specCandidates(path.join(dir, 'asl.report.json')), []);
});

test('recordsJob reads the ARN from the file, and a broken file records nothing', () => {
  const arn = 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefghijkl';
  const text = formatJobsFile({ v: 1, jobs: [{ fingerprint: 'f', model: 'tuned', modelId: 'm', jobArn: arn, inputUri: 's3://b/i/', outputUri: 's3://b/o/', records: 100, submittedAt: '2026-01-01T00:00:00Z' }] });
  assert.equal(recordsJob(text, arn), true);
  assert.equal(recordsJob(text, `${arn}x`), false);
  assert.equal(recordsJob('{not json', arn), false);
  assert.equal(recordsJob(undefined, arn), false);
});
