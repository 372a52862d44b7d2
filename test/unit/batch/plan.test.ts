import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_BATCH_LIMITS } from '../../../src/core/eval/batch/limits';
import { isRecordId, padRecordId, recordIdFor } from '../../../src/core/eval/batch/recordId';
import { padRecord, paddingFor, recordLine } from '../../../src/core/eval/batch/records';
import { LineSplitter } from '../../../src/core/eval/batch/split';
import { jobFingerprint, jobNameFor, batchRequestToken, jobsPathFor, parseJobsFile, withJob, formatJobsFile } from '../../../src/core/eval/batch/jobsFile';

test('recordId: 11 alphanumerics, stable, distinct per model, length and key', () => {
  const a = recordIdFor('m', 1024, 'etag:abc');
  assert.ok(isRecordId(a), a);
  assert.equal(a, recordIdFor('m', 1024, 'etag:abc'));
  assert.notEqual(a, recordIdFor('m', 384, 'etag:abc'));
  assert.notEqual(a, recordIdFor('m2', 1024, 'etag:abc'));
  assert.notEqual(a, recordIdFor('m', 1024, 'etag:abd'));
  const ids = new Set(Array.from({ length: 20_000 }, (_, i) => recordIdFor('m', 1024, `text:${i}`)));
  assert.equal(ids.size, 20_000);
  assert.ok(isRecordId(padRecordId('f', 3)));
});

test('splitter: a new file at the record limit and at the byte limit, a new job at the job limits', () => {
  const s = new LineSplitter({ ...DEFAULT_BATCH_LIMITS, recordsPerFile: 3, fileBytes: 100, recordsPerJob: 5, jobBytes: 1000 });
  const places = [10, 10, 10, 10, 10, 10].map((b) => s.place(b));
  assert.deepEqual(places.map((p) => [p.job, p.file, p.opensFile]), [[0, 0, true], [0, 0, false], [0, 0, false], [0, 1, true], [0, 1, false], [1, 0, true]]);
  const b = new LineSplitter({ ...DEFAULT_BATCH_LIMITS, fileBytes: 25 });
  assert.deepEqual([10, 10, 10].map((x) => b.place(x).file), [0, 0, 1]);
  assert.throws(() => b.place(26), /26 bytes; the input file limit is 25/);
});

test('padding: both numbers stated, repeats under ids no real record has', () => {
  assert.equal(paddingFor(100, 100).count, 0);
  assert.equal(paddingFor(0, 100).count, 0);
  const p = paddingFor(30, 100);
  assert.equal(p.count, 70);
  assert.match(p.message, /30 records is below the batch minimum of 100/);
  const real = [{ recordId: 'a', modelInput: { inputText: 'x' } }, { recordId: 'b', modelInput: { inputText: 'y' } }];
  const pad = padRecord(real, 3, 'fp');
  assert.deepEqual(pad.modelInput, { inputText: 'y' });
  assert.notEqual(pad.recordId, 'b');
  assert.equal(recordLine(real[0]!), '{"recordId":"a","modelInput":{"inputText":"x"}}\n');
});

test('jobs file: fingerprint independent of order, name and token in AWS patterns, round trip', () => {
  const f = jobFingerprint('m', 1024, ['b', 'a']);
  assert.equal(f, jobFingerprint('m', 1024, ['a', 'b']));
  assert.notEqual(f, jobFingerprint('m', 1024, ['a']));
  const name = jobNameFor('fine tuned/#1', f);
  assert.match(name, /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/);
  assert.ok(name.length <= 63);
  assert.match(batchRequestToken(f), /^[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}$/);
  assert.equal(batchRequestToken(f), batchRequestToken(f));
  assert.match(jobsPathFor('/w/x.compare.json'), /\/w\/x\.batch-jobs\.json$/);
  const job = { fingerprint: f, model: 'ft', modelId: 'm', jobArn: 'arn:x', inputUri: 's3://b/i/', outputUri: 's3://b/o/', records: 3, submittedAt: 't' };
  const file = withJob(withJob(parseJobsFile(undefined), job), { ...job, jobArn: 'arn:y' });
  assert.deepEqual(parseJobsFile(formatJobsFile(file)).jobs.map((j) => j.jobArn), ['arn:y']);
  assert.deepEqual(parseJobsFile('{broken').jobs, []);
});
