// "Validate Images" over a training manifest and its validation manifest, against the emulator's S3 (issue 16, 6b):
// images they share (the same key, a copy under a new key, a JPEG re-encode at quality 70) are warnings at both
// lines, each linking the other line; distinct images get none; a rerun reads no image again (emulator request log).
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Jimp } from 'jimp';
import * as vscode from 'vscode';
import { generateDataset } from '../../emulator/dataset/generate';
import { admin, emulatorEndpoints } from '../support/emulatorAdmin';
import { activateExtension, answering, waitFor } from '../support/vscode';

const BUCKET = 'shared-images';
const workspace = (): string => process.env['BMC_TEST_WORKSPACE'] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const shared = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bedrock-mm' && d.code === 'image-shared');
const line = (key: string): string => JSON.stringify({ 'image-ref': `s3://${BUCKET}/${key}`, caption: `an image called ${key}` });

interface Logged { seq: number; method: string; path: string; status: number }
const s3Log = async (since: number): Promise<Logged[]> =>
  (await admin<{ requests: Logged[] }>(`/requests?service=s3&since=${since}`)).requests.filter((r) => r.path.startsWith(`/${BUCKET}/`));

function writeManifests(folder: string, files: Record<string, string[]>): Record<string, vscode.Uri> {
  const dir = path.join(workspace(), folder);
  mkdirSync(dir, { recursive: true });
  const out: Record<string, vscode.Uri> = {};
  for (const [name, keys] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), `${keys.map(line).join('\n')}\n`);
    out[name] = vscode.Uri.file(path.join(dir, name));
  }
  return out;
}

describe('Validate Images: images a training and a validation manifest share', () => {
  before(async () => {
    const client = new S3Client({ endpoint: emulatorEndpoints().s3, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    try { await client.send(new CreateBucketCommand({ Bucket: BUCKET })); } catch { /* exists from an earlier run */ }
    // The emulator's sample images (hand-signed letters, as the comparison's leakage proof uses): 4 training, 2 others.
    const all = [...generateDataset({ classes: 6, imagesPerClass: 2, testPerClass: 0, augment: false })];
    const p = [0, 1, 2, 3, 4, 5].map((k) => (all[k * 2] as (typeof all)[number]).bytes);
    const objects: Record<string, Buffer> = {
      'train/p0.png': p[0] as Buffer, 'train/p1.png': p[1] as Buffer, 'train/p2.png': p[2] as Buffer, 'train/p3.png': p[3] as Buffer,
      'valid/p4.png': p[4] as Buffer, 'valid/p5.png': p[5] as Buffer,
      'copies/p1.png': p[1] as Buffer, // the same bytes under a new key
      'copies/p2-q70.jpg': await (await Jimp.fromBuffer(p[2] as Buffer)).getBuffer('image/jpeg', { quality: 70 }), // the same picture, other bytes
    };
    for (const [key, body] of Object.entries(objects)) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    client.destroy();
  });

  it('warns at both lines of each shared image, linking the other line; none for distinct images; a rerun reads no image again', async () => {
    const testing = answering(await activateExtension());
    const files = writeManifests('shared-images', {
      'letters-train.jsonl': ['train/p0.png', 'train/p1.png', 'train/p2.png', 'train/p3.png'],
      'letters-valid.jsonl': ['valid/p4.png', 'train/p0.png', 'copies/p1.png', 'valid/p5.png', 'copies/p2-q70.jpg'],
    });
    const train = files['letters-train.jsonl'] as vscode.Uri;
    const valid = files['letters-valid.jsonl'] as vscode.Uri;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(train));
    const driver = testing.script([]);
    const before = (await s3Log(0)).reduce((n, r) => Math.max(n, r.seq), 0);
    const result = await vscode.commands.executeCommand<{ images: number; shared?: { with: string; shared: number } }>('bedrockCustomizer.manifest.validateImages', train);
    assert.deepEqual(driver.asked, [], 'the one validation manifest beside it is taken without a question');
    assert.equal(result.images, 4);
    assert.deepEqual(result.shared, { with: vscode.workspace.asRelativePath(valid), shared: 3 }, shared(valid).map((d) => d.message).join('\n'));

    const onTrain = await waitFor(vscode.languages.onDidChangeDiagnostics, () => { const d = shared(train); return d.length === 3 && d; }, 'training warnings');
    const onValid = await waitFor(vscode.languages.onDidChangeDiagnostics, () => { const d = shared(valid); return d.length === 3 && d; }, 'validation warnings');
    const describe = (d: vscode.Diagnostic): [number, number, string, number] => {
      const r = d.relatedInformation?.[0];
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(d.relatedInformation?.length, 1);
      return [d.range.start.line, d.range.start.character, path.basename(r?.location.uri.fsPath ?? ''), r?.location.range.start.line ?? -1];
    };
    assert.deepEqual(onValid.map(describe), [[1, 13, 'letters-train.jsonl', 0], [2, 13, 'letters-train.jsonl', 1], [4, 13, 'letters-train.jsonl', 2]]);
    assert.deepEqual(onTrain.map(describe), [[0, 13, 'letters-valid.jsonl', 1], [1, 13, 'letters-valid.jsonl', 2], [2, 13, 'letters-valid.jsonl', 4]]);
    // The CLI's words (core/manifest/sharedImages.ts), exact for the same key and the copy, near for the re-encode.
    const v = vscode.workspace.asRelativePath(valid);
    const t = vscode.workspace.asRelativePath(train);
    assert.equal(onValid[0]?.message, `${v}:2:14 is the same image (same content) as training ${t}:1:14 (s3://${BUCKET}/train/p0.png): validation scores would count an image the model trained on`);
    assert.match(onValid[1]?.message ?? '', /^.*:3:14 is the same image \(same content\) as training .*:2:14 /);
    assert.match(onValid[2]?.message ?? '', /^.*:5:14 is a near duplicate \(perceptual hash distance \d of 64, at most 6\) as training .*:3:14 /);
    assert.match(onTrain[2]?.message ?? '', /^.*letters-train\.jsonl:3:14 is a near duplicate .* as validation .*letters-valid\.jsonl:5:14 \(s3:\/\/shared-images\/copies\/p2-q70\.jpg\)/);
    const firstRun = await s3Log(before);
    assert.ok(firstRun.some((r) => r.method === 'GET' && r.status === 200), 'the first run read the images');

    const mark = firstRun.reduce((n, r) => Math.max(n, r.seq), before);
    testing.script([]);
    const again = await vscode.commands.executeCommand<{ shared?: { shared: number } }>('bedrockCustomizer.manifest.validateImages', train);
    assert.equal(again.shared?.shared, 3);
    const rerun = await s3Log(mark);
    assert.ok(rerun.length > 0, 'the rerun asked S3 whether the objects changed');
    assert.deepEqual(rerun.filter((r) => !(r.method === 'HEAD' || (r.method === 'GET' && r.status === 304))).map((r) => `${r.method} ${r.path} ${r.status}`), [],
      'no image body is read again: ETags only (HEAD, or 304 Not Modified)');
    assert.equal(shared(train).length, 3);
    assert.equal(shared(valid).length, 3);

    testing.script([]);
    const fromValidation = await vscode.commands.executeCommand<{ shared?: { with: string; shared: number } }>('bedrockCustomizer.manifest.validateImages', valid);
    assert.deepEqual(fromValidation.shared, { with: t, shared: 3 }, 'run from the validation manifest: the same three');
    assert.equal(shared(train).length, 3, 'not doubled: the pair\'s last result replaces the earlier one');
  });

  it('asks which validation manifest goes with it when several could, and compares with the one picked', async () => {
    const testing = answering(await activateExtension());
    const files = writeManifests('shared-ask', {
      'a-train.jsonl': ['train/p0.png', 'train/p1.png'],
      'b-valid.jsonl': ['copies/p1.png'],
      'c-valid.jsonl': ['valid/p4.png', 'valid/p5.png'],
    });
    const pick = (files['c-valid.jsonl'] as vscode.Uri).fsPath;
    const driver = testing.script([pick]);
    const result = await vscode.commands.executeCommand<{ shared?: { with: string; shared: number } }>('bedrockCustomizer.manifest.validateImages', files['a-train.jsonl']);
    assert.deepEqual(driver.asked, ['sharedImages.counterpart']);
    assert.deepEqual(driver.offered['sharedImages.counterpart'], [(files['b-valid.jsonl'] as vscode.Uri).fsPath, pick, '<none>']);
    assert.deepEqual(result.shared, { with: vscode.workspace.asRelativePath(pick), shared: 0 }, 'c-valid shares nothing with a-train');
    assert.deepEqual(shared(files['a-train.jsonl'] as vscode.Uri), []);
  });
});
