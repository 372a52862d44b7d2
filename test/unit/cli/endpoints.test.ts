// Endpoint overrides as users set them, through the built dist/cli.js in a child process: every subcommand that calls
// AWS reads the same variables (and BMC_EMULATOR), and a run that redirects only some of the services it calls
// refuses to start, so nothing goes to AWS's public endpoints by accident.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator';

const root = resolve(__dirname, '..', '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'bmc-endpoints-'));

/** The user's environment without any endpoint override of this machine, plus dummy credentials and `env`. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BEDROCK_MM_ENDPOINT_') && k !== 'BMC_EMULATOR'));
  return { ...base, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', ...env };
}

/** Async: the emulator answers from this process, so its event loop keeps running while the CLI works. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { env: cleanEnv(env), cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('CLI endpoint overrides', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({});
    await emulator.store.createBucket('ep-data');
    await emulator.store.putObject('ep-data', 'runs/r1/a.txt', 'a', 'text/plain');
    await emulator.store.putObject('ep-data', 'runs/r1/b.txt', 'b', 'text/plain');
  });
  after(async () => { await emulator.stop(); });

  it('a partial redirect is refused before any call, naming the redirected and the missing variables', async () => {
    const e = emulator.endpoints;
    const plan = join(dir, 'partial-plan.json');
    const cleanup = await run(['cleanup', '--plan', plan, '--workspace', dir], { BEDROCK_MM_ENDPOINT_BEDROCK: e.bedrock, BEDROCK_MM_ENDPOINT_S3: e.s3 });
    assert.equal(cleanup.code, 2, cleanup.stderr);
    assert.match(cleanup.stderr, /redirected by BEDROCK_MM_ENDPOINT_BEDROCK, BEDROCK_MM_ENDPOINT_S3 but not by BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS, BEDROCK_MM_ENDPOINT_IAM, BEDROCK_MM_ENDPOINT_STS/);
    assert.doesNotMatch(cleanup.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(plan), false, 'no plan: discovery never started');

    const compare = await run(['compare', '--spec', join(dir, 'none.compare.json')], { BEDROCK_MM_ENDPOINT_S3: e.s3 });
    assert.equal(compare.code, 2);
    assert.match(compare.stderr, /redirected by BEDROCK_MM_ENDPOINT_S3 but not by BEDROCK_MM_ENDPOINT_BEDROCK_RUNTIME, BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS, BEDROCK_MM_ENDPOINT_STS/);

    // validate --deep calls only S3: an override for another service alone means S3 would go to the public endpoint.
    const manifest = join(dir, 'empty.jsonl');
    writeFileSync(manifest, '');
    const deep = await run(['validate', manifest, '--deep'], { BEDROCK_MM_ENDPOINT_BEDROCK: e.bedrock });
    assert.equal(deep.code, 2, deep.stdout + deep.stderr);
    assert.match(deep.stderr, /redirected by BEDROCK_MM_ENDPOINT_BEDROCK but not by BEDROCK_MM_ENDPOINT_S3/);
  });

  it('the old spelling BEDROCK_MM_ENDPOINT_OPENSEARCHSERVERLESS is an error naming the right variable', async () => {
    const e = emulator.endpoints;
    const plan = join(dir, 'misspelt-plan.json');
    const r = await run(['cleanup', '--plan', plan, '--workspace', dir, '--no-tags'], {
      BEDROCK_MM_ENDPOINT_BEDROCK: e.bedrock, BEDROCK_MM_ENDPOINT_S3: e.s3, BEDROCK_MM_ENDPOINT_OPENSEARCHSERVERLESS: e.opensearchServerless,
      BEDROCK_MM_ENDPOINT_IAM: e.iam, BEDROCK_MM_ENDPOINT_STS: e.sts,
    });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /BEDROCK_MM_ENDPOINT_OPENSEARCHSERVERLESS is not read any more: set BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS instead/);
    assert.equal(existsSync(plan), false);
  });

  it('a full redirect through BMC_EMULATOR plans and deletes against the emulator', async () => {
    const env = { BMC_EMULATOR: JSON.stringify(emulator.endpoints) };
    const plan = join(dir, 'full-plan.json');
    const first = await run(['cleanup', '--plan', plan, '--workspace', dir, '--add-prefix', 's3://ep-data/runs/r1/'], env);
    assert.equal(existsSync(plan), true, first.stdout + first.stderr);
    assert.match(first.stdout, /Plan written to/);
    const yes = await run(['cleanup', '--plan', plan, '--yes'], env);
    assert.equal(yes.code, 0, yes.stdout + yes.stderr);
    assert.equal(await emulator.store.getObject('ep-data', 'runs/r1/a.txt'), undefined, 'deleted in the emulator');
    assert.equal(await emulator.store.getObject('ep-data', 'runs/r1/b.txt'), undefined);
  });
});
