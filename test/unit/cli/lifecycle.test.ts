// The lifecycle subcommands through the built dist/cli.js against the in-process emulator (real SDK on the wire):
// launch refusing without --yes, jobs/models/throughputs in text and JSON, wait's exit codes (timeout 4, credentials
// expiring mid-wait 3 with "sign in again" and a rerun that picks the same job up, Ctrl-C stopping the wait and never
// the job), an AWS refusal naming the IAM action, and provision refusing without --yes.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { admin } from '../../support/emulatorCompare';

const root = resolve(__dirname, '..', '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

interface Run { code: number | null; stdout: string; stderr: string }

let emu: RunningEmulator;
let dir: string;

function start(args: string[]): { child: ChildProcess; done: Promise<Run>; stderrHas(re: RegExp): Promise<void> } {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: dir,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|BEDROCK_MM_ENDPOINT_|BMC_EMULATOR$)/.test(k))),
      BMC_EMULATOR: JSON.stringify(emu.endpoints), AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(dir, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'), AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  let stdout = '';
  let stderr = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stdout?.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr?.on('data', (b: Buffer) => {
    stderr += b.toString();
    for (const w of waiters.splice(0)) if (w.re.test(stderr)) w.resolve(); else waiters.push(w);
  });
  const done = new Promise<Run>((ok) => child.on('close', (code) => ok({ code, stdout, stderr })));
  return {
    child, done,
    stderrHas: (re) => (re.test(stderr) ? Promise.resolve() : new Promise<void>((ok) => waiters.push({ re, resolve: ok }))),
  };
}

const run = (...args: string[]): Promise<Run> => start(args).done;

async function operations(name: string): Promise<number> {
  const r = (await (await fetch(`${emu.endpoints.admin}/requests?service=bedrock`)).json()) as { requests: { operation: string }[] };
  return r.requests.filter((q) => q.operation === name).length;
}

before(async () => {
  emu = await startEmulator({ manualClock: true });
  dir = mkdtempSync(join(tmpdir(), 'bmc-cli-lifecycle-'));
});

after(async () => {
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bedrock-mm launch', () => {
  it('without --yes: the pre-flight and the cost statement, then nothing created (exit 2)', async () => {
    const data = await emu.uploadSampleData();
    writeFileSync(join(dir, 'asl.bedrock-job.json'), JSON.stringify({
      jobName: 'asl-cli-job', customModelName: 'asl-cli-model', roleArn: 'arn:aws:iam::123456789012:role/BedrockCustomizationRole',
      trainingData: data.training, validationData: data.validation, outputData: `s3://${data.bucket}/cli-output/`,
      hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00001 },
    }));
    const r = await run('launch', '--spec', 'asl.bedrock-job.json', '--training-price', '0.001');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /Creates customization job "asl-cli-job" and, when it completes, custom model "asl-cli-model"/);
    assert.match(r.stderr, /Training cost: about \$\d+\.\d\d \(\d+ records x 2 epochs x your configured \$0\.001\)/);
    assert.match(r.stderr, /nothing was created\. .*run again with --yes to launch it/);
    assert.equal(await operations('CreateModelCustomizationJob'), 0);
  });
});

describe('bedrock-mm jobs, models, throughputs', () => {
  before(async () => {
    await admin(emu, '/seed', {
      jobs: [{ jobName: 'seeded-running', status: 'InProgress' }, { jobName: 'seeded-done', customModelName: 'seeded-model', status: 'Completed' }],
      customModels: [{ modelName: 'seeded-model', modelStatus: 'Active' }],
      provisionedThroughputs: [{ provisionedModelName: 'seeded-pt', status: 'InService', modelUnits: 2, creationTime: new Date(Date.now() - 3 * 3600_000).toISOString() }],
    });
  });

  it('lists and shows as text and JSON, with the billing clock', async () => {
    const list = await run('jobs');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^seeded-running {2}InProgress {2}running /m);
    const json = JSON.parse((await run('jobs', 'list', '--format', 'json')).stdout) as { jobName: string }[];
    assert.ok(json.some((j) => j.jobName === 'seeded-done'));
    const show = await run('jobs', 'show', 'seeded-running');
    assert.match(show.stdout, /^seeded-running {2}InProgress/);
    assert.match(show.stdout, /^ {2}arn arn:aws:bedrock:us-east-1:123456789012:model-customization-job\//m);
    assert.match((await run('models')).stdout, /^seeded-model /m);
    const pts = await run('throughputs');
    assert.match(pts.stdout, /^seeded-pt {2}InService {2}2 unit\(s\) {2}billing hourly for 3 h/m);
    const ptJson = JSON.parse((await run('throughputs', '--format', 'json')).stdout) as { billingClock: string }[];
    assert.match(ptJson[0]?.billingClock ?? '', /^billing hourly for 3 h/);
  });

  it('a name that does not exist is an input error (exit 2); a refusal names the IAM action (exit 3)', async () => {
    const missing = await run('jobs', 'show', 'no-such-job');
    assert.equal(missing.code, 2, missing.stderr);
    await admin(emu, '/faults', { service: 'bedrock', accessDenied: 'identity' });
    try {
      const denied = await run('jobs', 'list');
      assert.equal(denied.code, 3, denied.stderr);
      assert.match(denied.stderr, /bedrock:ListModelCustomizationJobs/);
      assert.doesNotMatch(denied.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      await admin(emu, '/faults', { service: 'bedrock', accessDenied: 'off' });
    }
  });

  it('provision without --yes states what bills and creates nothing (exit 2)', async () => {
    const r = await run('provision', 'seeded-model', '--units', '1', '--hourly-price', '20');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /Creates provisioned throughput "seeded-model-pt" serving seeded-model with 1 model unit\(s\)\./);
    assert.match(r.stderr, /about \$20\.00 per hour/);
    assert.match(r.stderr, /run again with --yes to create it/);
    assert.equal(await operations('CreateProvisionedModelThroughput'), 0);
    const bad = await run('provision', 'seeded-model', '--units', '1', '--commitment', '2y');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--commitment must be none, 1m or 6m, got "2y"/);
  });
});

describe('bedrock-mm wait', () => {
  it('--timeout: exit 4, the job goes on, and the note says how to resume', async () => {
    const r = await run('wait', 'seeded-running', '--poll', '0.1', '--timeout', '0.3');
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /^job seeded-running: InProgress/m);
    assert.match(r.stderr, /it goes on\. Resume with: bedrock-mm wait seeded-running; stop it with: bedrock-mm jobs stop seeded-running/);
  });

  it('credentials expiring mid-wait: exit 3 with "sign in again"; waiting again picks the same job up', async () => {
    const w = start(['wait', 'seeded-running', '--poll', '0.1']);
    await w.stderrHas(/job seeded-running: InProgress/);
    await admin(emu, '/faults', { service: 'bedrock', expiredCredentials: true });
    const r = await w.done;
    await admin(emu, '/faults', { service: 'bedrock', expiredCredentials: false });
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /sign in again/i);
    const seeded = (await admin(emu, '/seed', { jobs: [{ jobName: 'finishes-soon', status: 'Completed' }] })) as { jobArns: string[] };
    const again = await run('wait', seeded.jobArns[0] ?? '', '--poll', '0.1');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /: Completed/);
  });

  it('Ctrl-C stops the waiting, never the job, and says how to resume or stop it', async () => {
    const w = start(['wait', 'seeded-running', '--poll', '0.1']);
    await w.stderrHas(/job seeded-running: InProgress/);
    const stopsBefore = await operations('StopModelCustomizationJob');
    w.child.kill('SIGINT');
    const r = await w.done;
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /Stopped waiting; job seeded-running goes on\. Resume with: bedrock-mm wait seeded-running; stop it with: bedrock-mm jobs stop seeded-running/);
    assert.equal(await operations('StopModelCustomizationJob'), stopsBefore, 'the job was not stopped');
    const show = await run('jobs', 'show', 'seeded-running', '--format', 'json');
    assert.equal((JSON.parse(show.stdout) as { status: string }).status, 'InProgress');
  });

  it('throttling and dropped connections on the wire: retried, and the wait goes on (here to its --timeout)', async () => {
    const seen = (await (await fetch(`${emu.endpoints.admin}/requests?service=bedrock`)).json()) as { requests: { seq: number }[] };
    const since = Math.max(0, ...seen.requests.map((q) => q.seq));
    await admin(emu, '/faults', { service: 'bedrock', throttleRate: 0.4, dropRate: 0.3 });
    try {
      const r = await run('wait', 'seeded-running', '--poll', '0.1', '--timeout', '1.5');
      assert.equal(r.code, 4, r.stderr);
      assert.match(r.stderr, /job seeded-running: InProgress/);
    } finally {
      await admin(emu, '/faults', { service: 'bedrock', throttleRate: 0, dropRate: 0 });
    }
    const log = (await (await fetch(`${emu.endpoints.admin}/requests?service=bedrock&since=${since}`)).json()) as { requests: { fault?: string }[] };
    assert.ok(log.requests.some((q) => q.fault !== undefined), 'the emulator throttled or dropped some of this wait\'s calls');
  });

  it('a failed job ends the wait with exit 1 and its failure message', async () => {
    await admin(emu, '/seed', { jobs: [{ jobName: 'seeded-failed', status: 'Failed', failureMessage: 'The training data has 3 records; at least 1000 are needed.' }] });
    const r = await run('wait', 'seeded-failed');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /job seeded-failed ended Failed: The training data has 3 records/);
  });
});

describe('bedrock-mm compare --gate', () => {
  it('a gate that is not one is a usage error before any AWS call', async () => {
    const r = await run('compare', '--spec', 'x.compare.json', '--gate', 'accuracy@1 is good');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /gate "accuracy@1 is good" is not a gate: write "METRIC >= 0\.7"/);
    const typo = await run('compare', '--spec', 'x.compare.json', '--gate', 'acuracy@1 >= 0.7');
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown metric "acuracy@1"; metrics are accuracy@K, precision@K/);
  });
});
