// `bedrock-mm compare` on the batch route, the bundled CLI against the in-process emulator: without --yes nothing is
// submitted and the plan is stated; with it the job runs with CI-style progress lines; a killed run, restarted,
// finishes from the same job (one CreateModelInvocationJob); --inference on-demand for a custom model is refused.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { aslSpec, BATCH_ROLE, emulatorSession, trainedCustomModel, writeSpec } from '../../support/emulatorCompare';

let emu: RunningEmulator;
let dir: string;
let specPath: string;

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 40, batchDurationMs: 2_500 });
  const data = await emu.uploadSampleData({ imagesPerClass: 6, testPerClass: 3, classes: 10 });
  const session = emulatorSession(emu);
  const custom = await trainedCustomModel(emu, session, data);
  session.dispose();
  dir = mkdtempSync(join(tmpdir(), 'bmc-cli-batch-'));
  specPath = writeSpec(dir, { ...aslSpec(data, custom, 'tuned', { modes: ['text-to-image'], k: [1] }) }, 'cli.compare.json');
});

after(async () => {
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function start(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; out: string; err: string }>; err: () => string } {
  const env = { ...process.env, BMC_EMULATOR: JSON.stringify(emu.endpoints), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1' };
  const child = spawn(process.execPath, ['dist/cli.js', 'compare', '--rpm', '60000', '--spec', specPath, '--workspace', dir, '--batch-poll-seconds', '1', ...args], { env });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { child, done, err: () => err };
}

async function creates(): Promise<number> {
  const r = (await (await fetch(`${emu.endpoints.admin}/requests?service=bedrock`)).json()) as { requests: { operation: string }[] };
  return r.requests.filter((q) => q.operation === 'CreateModelInvocationJob').length;
}

test('cli batch: refused without --yes, stating the plan; a custom model on-demand is a usage problem', async () => {
  const refused = await start(['--batch-role', BATCH_ROLE]).done;
  assert.equal(refused.code, 2, refused.err);
  assert.match(refused.err, /tuned \(arn:.*custom-model.*\): batch, \d+ records/);
  assert.match(refused.err, /Run again with --yes to submit the batch jobs/);
  // BMC_EMULATOR redirects Service Quotas too: the limits are the account's applied quotas, and the plan says so.
  assert.match(refused.err, /at least 100 records per job \(your account's applied quota L-1A69C08F\)/);
  assert.equal(await creates(), 0);
  const onDemand = await start(['--inference', 'on-demand', '--yes']).done;
  assert.equal(onDemand.code, 2);
  assert.match(onDemand.err, /model tuned: .*custom model.*provisioned throughput/);
  const missingRole = await start(['--yes']).done;
  assert.equal(missingRole.code, 2);
  assert.match(missingRole.err, /needs batch\.roleArn .*--batch-role/);
});

test('cli batch: killed while the job runs, restarted, it finishes from the same job', async () => {
  const first = start(['--batch-role', BATCH_ROLE, '--yes']);
  // Wait for the job to be seen moving, then kill the process outright (no chance to clean up).
  await new Promise<void>((resolve) => {
    const check = (): void => { if (/batch arn:\S+ (Scheduled|InProgress)/.test(first.err())) resolve(); };
    first.child.stderr?.on('data', check);
  });
  first.child.kill('SIGKILL');
  await first.done;
  assert.equal(await creates(), 1);
  const second = await start(['--batch-role', BATCH_ROLE, '--yes']).done;
  assert.equal(second.code, 0, second.err);
  assert.match(second.err, /re-attached to arn:aws:bedrock:us-east-1:123456789012:model-invocation-job\//);
  assert.match(second.err, /tuned: batch arn:\S+ Completed \d+\/\d+ records/);
  assert.match(second.err, /batch jobs: 1 \(0 submitted now\)/);
  assert.equal(await creates(), 1, 'one CreateModelInvocationJob');
  const report = JSON.parse(readFileSync(join(dir, 'cli.report.json'), 'utf8')) as { modes: { queryCount: number }[] };
  assert.equal(report.modes[0]?.queryCount, 10);
  const ledger = readFileSync(join(dir, '.bedrock-mm', 'ledger.jsonl'), 'utf8');
  assert.match(ledger, /"kind":"batch-job"/);
  const cached = await start(['--batch-role', BATCH_ROLE, '--yes']).done;
  assert.match(cached.err, /batch jobs: 0 \(0 submitted now\)/);
  assert.equal(await creates(), 1);
});
