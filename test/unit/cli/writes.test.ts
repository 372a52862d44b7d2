// Issue 13, finding 3 through the bundled CLI against the in-process emulator: `bedrock-mm compare` writes only
// inside the spec's folder and replaces only files it wrote, unless --allow-outside / --overwrite say otherwise.
// A refused run exits 2, names the path and the flag, writes nothing and makes no AWS call.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { BASE_MODEL, requestCount, writeSpec } from '../../support/emulatorCompare';

let emu: RunningEmulator;
let top: string;
let spec: Record<string, unknown>;

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 1 });
  const data = await emu.uploadSampleData({ imagesPerClass: 1, testPerClass: 1, classes: 3, augment: false });
  top = realpathSync(mkdtempSync(join(tmpdir(), 'bmc-cli-writes-')));
  spec = {
    testSet: { manifest: data.test },
    labelRegex: 'The letter (\\w) in sign language',
    queries: { template: 'The letter {label} in sign language' },
    models: [{ name: 'base', modelId: BASE_MODEL, baseline: true }, { name: 'again', modelId: BASE_MODEL }],
    embeddingLength: 384,
    modes: ['text-to-image'],
    k: [1],
  };
});

after(async () => {
  await emu?.stop();
  if (top) rmSync(top, { recursive: true, force: true });
});

/** A fresh spec folder `<top>/<name>/ws` with an empty sibling `<top>/<name>/outside`. */
function folders(name: string): { ws: string; outside: string } {
  const ws = join(top, name, 'ws');
  const outside = join(top, name, 'outside');
  mkdirSync(ws, { recursive: true });
  mkdirSync(outside);
  return { ws, outside };
}

function compare(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env = { ...process.env, BMC_EMULATOR: JSON.stringify(emu.endpoints), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1' };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli.js', 'compare', '--rpm', '60000', ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Calls that reached the emulated S3 and Bedrock Runtime so far. */
async function awsCalls(): Promise<number> {
  return (await requestCount(emu, 's3', '/')) + (await requestCount(emu, 'bedrockRuntime', '/'));
}

describe('bedrock-mm compare: files stay in the spec folder', () => {
  it('a spec whose cacheDir is ../ is refused (exit 2, path and --allow-outside named, nothing written, no AWS call); --allow-outside runs it', async () => {
    const { ws, outside } = folders('cache');
    const specPath = writeSpec(ws, { ...spec, cacheDir: '../outside/cache' }, 'x.compare.json');
    const calls = await awsCalls();
    const refused = await compare(['--spec', specPath]);
    assert.equal(refused.code, 2, refused.err);
    assert.match(refused.err, /refusing to write .*outside\/cache is outside .*cache\/ws; pass --allow-outside/);
    assert.deepEqual(readdirSync(outside), [], 'nothing written outside');
    assert.deepEqual(readdirSync(ws), ['x.compare.json'], 'no report either');
    assert.equal(await awsCalls(), calls, 'no AWS call before the refusal');

    const allowed = await compare(['--spec', specPath, '--allow-outside']);
    assert.equal(allowed.code, 0, allowed.err);
    assert.ok(readdirSync(join(outside, 'cache')).length > 0, 'the cache went where the user allowed');
    assert.ok(existsSync(join(ws, 'x.report.json')));
    assert.ok(await awsCalls() > calls, 'the call counter sees a real run');
  });

  it('a spec whose "output" is ../ is refused like any other write outside; --allow-outside writes the report there', async () => {
    const { ws, outside } = folders('output');
    const specPath = writeSpec(ws, { ...spec, output: '../outside/r.report.json' }, 'x.compare.json');
    const calls = await awsCalls();
    const refused = await compare(['--spec', specPath]);
    assert.equal(refused.code, 2, refused.err);
    assert.match(refused.err, /outside\/r\.report\.json is outside .*output\/ws; pass --allow-outside/);
    assert.deepEqual(readdirSync(outside), [], 'nothing written outside');
    assert.equal(await awsCalls(), calls, 'no AWS call before the refusal');
    const allowed = await compare(['--spec', specPath, '--allow-outside']);
    assert.equal(allowed.code, 0, allowed.err);
    assert.ok(existsSync(join(outside, 'r.report.json')), 'the report went where "output" says');
    assert.ok(!existsSync(join(ws, 'x.report.json')));
  });

  it('an embeddings-file spec given to compare --spec is refused with where to score it (no AWS call)', async () => {
    const { ws } = folders('embeddings');
    const specPath = writeSpec(ws, { models: [{ name: 'a', embeddings: 'a.jsonl' }, { name: 'b', embeddings: 'b.jsonl' }] }, 'e.compare.json');
    const calls = await awsCalls();
    const refused = await compare(['--spec', specPath]);
    assert.equal(refused.code, 2, refused.err);
    assert.match(refused.err, /give "embeddings" files, which need no AWS: score them with `bedrock-mm evaluate/);
    assert.equal(await awsCalls(), calls);
  });

  it('--export-embeddings outside the spec folder is refused without --allow-outside', async () => {
    const { ws, outside } = folders('export');
    const specPath = writeSpec(ws, spec, 'x.compare.json');
    const refused = await compare(['--spec', specPath, '--export-embeddings', join(ws, '..', 'outside')]);
    assert.equal(refused.code, 2, refused.err);
    assert.match(refused.err, /outside\/base\.embeddings\.jsonl is outside .*; pass --allow-outside/);
    assert.deepEqual(readdirSync(outside), []);
    assert.ok(!existsSync(join(ws, '.bedrock-mm-cache')), 'not even the cache folder was created');
    const allowed = await compare(['--spec', specPath, '--export-embeddings', outside, '--allow-outside']);
    assert.equal(allowed.code, 0, allowed.err);
    assert.deepEqual(readdirSync(outside).sort(), ['again.embeddings.jsonl', 'base.embeddings.jsonl', 'bedrock-mm-export.json']);
    // Its own exports are replaced on a rerun without --overwrite.
    const rerun = await compare(['--spec', specPath, '--export-embeddings', outside, '--allow-outside']);
    assert.equal(rerun.code, 0, rerun.err);
  });

  it('a report path that is a link to a file outside is refused, and the file is untouched', async () => {
    const { ws, outside } = folders('link');
    const bashrc = join(outside, '.bashrc');
    writeFileSync(bashrc, 'export PATH=$HOME/bin:$PATH\n');
    symlinkSync(bashrc, join(ws, 'x.report.json'));
    const specPath = writeSpec(ws, spec, 'x.compare.json');
    const refused = await compare(['--spec', specPath]);
    assert.equal(refused.code, 2, refused.err);
    assert.match(refused.err, /x\.report\.json is outside .* \(it resolves to .*outside\/\.bashrc\); pass --allow-outside/);
    assert.equal(readFileSync(bashrc, 'utf8'), 'export PATH=$HOME/bin:$PATH\n');
  });

  it('an existing report that bedrock-mm did not write is replaced only with --overwrite; its own report is replaced freely', async () => {
    const { ws } = folders('foreign');
    const report = join(ws, 'x.report.json');
    writeFileSync(report, '{"my": "notes"}\n');
    const specPath = writeSpec(ws, spec, 'x.compare.json');
    const refused = await compare(['--spec', specPath]);
    assert.equal(refused.code, 2, refused.err);
    assert.match(refused.err, /x\.report\.json already exists and was not written by bedrock-mm; pass --overwrite to replace it/);
    assert.equal(readFileSync(report, 'utf8'), '{"my": "notes"}\n');
    const forced = await compare(['--spec', specPath, '--overwrite']);
    assert.equal(forced.code, 0, forced.err);
    assert.match(JSON.parse(readFileSync(report, 'utf8')).generator as string, /^bedrock-mm /);
    const rerun = await compare(['--spec', specPath]);
    assert.equal(rerun.code, 0, `an earlier report of ours needs no flag: ${rerun.err}`);
  });

  it('--help documents both flags', async () => {
    const help = await compare(['--help']);
    assert.match(help.out, /--allow-outside/);
    assert.match(help.out, /--overwrite/);
  });
});
