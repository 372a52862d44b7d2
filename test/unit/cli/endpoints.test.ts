// Endpoint overrides as users set them, through the built dist/cli.js in a child process: every subcommand that calls
// AWS reads the same variables (and BMC_EMULATOR), and a run that redirects only some of the services it calls
// refuses to start, so nothing goes to AWS's public endpoints by accident.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sdkConfiguredEndpoints } from '../../../src/aws/configuredEndpoints';
import { ENDPOINT_VARIABLES } from '../../../src/cli/endpoints';
import { startEmulator, type RunningEmulator } from '../../../emulator';

const root = resolve(__dirname, '..', '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'bmc-endpoints-'));

/** Endpoint settings of this machine that would leak into a test: the variables, and the config file's services. */
const OVERRIDE = /^(BEDROCK_MM_ENDPOINT_|AWS_ENDPOINT_URL|BMC_EMULATOR$|AWS_PROFILE$|AWS_CONFIG_FILE$|AWS_IGNORE_CONFIGURED_ENDPOINT_URLS$)/;

/** The user's environment without any endpoint override of this machine, plus dummy credentials and `env`. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OVERRIDE.test(k)));
  return { ...base, AWS_CONFIG_FILE: join(dir, 'no-config'), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', ...env };
}

/** The AWS SDK's own variables for the emulator: what a user sets (README, "The command line"). */
function sdkVariables(e: RunningEmulator['endpoints']): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL_BEDROCK: e.bedrock, AWS_ENDPOINT_URL_BEDROCK_RUNTIME: e.bedrockRuntime, AWS_ENDPOINT_URL_S3: e.s3,
    AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS: e.opensearchServerless, AWS_ENDPOINT_URL_IAM: e.iam, AWS_ENDPOINT_URL_STS: e.sts,
  };
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
    assert.match(compare.stderr, /redirected by BEDROCK_MM_ENDPOINT_S3 but not by BEDROCK_MM_ENDPOINT_BEDROCK, BEDROCK_MM_ENDPOINT_BEDROCK_RUNTIME, BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS, BEDROCK_MM_ENDPOINT_STS/);

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

  // ---- issue 14, item 6: the AWS SDK's own endpoint settings, the old names as deprecated aliases.

  it('AWS_ENDPOINT_URL_* (the SDK\'s own variables) redirect a whole clean-up to the emulator', async () => {
    await emulator.store.putObject('ep-data', 'runs/r2/a.txt', 'a', 'text/plain');
    const plan = join(dir, 'sdk-plan.json');
    const r = await run(['cleanup', '--plan', plan, '--workspace', dir, '--add-prefix', 's3://ep-data/runs/r2/', '--yes'], sdkVariables(emulator.endpoints));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(await emulator.store.getObject('ep-data', 'runs/r2/a.txt'), undefined, 'deleted in the emulator');
    assert.doesNotMatch(r.stderr, /deprecated/);
  });

  it('a partial redirect through AWS_ENDPOINT_URL_* or the config file\'s services is refused, naming both sides', async () => {
    const e = emulator.endpoints;
    const compare = await run(['compare', '--spec', join(dir, 'none.compare.json')], { AWS_ENDPOINT_URL_S3: e.s3, AWS_ENDPOINT_URL_STS: e.sts });
    assert.equal(compare.code, 2, compare.stderr);
    assert.match(compare.stderr, /redirected by AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_STS but not by AWS_ENDPOINT_URL_BEDROCK, AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS/);

    // The SDK reads the shared config file's services section of the active profile: S3 and Bedrock only here.
    const config = join(dir, 'partial-config');
    writeFileSync(config, `[default]\nservices = emu\n\n[services emu]\ns3 =\n  endpoint_url = ${e.s3}\nbedrock =\n  endpoint_url = ${e.bedrock}\n`);
    const plan = join(dir, 'config-plan.json');
    const cleanup = await run(['cleanup', '--plan', plan, '--workspace', dir], { AWS_CONFIG_FILE: config });
    assert.equal(cleanup.code, 2, cleanup.stdout + cleanup.stderr);
    assert.match(cleanup.stderr, /redirected by bedrock \(the shared config file's services or endpoint_url\), s3 \(the shared config file's services or endpoint_url\) but not by AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL_STS/);
    assert.equal(existsSync(plan), false, 'no plan: discovery never started');

    // validate --deep calls only S3, but a redirect of Bedrock alone means S3 would go to the public endpoint.
    const manifest = join(dir, 'empty.jsonl');
    writeFileSync(manifest, '');
    const deep = await run(['validate', manifest, '--deep'], { AWS_ENDPOINT_URL_BEDROCK: e.bedrock });
    assert.equal(deep.code, 2, deep.stdout + deep.stderr);
    assert.match(deep.stderr, /redirected by AWS_ENDPOINT_URL_BEDROCK but not by AWS_ENDPOINT_URL_S3/);
  });

  it('a misspelt AWS_ENDPOINT_URL_ name the SDK would ignore, or an alias that disagrees with it, stops the run', async () => {
    const e = emulator.endpoints;
    const misspelt = await run(['compare', '--spec', join(dir, 'none.compare.json')], { ...sdkVariables(e), AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS: undefined, AWS_ENDPOINT_URL_OPENSEARCH_SERVERLESS: e.opensearchServerless });
    assert.equal(misspelt.code, 2);
    assert.match(misspelt.stderr, /the AWS SDK does not read AWS_ENDPOINT_URL_OPENSEARCH_SERVERLESS: set AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS instead/);
    const disagree = await run(['validate', join(dir, 'empty.jsonl'), '--deep'], { AWS_ENDPOINT_URL_S3: e.s3, BEDROCK_MM_ENDPOINT_S3: 'http://127.0.0.1:9' });
    assert.equal(disagree.code, 2);
    assert.match(disagree.stderr, /BEDROCK_MM_ENDPOINT_S3 \(http:\/\/127\.0\.0\.1:9\) and the AWS SDK's AWS_ENDPOINT_URL_S3 \(http:\/\/127\.0\.0\.1:\d+\) disagree/);
  });

  it('the BEDROCK_MM_ENDPOINT_* names still work, with one deprecation line naming the AWS variables', async () => {
    await emulator.store.putObject('ep-data', 'runs/r3/a.txt', 'a', 'text/plain');
    const e = emulator.endpoints;
    const plan = join(dir, 'alias-plan.json');
    // No plan yet and --yes: discovery and deletion build two sessions in one run; the line is printed once.
    const r = await run(['cleanup', '--plan', plan, '--workspace', dir, '--add-prefix', 's3://ep-data/runs/r3/', '--yes'], {
      BEDROCK_MM_ENDPOINT_BEDROCK: e.bedrock, BEDROCK_MM_ENDPOINT_S3: e.s3, BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS: e.opensearchServerless,
      BEDROCK_MM_ENDPOINT_IAM: e.iam, BEDROCK_MM_ENDPOINT_STS: e.sts,
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(await emulator.store.getObject('ep-data', 'runs/r3/a.txt'), undefined, 'deleted in the emulator');
    const lines = r.stderr.split('\n').filter((l) => /deprecated/.test(l));
    assert.deepEqual(lines, ['bedrock-mm cleanup: BEDROCK_MM_ENDPOINT_BEDROCK, BEDROCK_MM_ENDPOINT_S3, BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS, BEDROCK_MM_ENDPOINT_IAM, BEDROCK_MM_ENDPOINT_STS are deprecated: ' +
      'set AWS_ENDPOINT_URL_BEDROCK, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL_STS (the AWS SDK\'s own variables) instead.']);
  });
});

describe('CLI endpoint variable names', () => {
  it('ENDPOINT_VARIABLES are AWS_ENDPOINT_URL_ + each SDK client\'s service id, as the SDK derives them', async () => {
    const ids = await sdkConfiguredEndpoints();
    for (const [service, name] of Object.entries(ENDPOINT_VARIABLES) as [keyof typeof ids, string][]) {
      assert.equal(name, `AWS_ENDPOINT_URL_${ids[service].serviceId.toUpperCase().split(' ').join('_')}`, service);
    }
  });
});
