// `validate --deep` over a training and a validation manifest: images they share are warnings on the validation
// lines naming the training line, exact (a copy under a new key) and near (a JPEG re-encode), read from the
// emulator's S3 through dist/cli.js; two manifests with no shared image report none.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Jimp } from 'jimp';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { generateDataset } from '../../../emulator/dataset/generate';

const cli = join(resolve(__dirname, '..', '..', '..', '..'), 'dist', 'cli.js');

function validate(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'validate', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const line = (key: string): string => JSON.stringify({ 'image-ref': `s3://shared/${key}`, caption: key });

describe('bedrock-mm validate --deep: images shared by the training and validation manifests', () => {
  let emulator: RunningEmulator;
  const all = [...generateDataset()];
  const training = all.filter((i) => i.split === 'training').filter((_, n) => n % 97 === 0).slice(0, 4);
  const tests = all.filter((i) => i.split === 'test');
  const others = [tests[0], tests[40]].map((t) => t as (typeof all)[number]);
  before(async () => {
    emulator = await startEmulator();
    await emulator.store.createBucket('shared');
    for (const img of [...training, ...others]) await emulator.store.putObject('shared', img.key, img.bytes, 'image/png');
    await emulator.store.putObject('shared', 'copies/copy.png', (training[0] as (typeof all)[number]).bytes, 'image/png');
    const jpeg = await (await Jimp.fromBuffer((training[1] as (typeof all)[number]).bytes)).getBuffer('image/jpeg', { quality: 70 });
    await emulator.store.putObject('shared', 'copies/reencoded.jpg', jpeg, 'image/jpeg');
  });
  after(async () => { await emulator.stop(); });

  const env = (): NodeJS.ProcessEnv => ({ AWS_ENDPOINT_URL_S3: emulator.endpoints.s3, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' });
  const manifests = (name: string, validationKeys: string[]): [string, string] => {
    const dir = mkdtempSync(join(tmpdir(), `bmc-shared-${name}-`));
    mkdirSync(dir, { recursive: true });
    const train = join(dir, 'train.jsonl');
    const valid = join(dir, 'valid.jsonl');
    writeFileSync(train, training.map((t) => line(t.key)).join('\n'));
    writeFileSync(valid, validationKeys.map(line).join('\n'));
    return [train, valid];
  };
  type Out = { files: { path: string; role: string; diagnostics: { line: number; column: number; code: string; message: string }[] }[] };
  const sharedOf = (out: Out) => out.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'image-shared').map((d) => ({ path: f.path, ...d })));

  it('reports the copy (exact) and the JPEG re-encode (near) with both lines, and no other pair', async () => {
    const [train, valid] = manifests('yes', [(others[0] as (typeof all)[number]).key, 'copies/copy.png', (others[1] as (typeof all)[number]).key, 'copies/reencoded.jpg']);
    const r = await validate([train, valid, '--deep', '--format', 'json'], env());
    assert.equal(r.stderr.includes('--deep:'), false, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    assert.deepEqual(out.files.map((f) => f.role), ['training', 'validation']);
    const shared = sharedOf(out);
    assert.deepEqual(shared.map((d) => [d.path, d.line, d.column]), [[valid, 2, 14], [valid, 4, 14]]);
    assert.match(shared[0]?.message ?? '', new RegExp(`^${valid.replace(/[.\\]/g, '\\$&')}:2:14 is the same image \\(same content\\) as training ${train.replace(/[.\\]/g, '\\$&')}:1:14 \\(s3://shared/${training[0]?.key}\\)`));
    assert.match(shared[1]?.message ?? '', new RegExp(`:4:14 is a near duplicate \\(perceptual hash distance \\d of 64, at most 6\\) as training .*train\\.jsonl:2:14 \\(s3://shared/${training[1]?.key}\\)`));
  });

  it('reports none when the manifests share no image', async () => {
    const [train, valid] = manifests('no', others.map((o) => o.key));
    const r = await validate([train, valid, '--deep', '--format', 'json'], env());
    assert.equal(r.stderr.includes('--deep:'), false, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    assert.equal(out.files.length, 2);
    assert.deepEqual(sharedOf(out), []);
  });
});
