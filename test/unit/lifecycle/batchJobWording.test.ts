import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { batchJobDescription, batchJobEndMessage, recordWording, shortModel } from '../../../src/core/lifecycle/batchJobWording';
import type { BatchJobSummary } from '../../../src/core/lifecycle/types';

const now = new Date('2026-01-01T12:00:00Z');
const job = (over: Partial<BatchJobSummary>): BatchJobSummary => ({
  jobArn: 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefghijkl', jobName: 'bedrock-mm-tuned-0123', modelId: 'amazon.titan-embed-image-v1', status: 'InProgress', ...over,
});

test('the description: status, processed/total records, errors, model, age, ours', () => {
  assert.equal(batchJobDescription(job({ processedRecordCount: 45, totalRecordCount: 100, submitTime: new Date('2026-01-01T11:55:00Z'), ours: 'ledger' }), now),
    'InProgress · 45/100 records · amazon.titan-embed-image-v1 · submitted 5 min ago · by this extension');
  assert.equal(batchJobDescription(job({ status: 'PartiallyCompleted', processedRecordCount: 100, totalRecordCount: 100, errorRecordCount: 3,
    modelId: 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/m1abc' }), now),
  'PartiallyCompleted · 100/100 records · 3 errors · m1abc', 'no age without a submit time; not ours unless known');
  assert.equal(batchJobDescription(job({ errorRecordCount: 1, totalRecordCount: 5 }), now), 'InProgress · 0/5 records · 1 error · amazon.titan-embed-image-v1');
});

test('record counts read the way they are known', () => {
  assert.equal(recordWording({}), '');
  assert.equal(recordWording({ processedRecordCount: 7 }), '7 records');
  assert.equal(recordWording({ totalRecordCount: 7 }), '0/7 records');
  assert.equal(shortModel('amazon.titan-embed-image-v1'), 'amazon.titan-embed-image-v1');
});

test('the end notification names the outcome, the counts and AWS\'s message', () => {
  assert.equal(batchJobEndMessage(job({ status: 'Completed', processedRecordCount: 100, totalRecordCount: 100 })), 'Batch inference job "bedrock-mm-tuned-0123" completed (100/100 records).');
  assert.match(batchJobEndMessage(job({ status: 'PartiallyCompleted', processedRecordCount: 100, totalRecordCount: 100, errorRecordCount: 3 })), /completed with failed records \(100\/100 records, 3 failed\)/);
  assert.equal(batchJobEndMessage(job({ status: 'Failed', message: 'Could not assume the role' })), 'Batch inference job "bedrock-mm-tuned-0123" failed: Could not assume the role');
  assert.match(batchJobEndMessage(job({ status: 'Expired' })), /expired before it finished; submit it again/);
  assert.equal(batchJobEndMessage(job({ status: 'Stopped', processedRecordCount: 10, totalRecordCount: 100 })), 'Batch inference job "bedrock-mm-tuned-0123" stopped (10/100 records).');
});
