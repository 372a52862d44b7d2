// "Validate images", hover and the dataset tools against the emulator's S3 (s3rver) with real PNG/JPEG objects.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import { makeJpeg, makePng } from '../support/images';
import { activateExtension, answering, waitFor } from '../support/vscode';

const BUCKET = 'deep-check-images';
const workspace = (): string => process.env['BMC_TEST_WORKSPACE'] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bedrock-mm');

function s3(): S3Client {
  const endpoints = JSON.parse(process.env['BMC_EMULATOR'] ?? '{}') as { s3?: string };
  if (!endpoints.s3) throw new Error('BMC_EMULATOR is not set: run through node scripts/test.mjs');
  return new S3Client({ endpoint: endpoints.s3, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
}

const objects: Record<string, Buffer> = {
  'good.png': makePng(300, 200),
  'good.jpg': makeJpeg(256, 256),
  'tiny.jpg': makeJpeg(100, 100),
  'wide.png': makePng(1000, 200),
  'notes.png': Buffer.from('this is text, not an image'),
};

describe('manifest deep check against s3rver', () => {
  before(async () => {
    const client = s3();
    try { await client.send(new CreateBucketCommand({ Bucket: BUCKET })); } catch { /* exists from an earlier run */ }
    for (const [key, body] of Object.entries(objects)) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    client.destroy();
  });

  it('"Validate images" reports missing, format, side and aspect problems on their lines, then re-checks from the ETag cache', async () => {
    await activateExtension();
    const file = path.join(workspace(), 'manifests', 'deep-manifest.jsonl');
    const refs = ['good.png', 'good.jpg', 'tiny.jpg', 'wide.png', 'notes.png', 'missing.png'];
    writeFileSync(file, `${refs.map((r) => JSON.stringify({ 'image-ref': `s3://${BUCKET}/${r}`, caption: `an image called ${r}` })).join('\n')}\n`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const result = await vscode.commands.executeCommand<{ images: number; problems: number; fromCache: number }>('bedrockCustomizer.manifest.validateImages', doc.uri);
    assert.equal(result.images, 6);
    const diags = await waitFor(vscode.languages.onDidChangeDiagnostics, () => { const d = ours(doc.uri); return d.length >= 4 && d; }, 'deep diagnostics');
    assert.deepEqual(diags.map((d) => `${d.range.start.line}:${d.range.start.character}:${String(d.code)}`), [
      '2:13:image-side', '3:13:image-aspect', '4:13:image-format', '5:13:image-missing',
    ]);
    const again = await vscode.commands.executeCommand<{ fromCache: number }>('bedrockCustomizer.manifest.validateImages', doc.uri);
    assert.equal(again.fromCache, 5, 'unchanged objects come from the ETag cache');
  });

  it('hover on an image-ref shows its format, sides and size', async () => {
    await activateExtension();
    const file = path.join(workspace(), 'manifests', 'deep-manifest.jsonl');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 20));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*PNG\*\* · 300 × 200 px/);
    assert.match(text, /data:image\/png;base64,/);
  });

  it('hover on a missing ref with Markdown link syntax shows it as literal text, not a command link (issue 13, finding 11)', async () => {
    await activateExtension();
    const ref = `s3://${BUCKET}/[x](command:workbench.action.terminal.new)`;
    const file = path.join(workspace(), 'manifests', 'hostile-ref.jsonl');
    writeFileSync(file, `${JSON.stringify({ 'image-ref': ref, caption: 'a hostile ref' })}\n`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 20));
    const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c);
    const text = contents.map((c) => c.value).join('\n');
    assert.match(text, /\*\*Image not found\*\*/);
    assert.ok(text.includes('\\[x\\]\\(command:workbench.action.terminal.new\\)'), `the ref is escaped text: ${text}`);
    assert.doesNotMatch(text, /(^|[^\\])\[x\]\(command:/, 'no Markdown link to a command');
    assert.ok(contents.every((c) => !c.isTrusted && !c.supportHtml), 'untrusted, no HTML');
  });

  it('creates a manifest from a class-per-subfolder folder (uploading to S3) and splits it with a recorded seed', async () => {
    await activateExtension();
    const folder = path.join(workspace(), 'letters');
    for (const label of ['A', 'B']) {
      mkdirSync(path.join(folder, label), { recursive: true });
      for (let i = 1; i <= 5; i++) {
        for (const copy of ['', '_1']) writeFileSync(path.join(folder, label, `${label}${i}${copy}.jpg`), makeJpeg(160, 160));
      }
    }
    const output = vscode.Uri.file(path.join(workspace(), 'manifests', 'letters-manifest.jsonl'));
    await vscode.commands.executeCommand('bedrockCustomizer.manifest.createFromFolder', {
      folder: vscode.Uri.file(folder), s3Prefix: `s3://${BUCKET}/letters`, captionTemplate: 'The letter {label} in sign language', output,
    });
    const lines = readFileSync(output.fsPath, 'utf8').trim().split('\n');
    assert.equal(lines.length, 20);
    assert.deepEqual(JSON.parse(lines[0] ?? ''), { 'image-ref': `s3://${BUCKET}/letters/A/A1.jpg`, caption: 'The letter A in sign language' });
    const head = await s3().send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'letters/B/B5_1.jpg' }));
    assert.equal(head.ContentLength, makeJpeg(160, 160).length);

    const out = await vscode.commands.executeCommand<{ training: vscode.Uri; validation: vscode.Uri; sidecar: vscode.Uri }>(
      'bedrockCustomizer.manifest.split', { manifest: output, seed: 1234, validationFraction: 0.2 });
    const sidecar = JSON.parse(readFileSync(out.sidecar.fsPath, 'utf8')) as { seed: number; training: { records: number }; validation: { records: number } };
    assert.equal(sidecar.seed, 1234);
    assert.deepEqual([sidecar.training.records, sidecar.validation.records], [16, 4]);
    const validation = readFileSync(out.validation.fsPath, 'utf8');
    for (const line of validation.trim().split('\n')) {
      const ref = String((JSON.parse(line) as Record<string, unknown>)['image-ref']);
      const source = ref.replace(/_1\.jpg$/, '.jpg');
      assert.ok(validation.includes(source) && validation.includes(source.replace('.jpg', '_1.jpg')), `${ref}: its copies stay together`);
    }
  });
  it('Split asks before replacing an existing file it did not write, and replaces its own outputs freely (issue 13, finding 3)', async () => {
    const lifecycle = answering(await activateExtension()); // scripts the confirmation
    const dir = path.join(workspace(), 'manifests');
    const manifest = vscode.Uri.file(path.join(dir, 'split-me.jsonl'));
    writeFileSync(manifest.fsPath, `${['A', 'B'].flatMap((l) => [1, 2, 3, 4, 5].map((i) => JSON.stringify({ 'image-ref': `s3://${BUCKET}/${l}${i}.jpg`, caption: `The letter ${l}` }))).join('\n')}\n`);
    const mine = path.join(dir, 'split-me-train.jsonl');
    writeFileSync(mine, 'my hand-made training file\n');
    const split = (): Thenable<{ training: vscode.Uri } | undefined> => vscode.commands.executeCommand('bedrockCustomizer.manifest.split', { manifest, seed: 7, validationFraction: 0.2 });

    const declined = lifecycle.script(['<cancel>']);
    assert.equal(await split(), undefined, 'declined: nothing split');
    assert.equal(declined.asked.length, 1);
    assert.match(declined.asked[0] ?? '', /split-me-train\.jsonl already exists and was not written by bedrock-mm/);
    assert.equal(readFileSync(mine, 'utf8'), 'my hand-made training file\n', 'the foreign file is untouched');
    assert.ok(!existsSync(path.join(dir, 'split-me.split.json')), 'and nothing else was written');

    const replaced = lifecycle.script(['Replace']);
    const out = await split();
    assert.ok(out, 'approved: split');
    assert.equal(replaced.asked.length, 1);
    assert.notEqual(readFileSync(mine, 'utf8'), 'my hand-made training file\n');

    const again = lifecycle.script(['<cancel>']);
    assert.ok(await split(), 'its own outputs (named by the sidecar) are replaced without a question');
    assert.deepEqual(again.asked, []);
    lifecycle.script([]); // drop the unused answer
  });
});
