// The batch route end to end against the in-process emulator (real AWS SDK, s3rver S3): the sample comparison with
// the fine-tuned model through batch inference gives exactly the metrics of on-demand through a provisioned
// throughput, with no CreateProvisionedModelThroughput on the batch run; reruns attach to the job (one
// CreateModelInvocationJob per fingerprint), all cached submits none; undecodable images are listed and left out.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createAwsSession, type AwsSession } from '../../../src/aws';
import { BatchDeclined, runCompare, type CompareOptions, type CompareOutcome } from '../../../src/aws/compare/runCompare';
import type { LedgerEntry } from '../../../src/core/cleanup/ledger';
import { CREATED_BY_TAG } from '../../../src/core/lifecycle/tags';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { admin, aslSpec, BATCH_ROLE, emulatorRuntime, emulatorSession, simulatedClock, trainedModel, writeSpec } from '../../support/emulatorCompare';

let emu: RunningEmulator;
let session: AwsSession;
let rt: ReturnType<typeof emulatorRuntime>;
let dir: string;
let data: Awaited<ReturnType<RunningEmulator['uploadSampleData']>>;
let provisioned: string;
let custom: string;

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 40, batchDurationMs: 60_000 });
  // With STS: the ledger entries take the account from GetCallerIdentity.
  session = createAwsSession({
    region: 'us-east-1', endpoints: { ...emulatorSession(emu).endpoints, sts: emu.endpoints.sts },
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }), maxAttempts: 8,
  });
  rt = emulatorRuntime(emu);
  data = await emu.uploadSampleData({ imagesPerClass: 6, testPerClass: 3, classes: 10 });
  provisioned = await trainedModel(emu, session, data);
  custom = (await session.bedrock.getProvisionedThroughput(provisioned)).modelArn ?? '';
  assert.match(custom, /:custom-model\//);
  dir = mkdtempSync(join(tmpdir(), 'bmc-batch-'));
});

after(async () => {
  session?.dispose();
  rt?.dispose();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});


function options(specPath: string, ledger: LedgerEntry[], over: Partial<CompareOptions> = {}): CompareOptions {
  return {
    specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000, clock: simulatedClock(emu), batchPollMs: 5_000,
    ledger: { record: (e) => { ledger.push(...e); return Promise.resolve(); } },
    confirmBatch: () => Promise.resolve(true),
    ...over,
  };
}

const metricsOf = (o: CompareOutcome): unknown => o.report.modes.map((m) => ({
  mode: m.mode, queries: m.queryCount, corpus: m.corpusSize,
  results: m.results.map((r) => ({ metrics: r.metrics, top: r.perQuery.map((q) => q.topIds) })), comparisons: m.comparisons.map((c) => c.metrics),
}));
/** Calls of one operation in the emulator's request log. */
async function calls(operation: string): Promise<number> {
  const r = (await (await fetch(`${emu.endpoints.admin}/requests?service=bedrock`)).json()) as { requests: { operation: string }[] };
  return r.requests.filter((q) => q.operation === operation).length;
}
const creates = (): Promise<number> => calls('CreateModelInvocationJob');
const provisions = (): Promise<number> => calls('CreateProvisionedModelThroughput');

let onDemand: CompareOutcome;

test('batch route: the fine-tuned model through batch gives exactly the on-demand-through-provisioned metrics, no provisioning', async () => {
  const extra = { modes: ['text-to-image', 'image-to-image', 'classify'], k: [1, 5], seed: 3 };
  onDemand = await runCompare(options(writeSpec(dir, { ...aslSpec(data, provisioned, 'tuned', extra), cacheDir: 'cache-od' }, 'od.compare.json'), []));
  assert.equal(onDemand.batchJobsSubmitted, 0);
  const provisionsBefore = await provisions();
  const ledger: LedgerEntry[] = [];
  const specPath = writeSpec(dir, { ...aslSpec(data, custom, 'tuned', extra), cacheDir: 'cache-b', batch: { roleArn: BATCH_ROLE } }, 'batch.compare.json');
  const declined = await runCompare(options(specPath, [], { confirmBatch: () => Promise.resolve(false) })).catch((e: unknown) => e);
  assert.ok(declined instanceof BatchDeclined, String(declined));
  assert.match(declined.notice.detail, /tuned \(arn:.*custom-model.*\): batch, 40 records \(30 images\).*only by batch inference/);
  assert.match(declined.notice.detail, /40 records is below the batch minimum of 100 records per job; 60 repeated records/);
  assert.equal(await creates(), 0, 'nothing submitted without the confirmation');

  const run = await runCompare(options(specPath, ledger));
  assert.deepEqual(metricsOf(run), metricsOf(onDemand));
  assert.equal(run.batchJobsSubmitted, 1);
  assert.equal(await creates(), 1);
  assert.equal(await provisions(), provisionsBefore, 'zero CreateProvisionedModelThroughput calls on the batch run');
  assert.equal(run.report.failedRecords, undefined);
  const jobArn = run.batchJobArns[0] ?? '';
  assert.deepEqual(ledger.map((e) => e.kind).sort(), ['batch-job', 's3-prefix']);
  assert.equal(ledger.find((e) => e.kind === 'batch-job')?.identity.arn, jobArn);
  assert.match(ledger.find((e) => e.kind === 's3-prefix')?.identity.prefix ?? '', /bedrock-mm-batch\/[0-9a-f]{16}\/$/);
  assert.ok((await session.bedrock.listTagsForResource(jobArn)).some((t) => t.key === CREATED_BY_TAG.key && t.value === CREATED_BY_TAG.value));
  const job = await session.bedrock.getInvocationJob(jobArn);
  assert.equal(job.modelId, custom);
  assert.equal(job.totalRecordCount, 100, 'padded to the minimum');
  assert.ok(existsSync(join(dir, 'batch.batch-jobs.json')));

  // Rerun with every vector cached: no job at all.
  const cached = await runCompare(options(specPath, ledger));
  assert.equal(cached.batchJobsSubmitted, 0);
  assert.deepEqual(cached.batchJobArns, []);
  assert.equal(await creates(), 1);
  // Cache gone, jobs file kept (a reload, another machine's cache): re-attaches to the finished job and reads it again.
  rmSync(join(dir, 'cache-b'), { recursive: true });
  const reattached = await runCompare(options(specPath, ledger));
  assert.deepEqual(reattached.batchJobArns, [jobArn]);
  assert.equal(reattached.batchJobsSubmitted, 0);
  assert.equal(await creates(), 1, 'one CreateModelInvocationJob per fingerprint');
  assert.deepEqual(metricsOf(reattached), metricsOf(onDemand));
});

test('batch route: with 20% throttling and 5% dropped connections on Bedrock and S3, the same metrics and one job', async () => {
  // Other query texts than the first test's: other records, so a job of their own.
  const extra = { modes: ['text-to-image', 'classify'], k: [1, 5], seed: 3, queries: { template: 'A hand showing the letter {label}' } };
  const reference = await runCompare(options(writeSpec(dir, { ...aslSpec(data, provisioned, 'tuned', extra), cacheDir: 'cache-g' }, 'faults-od.compare.json'), []));
  const specPath = writeSpec(dir, { ...aslSpec(data, custom, 'tuned', extra), cacheDir: 'cache-f', batch: { roleArn: BATCH_ROLE } }, 'faults.compare.json');
  const jobs = async (): Promise<number> => { let n = 0; for await (const _ of session.bedrock.listInvocationJobs()) n++; return n; };
  const before = await jobs();
  const ledger: LedgerEntry[] = [];
  for (const service of ['bedrock', 's3', 'bedrockRuntime']) await admin(emu, '/faults', { service, throttleRate: 0.2, dropRate: 0.05 });
  try {
    const run = await runCompare(options(specPath, ledger));
    assert.deepEqual(metricsOf(run), metricsOf(reference));
    assert.equal(run.batchJobsSubmitted, 1);
  } finally {
    for (const service of ['bedrock', 's3', 'bedrockRuntime']) await admin(emu, '/faults', { service, throttleRate: 0, dropRate: 0 });
  }
  assert.equal(await jobs(), before + 1, 'a retried CreateModelInvocationJob (same clientRequestToken) makes one job');
  assert.equal(ledger.filter((e) => e.kind === 'batch-job').length, 1, 'one job recorded, none duplicated');
  const lines = readFileSync(join(dir, 'cache-f', readdirSync(join(dir, 'cache-f')).find((f) => f.endsWith('-384.jsonl')) ?? ''), 'utf8').trim().split('\n');
  assert.equal(new Set(lines.map((l) => (JSON.parse(l) as { k: string }).k)).size, lines.length, 'no vector cached twice');
});

test('batch route: cancelled while InProgress, the rerun finishes from the same job; jobs file lost, found by name', async () => {
  const specPath = writeSpec(dir, { ...aslSpec(data, custom, 'tuned', { modes: ['text-to-image'], k: [1] }), embeddingLength: 256, cacheDir: 'cache-c', batch: { roleArn: BATCH_ROLE } }, 'cancel.compare.json');
  const before = await creates();
  const abort = new AbortController();
  const first = await runCompare(options(specPath, [], {
    signal: abort.signal,
    onBatchStatus: (_m, s) => { if (s.status === 'InProgress') abort.abort(new Error('cancelled')); },
  })).catch((e: unknown) => e);
  assert.ok(first instanceof Error, 'the first run stops at the cancel');
  assert.equal(await creates(), before + 1);
  rmSync(join(dir, 'cancel.batch-jobs.json'));
  const second = await runCompare(options(specPath, []));
  assert.equal(second.batchJobsSubmitted, 0, 'attached by its name, not submitted again');
  assert.equal(await creates(), before + 1);
  assert.equal(second.report.modes[0]?.queryCount, 10);
});

test('batch route: 3 undecodable images are PartiallyCompleted, listed with AWS\'s error, and the metrics equal a run without them', async () => {
  const testUri = data.test;
  const bucket = data.bucket;
  const key = testUri.replace(`s3://${bucket}/`, '');
  const lines = ((await emu.store.getObject(bucket, key)) ?? Buffer.alloc(0)).toString('utf8').trim().split('\n');
  const caption = (JSON.parse(lines[0] ?? '{}') as { 'caption': string }).caption;
  const broken = [0, 1, 2].map((n) => `broken/not-an-image-${n}.png`);
  for (const b of broken) await emu.store.putObject(bucket, b, Buffer.from(`not a png ${b}`), 'image/png');
  await emu.store.putObject(bucket, 'manifests/test-broken.jsonl', [...lines, ...broken.map((b) => JSON.stringify({ 'image-ref': `s3://${bucket}/${b}`, caption }))].join('\n') + '\n', 'application/jsonl');
  const extra = { modes: ['text-to-image', 'image-to-image'], k: [1, 5], embeddingLength: 1024, batch: { roleArn: BATCH_ROLE } };
  const models = [{ name: 'base', modelId: 'amazon.titan-embed-image-v1', baseline: true, inference: 'batch' }, { name: 'tuned', modelId: custom }];
  const clean = await runCompare(options(writeSpec(dir, { ...aslSpec(data, custom, 'tuned', extra), models, cacheDir: 'cache-d' }, 'clean.compare.json'), []));
  const withBroken = await runCompare(options(writeSpec(dir, { ...aslSpec({ ...data, test: `s3://${bucket}/manifests/test-broken.jsonl` }, custom, 'tuned', extra), models, cacheDir: 'cache-e' }, 'broken.compare.json'), []));
  for (const arn of withBroken.batchJobArns) assert.equal((await session.bedrock.getInvocationJob(arn)).status, 'PartiallyCompleted');
  const failed = withBroken.report.failedRecords ?? [];
  assert.deepEqual([...new Set(failed.map((f) => f.item))].sort(), broken.map((b) => `s3://${bucket}/${b}`).sort());
  assert.deepEqual([...new Set(failed.map((f) => f.model))].sort(), ['base', 'tuned']);
  assert.ok(failed.every((f) => f.errorMessage.length > 0 && f.errorCode !== ''), JSON.stringify(failed[0]));
  assert.ok(withBroken.report.warnings.some((w) => /3 input\(s\) could not be embedded by batch inference/.test(w)));
  assert.deepEqual(metricsOf(withBroken), metricsOf(clean));
  assert.ok(!readFileSync(withBroken.reportPath, 'utf8').includes('not a png'), 'no image bytes in the report');
});
