// The account's applied batch quotas against the emulator's Service Quotas (real AWS SDK): a seeded applied
// minimum of 20 changes the padding a 40-record custom-model job gets (none, where the setting's 100 pads it to
// 100), and the confirmation names the quota; denied, or no Service Quotas endpoint among redirected ones: the
// settings, with the reason stated.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createAwsSession, type AwsSession } from '../../../src/aws';
import { BatchDeclined, runCompare, type CompareOptions } from '../../../src/aws/compare/runCompare';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { admin, aslSpec, BATCH_ROLE, emulatorRuntime, simulatedClock, trainedCustomModel, writeSpec } from '../../support/emulatorCompare';

let emu: RunningEmulator;
let session: AwsSession;
let rt: ReturnType<typeof emulatorRuntime>;
let dir: string;
let data: Awaited<ReturnType<RunningEmulator['uploadSampleData']>>;
let custom: string;

const sessionFor = (withQuotas: boolean): AwsSession => {
  const e = emu.endpoints;
  return createAwsSession({
    region: 'us-east-1',
    endpoints: { bedrock: e.bedrock, bedrockRuntime: e.bedrockRuntime, s3: e.s3, opensearchServerless: e.opensearchServerless, sts: e.sts, ...(withQuotas ? { serviceQuotas: e.serviceQuotas } : {}) },
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }), maxAttempts: 3,
  });
};

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 40, batchDurationMs: 60_000 });
  session = sessionFor(true);
  rt = emulatorRuntime(emu);
  data = await emu.uploadSampleData({ imagesPerClass: 6, testPerClass: 3, classes: 10 });
  custom = await trainedCustomModel(emu, session, data);
  dir = mkdtempSync(join(tmpdir(), 'bmc-quotas-'));
});

after(async () => {
  session?.dispose();
  rt?.dispose();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function options(specPath: string, over: Partial<CompareOptions> = {}): CompareOptions {
  return { specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000, clock: simulatedClock(emu), batchPollMs: 5_000, confirmBatch: () => Promise.resolve(true), ...over };
}

/** The confirmation's detail of a run the user declines (nothing is submitted). */
async function declinedNotice(specPath: string, s: AwsSession): Promise<string> {
  const r = await runCompare(options(specPath, { session: s, confirmBatch: () => Promise.resolve(false) })).catch((e: unknown) => e);
  assert.ok(r instanceof BatchDeclined, String(r));
  return r.notice.detail;
}

test('account quotas: an applied minimum of 20 replaces the setting\'s 100, so a 40-record job is not padded', async () => {
  const spec = (name: string): string => writeSpec(dir, { ...aslSpec(data, custom, 'tuned', { modes: ['text-to-image'], k: [1] }), cacheDir: `cache-${name}`, batch: { roleArn: BATCH_ROLE } }, `${name}.compare.json`);
  // The account's default (the emulator's 100): read from Service Quotas, the same padding as the setting.
  const asDefault = await declinedNotice(spec('default'), session);
  assert.match(asDefault, /at least 100 records per job \(your account's applied quota L-1A69C08F\)/);
  assert.match(asDefault, /40 records is below the batch minimum of 100 records per job; 60 repeated records/);

  await admin(emu, '/seed', { serviceQuotas: [{ quotaCode: 'L-1A69C08F', value: 20 }] });
  try {
    const specPath = spec('applied');
    const notice = await declinedNotice(specPath, session);
    assert.match(notice, /at least 20 records per job \(your account's applied quota L-1A69C08F\)/);
    assert.doesNotMatch(notice, /below the batch minimum/);
    const run = await runCompare(options(specPath));
    assert.equal(run.batchJobsSubmitted, 1);
    assert.equal((await session.bedrock.getInvocationJob(run.batchJobArns[0] ?? '')).totalRecordCount, 40, 'no padding records');
  } finally {
    await admin(emu, '/seed', { serviceQuotas: [{ quotaCode: 'L-1A69C08F', value: null }] });
  }
});

test('account quotas: GetServiceQuota denied -> the settings, and the confirmation says so', async () => {
  const specPath = writeSpec(dir, { ...aslSpec(data, custom, 'tuned', { modes: ['text-to-image'], k: [1] }), cacheDir: 'cache-denied', batch: { roleArn: BATCH_ROLE } }, 'denied.compare.json');
  await admin(emu, '/faults', { service: 'serviceQuotas', accessDenied: 'identity' });
  try {
    const notice = await declinedNotice(specPath, session);
    assert.match(notice, /limits from your settings \(bedrockCustomizer\.compare\.batchLimits; defaults: AWS's documented defaults\): servicequotas:GetServiceQuota was denied/);
    assert.match(notice, /40 records is below the batch minimum of 100 records per job/);
  } finally {
    await admin(emu, '/faults', { service: 'serviceQuotas', accessDenied: 'off' });
  }
});

test('account quotas: other endpoints redirected but not Service Quotas -> not called, the settings, the reason', async () => {
  const specPath = writeSpec(dir, { ...aslSpec(data, custom, 'tuned', { modes: ['text-to-image'], k: [1] }), cacheDir: 'cache-none', batch: { roleArn: BATCH_ROLE } }, 'none.compare.json');
  const noQuotas = sessionFor(false);
  try {
    const before = ((await (await fetch(`${emu.endpoints.admin}/requests?service=serviceQuotas`)).json()) as { requests: unknown[] }).requests.length;
    const notice = await declinedNotice(specPath, noQuotas);
    assert.match(notice, /limits from your settings .*: no Service Quotas endpoint is set while .*bedrock.* redirected/);
    const afterCount = ((await (await fetch(`${emu.endpoints.admin}/requests?service=serviceQuotas`)).json()) as { requests: unknown[] }).requests.length;
    assert.equal(afterCount, before, 'no Service Quotas request');
  } finally {
    noQuotas.dispose();
  }
});
