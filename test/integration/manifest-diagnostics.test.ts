// The manifest feature in real VS Code: exact diagnostics on open, an edit that removes one, a quick fix applied
// through the code action provider, and the CodeLens on line 1.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, answering, waitFor } from '../support/vscode';

const workspace = (): string => process.env['BMC_TEST_WORKSPACE'] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bedrock-mm');
const brief = (d: vscode.Diagnostic): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`;

/** The diagnostics of manifests/problems-valid.jsonl. */
const PROBLEMS_VALID = [
  '0:0-0:89 record-count',
  '1:88-1:89 json-syntax',
  '2:0-2:89 missing-image-ref',
  '2:1-2:12 unknown-key',
  '3:14-3:46 s3-uri',
  '4:0-4:0 blank-line',
  '5:14-5:44 duplicate-image',
  '6:14-6:31 s3-uri',
  '6:44-6:46 empty-caption',
];

async function openManifest(name: string): Promise<vscode.TextEditor> {
  await activateExtension();
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspace(), 'manifests', name)));
  return vscode.window.showTextDocument(doc);
}

describe('manifest diagnostics in real VS Code', () => {
  it('shows the exact diagnostics of a manifest with known problems', async () => {
    const editor = await openManifest('problems-valid.jsonl');
    const uri = editor.document.uri;
    const diags = await waitFor(vscode.languages.onDidChangeDiagnostics, () => { const d = ours(uri); return d.length >= 9 && d; }, 'manifest diagnostics');
    assert.deepEqual(diags.map(brief), PROBLEMS_VALID);
    const dup = diags.find((d) => d.code === 'duplicate-image');
    assert.equal(dup?.relatedInformation?.[0]?.location.range.start.line, 0);
    assert.equal(diags.find((d) => d.code === 'unknown-key')?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('an edit that fixes a line removes its diagnostic', async () => {
    const editor = await openManifest('problems-valid.jsonl');
    const uri = editor.document.uri;
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => ours(uri).some((d) => d.code === 'json-syntax'), 'json-syntax present');
    const line = editor.document.lineAt(1);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, line.range, '{"image-ref": "s3://asl-data/valid/B/B1.jpg", "caption": "The letter B in sign language"}');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await waitFor(vscode.languages.onDidChangeDiagnostics, () => { const d = ours(uri); return !d.some((x) => x.code === 'json-syntax') && d; }, 'json-syntax gone');
    assert.ok(after.some((d) => d.code === 'unknown-key'), 'the other lines keep their diagnostics');
  });

  it('applies the "rename near-miss key" quick fix', async () => {
    const editor = await openManifest('problems-valid.jsonl');
    const uri = editor.document.uri;
    const unknown = await waitFor(vscode.languages.onDidChangeDiagnostics, () => ours(uri).find((d) => d.code === 'unknown-key'), 'unknown-key');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const rename = actions.find((a) => a.title === 'Rename "image_ref" to "image-ref"');
    assert.ok(rename?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.ok(editor.document.lineAt(2).text.startsWith('{"image-ref": '));
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => !ours(uri).some((d) => d.code === 'unknown-key' || d.code === 'missing-image-ref'), 'unknown-key gone');
    const blank = ours(uri).find((d) => d.code === 'blank-line');
    assert.ok(blank);
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, blank.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fixes.some((a) => a.title === 'Delete this line'));
  });

  it('shows the CodeLens on line 1 and "Launch fine-tuning" does not throw', async () => {
    const editor = await openManifest('problems-valid.jsonl');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /^6 records · validation$/.test(t)), titles.join(' | '));
    assert.ok(titles.includes('Validate images'));
    assert.ok(titles.includes('Launch fine-tuning'));
    // The jobs wizard opens with this manifest already chosen: answer its first question with Cancel.
    const driver = answering(await activateExtension()).script(['<cancel>']);
    await vscode.commands.executeCommand('bedrockCustomizer.manifest.launchFineTuning', editor.document.uri);
    if (driver) assert.deepEqual(driver.asked, ['output'], 'the launch wizard started, without asking for the manifest again');
  });

  it('"Validate Manifest File" checks a file that is not open, on a worker thread, with the same diagnostics', async () => {
    await activateExtension();
    const source = path.join(workspace(), 'manifests', 'problems-valid.jsonl');
    const copy = path.join(workspace(), 'manifests', 'closed-copy-valid.jsonl');
    fs.copyFileSync(source, copy);
    const uri = vscode.Uri.file(copy);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === copy), 'the copy is not open');
    const run = await vscode.commands.executeCommand<{ threads: number; report: { records: number; errors: number } }>('bedrockCustomizer.manifest.validateFile', uri);
    assert.equal(run?.threads, 1);
    assert.equal(run?.report.records, 6);
    assert.deepEqual(ours(uri).map(brief), PROBLEMS_VALID);
  });

  it('leaves other JSON Lines files alone', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'jsonl', content: '{"a": 1,}\n' });
    await vscode.window.showTextDocument(doc);
    assert.deepEqual(ours(doc.uri), []);
  });
});
