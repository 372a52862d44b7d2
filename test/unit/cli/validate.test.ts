// `bedrock-mm validate` as users run it: the built dist/cli.js in a child process (node scripts/build.mjs first).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { makeJpeg, makePng } from '../../support/images';

const root = resolve(__dirname, '..', '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'bmc-cli-'));

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'validate', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Async: the emulator answers from this process, so its event loop must keep running while the CLI works. */
function runAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [cli, 'validate', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const good = (i: number): string => JSON.stringify({ 'image-ref': `s3://asl-data/v/${i}.png`, caption: `c ${i}` });

describe('bedrock-mm validate', () => {
  it('exit 0 and an empty diagnostic list for a good validation manifest', () => {
    const file = join(dir, 'good-validation.jsonl');
    writeFileSync(file, `${Array.from({ length: 8 }, (_, i) => good(i)).join('\n')}\n`);
    const r = run([file, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { files: [{ path: file, role: 'validation', records: 8, errors: 0, warnings: 0, diagnostics: [] }] });
  });

  it('exit 1 with 1-based positions in JSON and compiler-style text', () => {
    const file = join(dir, 'bad-train.jsonl');
    writeFileSync(file, `${good(1)}\n{"image-ref": "s3://asl-data/x.png", "caption": "x",}\n`);
    const r = run([file, '--format', 'json', '--role', 'validation']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { files: { role: string; errors: number; diagnostics: Record<string, unknown>[] }[] };
    assert.equal(out.files[0]?.role, 'validation');
    assert.deepEqual(out.files[0]?.diagnostics.map((d) => [d['line'], d['column'], d['endLine'], d['endColumn'], d['severity'], d['code']]), [
      [1, 1, 1, 54, 'error', 'record-count'],
      [2, 52, 2, 53, 'error', 'json-syntax'],
    ]);
    const text = run([file]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:52: error json-syntax: Invalid JSON: Trailing comma`, 'm'));
    assert.match(text.stdout, /2 records \(training\), 2 errors, 0 warnings/);
  });

  it('--max-diagnostics caps the list but not the counts', () => {
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, '{\n{\n{\n{\n');
    const out = JSON.parse(run([file, '--format', 'json', '--max-diagnostics', '2']).stdout) as { files: { errors: number; diagnostics: unknown[] }[] };
    assert.equal(out.files[0]?.errors, 4);
    assert.equal(out.files[0]?.diagnostics.length, 2);
  });

  it('checks a file in parts on worker threads with the report it gives on one thread', () => {
    const file = join(dir, 'threads-train.jsonl');
    const lines = Array.from({ length: 3000 }, (_, i) => good(i));
    lines[2999] = good(5); // repeats line 6, which another thread checked
    lines[1500] = '{"image-ref": "s3://asl-data/v/x.png", "caption": "x",}';
    lines[2200] = JSON.stringify({ image_ref: 's3://asl-data/v/y.png', caption: 'y' });
    writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
    const one = run([file, '--format', 'json', '--stats'], { BEDROCK_MM_THREADS: '1' });
    const four = run([file, '--format', 'json', '--stats'], { BEDROCK_MM_THREADS: '4' });
    assert.match(one.stderr, /threads-train\.jsonl: 0\.\d MB in \d+ ms on 1 thread\n/);
    assert.match(four.stderr, /on 4 threads\n/);
    assert.equal(four.code, 1);
    assert.equal(four.stdout, one.stdout);
    const codes = (JSON.parse(four.stdout) as { files: { diagnostics: { line: number; code: string }[] }[] }).files[0]?.diagnostics.map((d) => `${d.line} ${d.code}`);
    assert.deepEqual(codes, ['1 bom', '1501 json-syntax', '2201 missing-image-ref', '2201 unknown-key', '3000 duplicate-image']);
  });

  it('exit 2 for usage and I/O problems', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['--role', 'test', 'x.jsonl']).code, 2);
    assert.equal(run(['--format', 'xml', 'x.jsonl']).code, 2);
    const missing = run([join(dir, 'nope.jsonl')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read/);
  });
});

describe('bedrock-mm validate --deep against the emulator S3', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
    await emulator.store.createBucket('cli-deep');
    await emulator.store.putObject('cli-deep', 'ok.png', makePng(200, 200), 'image/png');
    await emulator.store.putObject('cli-deep', 'small.jpg', makeJpeg(64, 64), 'image/jpeg');
  });
  after(async () => { await emulator.stop(); });

  it('reads each image header through S3 and reports what Bedrock would refuse', async () => {
    const file = join(dir, 'deep-manifest.jsonl');
    writeFileSync(file, ['ok.png', 'small.jpg', 'gone.png'].map((k) => JSON.stringify({ 'image-ref': `s3://cli-deep/${k}`, caption: k })).join('\n'));
    const r = await runAsync([file, '--deep', '--format', 'json'], {
      BEDROCK_MM_ENDPOINT_S3: emulator.endpoints.s3, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1',
    });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { files: { diagnostics: { line: number; code: string }[] }[] };
    assert.deepEqual(out.files[0]?.diagnostics.map((d) => `${d.line}:${d.code}`), ['2:image-side', '3:image-missing']);
  });
});
