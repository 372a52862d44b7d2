// Failed batch records (issue 17): a base model's are retried on demand into the same cache and only those still
// failing are reported; a custom model's are reported as dropped, never retried. The emulator fails records inside
// a job on request (POST /seed batchRecordFailures, AWS's per-record error shape) although InvokeModel embeds them,
// and fails undecodable images on both routes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AwsSession } from '../../../src/aws';
import { runCompare, type CompareOptions, type CompareOutcome } from '../../../src/aws/compare/runCompare';
import { DEFAULT_BATCH_LIMITS } from '../../../src/core/eval/batch/limits';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { admin, aslSpec, BASE_MODEL, BATCH_ROLE, emulatorRuntime, emulatorSession, simulatedClock, trainedCustomModel, writeSpec } from '../../support/emulatorCompare';

let emu: RunningEmulator;
let session: AwsSession;
let rt: ReturnType<typeof emulatorRuntime>;
let dir: string;
let data: Awaited<ReturnType<RunningEmulator['uploadSampleData']>>;
let custom: string;
let broken: string[];

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 40, batchDurationMs: 60_000, batchMinRecords: 1 });
  session = emulatorSession(emu);
  rt = emulatorRuntime(emu);
  data = await emu.uploadSampleData({ imagesPerClass: 6, testPerClass: 3, classes: 10 });
  custom = await trainedCustomModel(emu, session, data);
  dir = mkdtempSync(join(tmpdir(), 'bmc-retry-'));
  // The test set plus 3 images no route can decode.
  const key = data.test.replace(`s3://${data.bucket}/`, '');
  const lines = ((await emu.store.getObject(data.bucket, key)) ?? Buffer.alloc(0)).toString('utf8').trim().split('\n');
  const caption = (JSON.parse(lines[0] ?? '{}') as { caption: string }).caption;
  broken = [0, 1, 2].map((n) => `s3://${data.bucket}/broken/not-an-image-${n}.png`);
  for (const b of broken) await emu.store.putObject(data.bucket, b.replace(`s3://${data.bucket}/`, ''), Buffer.from(`not a png ${b}`), 'image/png');
  await emu.store.putObject(data.bucket, 'manifests/test-broken.jsonl', [...lines, ...broken.map((b) => JSON.stringify({ 'image-ref': b, caption }))].join('\n') + '\n', 'application/jsonl');
});

after(async () => {
  session?.dispose();
  rt?.dispose();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function options(specPath: string): CompareOptions {
  return {
    specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000, batchPollMs: 5_000, confirmBatch: () => Promise.resolve(true),
    // No padding (the emulator's minimum is 1 too): the job's error count is the records' own.
    batchLimits: { ...DEFAULT_BATCH_LIMITS, minRecordsPerJob: 1 },
    clock: simulatedClock(emu),
  };
}

const metricsOf = (o: CompareOutcome): unknown => o.report.modes.map((m) => ({ corpus: m.corpusSize, results: m.results.map((r) => ({ metrics: r.metrics, top: r.perQuery.map((q) => q.topIds) })) }));

async function invokes(modelId: string): Promise<number> {
  const r = (await (await fetch(`${emu.endpoints.admin}/requests?service=bedrockRuntime`)).json()) as { requests: { path: string }[] };
  return r.requests.filter((q) => decodeURIComponent(q.path) === `/model/${modelId}/invoke`).length;
}

const extra = { modes: ['text-to-image', 'image-to-image'], k: [1, 5], embeddingLength: 1024, batch: { roleArn: BATCH_ROLE } };

test('base model: records the batch job failed are embedded on demand; only the undecodable ones stay failed', async () => {
  const models = [{ name: 'base', modelId: BASE_MODEL, baseline: true, inference: 'batch' }, { name: 'tuned', modelId: custom }];
  const clean = await runCompare(options(writeSpec(dir, { ...aslSpec(data, custom, 'tuned', extra), models, cacheDir: 'cache-clean' }, 'clean.compare.json')));
  await admin(emu, '/seed', { batchRecordFailures: { count: 5 } });
  const before = await invokes(BASE_MODEL);
  const run = await runCompare(options(writeSpec(dir, { ...aslSpec({ ...data, test: `s3://${data.bucket}/manifests/test-broken.jsonl` }, custom, 'tuned', extra), models, cacheDir: 'cache-retry' }, 'retry.compare.json')));
  const [jobArn] = run.batchJobArns;
  const job = await session.bedrock.getInvocationJob(jobArn ?? '');
  assert.equal(job.status, 'PartiallyCompleted');
  assert.equal(job.errorRecordCount, 8, '5 injected failures and 3 undecodable images inside the job');
  const failed = (run.report.failedRecords ?? []).filter((f) => f.model === 'base');
  assert.deepEqual(failed.map((f) => f.item).sort(), [...broken].sort(), 'only the undecodable images are reported');
  assert.ok(failed.every((f) => /retried on demand: /.test(f.errorMessage) && f.jobArn === jobArn), failed[0]?.errorMessage);
  // The base job's 8 failures were tried on demand, the custom model's 3 (undecodable) not; the metrics are a run
  // without the 3 images.
  assert.equal((await invokes(BASE_MODEL)) - before, 8);
  assert.deepEqual((run.report.failedRecords ?? []).filter((f) => f.model === 'tuned').map((f) => f.item).sort(), [...broken].sort());
  assert.deepEqual(metricsOf(run), metricsOf(clean));
});

test('custom model: records the batch job failed are reported as dropped, never retried on demand', async () => {
  // Another length than the first test's: other records, so a job of its own (not the first test's, found by name).
  const spec = { ...aslSpec(data, custom, 'tuned', { ...extra, modes: ['text-to-image'], embeddingLength: 384 }), cacheDir: 'cache-custom' };
  await admin(emu, '/seed', { batchRecordFailures: { count: 4, errorCode: 500, errorMessage: 'Internal error on this record.' } });
  const before = await invokes(custom);
  const run = await runCompare(options(writeSpec(dir, spec, 'custom.compare.json')));
  const failed = run.report.failedRecords ?? [];
  assert.equal(failed.length, 4);
  assert.ok(failed.every((f) => f.model === 'tuned' && f.errorMessage === 'Internal error on this record.' && f.errorCode === '500'), JSON.stringify(failed[0]));
  assert.equal(await invokes(custom), before, 'no on-demand call for the custom model');
  assert.ok(run.report.warnings.some((w) => /4 input\(s\) could not be embedded by batch inference/.test(w)));
});
