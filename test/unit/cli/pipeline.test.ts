// The documented CI pipeline (docs/ci/pipeline.sh) end to end against the in-process emulator with a fast clock,
// through the built dist/cli.js and the real AWS SDK: validate, launch --wait, provision --wait, compare --gate,
// cleanup. Run twice with the same spec: the first (gate passes, CLEANUP=on-failure) keeps what it made; the second
// (a gate that cannot pass) creates nothing new, exits 5 and cleans up, leaving nothing behind in the emulator.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import type { AwsSession } from '../../../src/aws';
import { aslSpec, emulatorSession } from '../../support/emulatorCompare';

const root = resolve(__dirname, '..', '..', '..', '..');
const script = join(root, 'docs', 'ci', 'pipeline.sh');
const ROLE = 'arn:aws:iam::123456789012:role/BedrockCustomizationRole';

interface Run { code: number | null; stdout: string; stderr: string }

describe('docs/ci/pipeline.sh against the emulator', () => {
  let emu: RunningEmulator;
  let session: AwsSession;
  let dir: string;
  let data: Awaited<ReturnType<RunningEmulator['uploadSampleData']>>;

  before(async () => {
    emu = await startEmulator({ jobDurationMs: 2000, throughputDurationMs: 1000 });
    data = await emu.uploadSampleData();
    session = emulatorSession(emu);
    dir = mkdtempSync(join(tmpdir(), 'bmc-pipeline-'));
    writeFileSync(join(dir, 'asl.bedrock-job.json'), JSON.stringify({
      jobName: 'asl-pipeline-job', customModelName: 'asl-pipeline-model', roleArn: ROLE,
      trainingData: data.training, validationData: data.validation, outputData: `s3://${data.bucket}/pipeline-output/`,
      hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00001 },
    }, null, 2));
    writeFileSync(join(dir, 'template.compare.json'), JSON.stringify(aslSpec(data, '@TUNED_MODEL_ARN@', 'tuned', { modes: ['text-to-image'], k: [1, 5] }), null, 2));
    const training = await emu.store.getObject(data.bucket, new URL(data.training).pathname.slice(1));
    assert.ok(training, 'the sample training manifest is in the emulated S3');
    writeFileSync(join(dir, 'train.jsonl'), training);
  });

  after(async () => {
    session?.dispose();
    await emu?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function pipeline(env: Record<string, string>): Promise<Run> {
    return new Promise((done) => {
      const child = spawn('bash', [script], {
        cwd: dir,
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|BEDROCK_MM_ENDPOINT_|BMC_EMULATOR$)/.test(k))),
          BMC_EMULATOR: JSON.stringify(emu.endpoints), AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1',
          AWS_CONFIG_FILE: join(dir, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'), AWS_EC2_METADATA_DISABLED: 'true',
          BEDROCK_MM: `${process.execPath} ${join(root, 'dist', 'cli.js')}`,
          JOB_SPEC: 'asl.bedrock-job.json', COMPARE_TEMPLATE: 'template.compare.json', MANIFESTS: 'train.jsonl',
          POLL_SECONDS: '0.2', TIMEOUT_SECONDS: '120', COMPARE_ARGS: '--rpm 60000',
          ...env,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
      child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  }

  async function operations(name: string): Promise<number> {
    const r = (await (await fetch(`${emu.endpoints.admin}/requests?service=bedrock`)).json()) as { requests: { operation: string; status: number }[] };
    return r.requests.filter((q) => q.operation === name && q.status < 300).length;
  }

  it('runs, gates, re-runs without creating anything twice, and cleans up everything it made', async () => {
    const first = await pipeline({ GATES: 'accuracy@1 - baseline > 0; significant accuracy@1', CLEANUP: 'on-failure' });
    const log1 = `${first.stdout}\n${first.stderr}`;
    assert.equal(first.code, 0, log1);
    assert.match(first.stderr, /job asl-pipeline-job: InProgress/, 'progress lines while waiting');
    assert.match(first.stderr, /job asl-pipeline-job: Completed/);
    assert.match(first.stderr, /throughput asl-pipeline-model-pt: InService/);
    assert.match(first.stderr, /gate PASS: accuracy@1 - baseline > 0 \(tuned, text-to-image\): measured 0\.\d+, 95% CI/);
    assert.doesNotMatch(log1, /\r/, 'no carriage-return animation in a log');
    const report = JSON.parse(readFileSync(join(dir, 'pipeline.report.json'), 'utf8')) as { models: { modelId?: string }[] };
    const kept: { provisionedModelArn?: string | undefined }[] = [];
    for await (const t of session.bedrock.listProvisionedThroughputs()) kept.push(t);
    assert.equal(kept.length, 1, 'the gate passed: the model ships, its throughput stays');
    assert.ok(report.models.some((m) => m.modelId === kept[0]?.provisionedModelArn), 'the report compared the provisioned model');

    const second = await pipeline({ GATES: 'accuracy@1 - baseline >= 2' });
    const log2 = `${second.stdout}\n${second.stderr}`;
    assert.equal(second.code, 5, log2);
    assert.match(second.stdout, /Already launched from this spec|"created":false/, log2);
    assert.match(second.stderr, /gate FAIL: accuracy@1 - baseline >= 2 \(tuned, text-to-image\): measured 0\.\d+, 95% CI \[/);

    assert.equal(await operations('CreateModelCustomizationJob'), 1, 'one job for two runs of the same spec');
    assert.equal(await operations('CreateProvisionedModelThroughput'), 1, 'one throughput for two runs');

    // Nothing left: no throughput, no custom model, nothing in the job's output folder.
    const throughputs: unknown[] = [];
    for await (const t of session.bedrock.listProvisionedThroughputs()) throughputs.push(t);
    assert.deepEqual(throughputs, []);
    const models: unknown[] = [];
    for await (const m of session.bedrock.listCustomModels()) models.push(m);
    assert.deepEqual(models, []);
    const left: string[] = [];
    for await (const o of session.s3.listObjects({ bucket: data.bucket, prefix: 'pipeline-output/' })) left.push(o.key);
    assert.deepEqual(left, []);
  });

  it('a spec with an error: file:line:col, exit 2, nothing created', async () => {
    writeFileSync(join(dir, 'bad.bedrock-job.json'), '{\n  "jobName": "bad job!",\n  "customModelName": "m"\n}\n');
    const before = await operations('CreateModelCustomizationJob');
    const r = await pipeline({ JOB_SPEC: 'bad.bedrock-job.json', MANIFESTS: '' });
    assert.equal(r.code, 2, `${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /^bad\.bedrock-job\.json:2:14: error: jobName: /m);
    assert.match(r.stderr, /^bad\.bedrock-job\.json:1:1: error: roleArn: "roleArn" is required\./m);
    assert.equal(await operations('CreateModelCustomizationJob'), before);
    assert.doesNotMatch(r.stdout, /== cleanup/, 'nothing was created, so there is nothing to clean up');
  });
});
