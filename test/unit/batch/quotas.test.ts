// The batch limits from the account's applied quotas over the settings (core/eval/batch/quotas.ts): each limit's
// source, sizes in GB, a code AWS renumbered found by its name, unusable values left to the settings, and the
// confirmation's words when Service Quotas could not be read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_BATCH_LIMITS } from '../../../src/core/eval/batch/limits';
import { resolveBatchLimits, TMME_BATCH_QUOTAS } from '../../../src/core/eval/batch/quotas';

const GB = 1024 ** 3;

test('batch limits: applied quotas replace the settings, each says where it came from', () => {
  const r = resolveBatchLimits(DEFAULT_BATCH_LIMITS, { kind: 'read', quotas: [
    { code: 'L-1A69C08F', name: 'Minimum number of records per batch inference job for Titan Multimodal Embeddings G1', value: 20 },
    { code: 'L-447BB329', name: 'Batch inference input file size (in GB) for Titan Multimodal Embeddings G1', value: 2 },
    // Renumbered: found by its exact name.
    { code: 'L-NEW00001', name: 'Records per batch inference job for Titan Multimodal Embeddings G1', value: 100_000 },
    { code: 'L-81E26054', name: 'Records per input file per batch inference job for Titan Multimodal Embeddings G1', value: 0 },
  ] });
  assert.deepEqual(r.limits, { minRecordsPerJob: 20, recordsPerJob: 100_000, recordsPerFile: 50_000, fileBytes: 2 * GB, jobBytes: 5 * GB });
  assert.deepEqual(r.sources, { minRecordsPerJob: 'account', recordsPerJob: 'account', recordsPerFile: 'settings', fileBytes: 'account', jobBytes: 'settings' });
  assert.match(r.description, /at least 20 records per job \(your account's applied quota L-1A69C08F\)/);
  assert.match(r.description, /at most 100000 records per job \(your account's applied quota L-NEW00001\)/);
  assert.match(r.description, /50000 records per file \(your settings: L-81E26054 is 0\)/);
  assert.match(r.description, /5 GB per job \(your settings: no applied value for L-4C584163\)/);
  assert.match(r.description, /2 GB per file/);
});

test('batch limits: Service Quotas unreadable -> every limit from the settings, with the reason', () => {
  const settings = { ...DEFAULT_BATCH_LIMITS, minRecordsPerJob: 150 };
  const r = resolveBatchLimits(settings, { kind: 'unavailable', reason: 'servicequotas:GetServiceQuota was denied' });
  assert.deepEqual(r.limits, settings);
  assert.ok(Object.values(r.sources).every((s) => s === 'settings'));
  assert.match(r.description, /at least 150 records per job/);
  assert.match(r.description, /limits from your settings \(bedrockCustomizer\.compare\.batchLimits; defaults: AWS's documented defaults\): servicequotas:GetServiceQuota was denied$/);
});

test('batch limits: one quota per limit, codes distinct', () => {
  assert.deepEqual(TMME_BATCH_QUOTAS.map((q) => q.key).sort(), Object.keys(DEFAULT_BATCH_LIMITS).sort());
  assert.equal(new Set(TMME_BATCH_QUOTAS.map((q) => q.code)).size, TMME_BATCH_QUOTAS.length);
});
