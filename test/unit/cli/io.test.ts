// The CLI's input and output as shells use them, through the built dist/cli.js in a child process: a reader that
// closes early (`| head -1`), standard input (`-`), a FIFO, and a line far longer than any record.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { formatEmbeddingsJsonl } from '../../../src/core/eval/records';
import { referenceEmbeddings } from '../eval/referenceRun';

const root = resolve(__dirname, '..', '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'bmc-cli-io-'));
after(() => { rmSync(dir, { recursive: true, force: true }); });

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the CLI; `closeStdout`: our end of its stdout closes at once (what `| head -1` does after one line). */
function run(args: string[], opts: { stdin?: string; closeStdout?: boolean; whileRunning?: () => void } = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (opts.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('close', (code) => done({ code, stdout, stderr }));
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else child.stdin.end();
    opts.whileRunning?.();
  });
}

const record = (i: number): string => JSON.stringify({ 'image-ref': `s3://io-bucket/v/${i}.png`, caption: `caption ${i}` });
const manifest = (n: number): string => `${Array.from({ length: n }, (_, i) => record(i)).join('\n')}\n`;
const STACK = /\n\s+at |EPIPE|node:internal/;

describe('bedrock-mm input and output', () => {
  it('validate and evaluate end quietly when the reader closes early, with the exit code of the command', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ 'image-ref': `s3://b/${i}.png`, caption: 'x' })).join('\n'));
    const v = await run(['validate', bad], { closeStdout: true });
    assert.doesNotMatch(v.stderr, STACK, v.stderr);
    assert.equal(v.code, 1, 'the manifest has errors: 1, as without the pipe');

    writeFileSync(join(dir, 'base.jsonl'), formatEmbeddingsJsonl(referenceEmbeddings('base')));
    writeFileSync(join(dir, 'tuned.jsonl'), formatEmbeddingsJsonl(referenceEmbeddings('tuned')));
    const e = await run(['evaluate', '--mode', 'text-to-image,classify', '--model', `base=${join(dir, 'base.jsonl')}`, '--model', `tuned=${join(dir, 'tuned.jsonl')}`,
      '--label-regex', 'The letter (\\w) in sign language', '--format', 'json'], { closeStdout: true });
    assert.doesNotMatch(e.stderr, STACK, e.stderr);
    assert.equal(e.code, 0);
  });

  it('validate - reads a manifest piped to standard input', async () => {
    const r = await run(['validate', '-', '--role', 'validation', '--format', 'json'], { stdin: manifest(12) });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { files: [{ path: '-', role: 'validation', records: 12, errors: 0, warnings: 0, diagnostics: [] }] });
  });

  it('a FIFO is read to its end, not as an empty file', async (t) => {
    const fifo = join(dir, 'manifest.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return t.skip('mkfifo is not available');
    // The writer opens the FIFO once the CLI opens it for reading, and writes 3000 lines in several chunks.
    const r = await run(['validate', fifo, '--role', 'training', '--format', 'json'], {
      whileRunning: () => {
        const w = createWriteStream(fifo);
        for (let i = 0; i < 3; i++) w.write(manifest(1000).replace(/v\//g, `p${i}/`));
        w.end();
      },
    });
    assert.equal(r.code, 0, r.stderr);
    const file = (JSON.parse(r.stdout) as { files: { records: number; errors: number }[] }).files[0];
    assert.deepEqual([file?.records, file?.errors], [3000, 0]);
  });

  it('a 300 MB line is reported as too long at its line number, in little memory', async () => {
    const big = join(dir, 'long.jsonl');
    const fd = openSync(big, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    try {
      writeSync(fd, `${record(1)}\n{"image-ref": "s3://io-bucket/v/2.png", "caption": "`);
      for (let i = 0; i < 300; i++) writeSync(fd, chunk);
      writeSync(fd, `"}\n${record(3)}\n`);
    } finally {
      closeSync(fd);
    }
    const r = await run(['validate', big, '--format', 'json', '--stats']);
    rmSync(big);
    assert.equal(r.code, 1, r.stderr);
    const d = (JSON.parse(r.stdout) as { files: { records: number; diagnostics: { line: number; code: string; message: string }[] }[] }).files[0];
    assert.equal(d?.records, 3);
    assert.deepEqual(d?.diagnostics.map((x) => `${x.line} ${x.code}`), ['2 line-too-long']);
    assert.match(d?.diagnostics[0]?.message ?? '', /^Line 2 is 314,572,8\d\d bytes long/);
    const peak = Number(/peak memory: (\d+) MB/.exec(r.stderr)?.[1]);
    assert.ok(peak > 0 && peak < 600, `peak memory ${peak} MB (the whole line would need gigabytes)`);
  });
});
