// One compare spec and one scoring path in real VS Code (issue 14, items 1-2): an old-form embeddings spec gets a
// warning in the Problems panel that says how to write it now, and is still run; a spec file scored by Compare
// Models gives the report `bedrock-mm evaluate` prints for the same files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runCliCaptured } from '../support/cliRun';
import type { ComparisonReport } from '../../src/protocol/report';
import { writeCompareFixture, type CompareFixture } from '../support/compareFixture';
import { activateExtension, waitFor } from '../support/vscode';

const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bedrock-mm');

describe('compare spec in real VS Code', () => {
  let fixture: CompareFixture;
  let ws: string;

  before(async () => {
    await activateExtension();
    ws = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    assert.ok(ws, 'a workspace folder is open');
    fixture = writeCompareFixture(path.join(ws, 'compare-spec'));
  });

  afterEach(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  it('an old-form embeddings spec (top-level "baseline") gets a warning saying how to write it now, and still runs', async () => {
    const uri = vscode.Uri.file(path.join(fixture.dir, 'old-form.compare.json'));
    fs.writeFileSync(uri.fsPath, `${JSON.stringify({
      models: [{ name: 'base', embeddings: 'base.embeddings.jsonl' }, { name: 'fine-tuned', embeddings: 'fine-tuned.embeddings.jsonl' }],
      baseline: 'fine-tuned', modes: ['classify'], k: [1],
    }, null, 2)}\n`);
    await vscode.window.showTextDocument(uri);
    const [warning] = await waitFor(vscode.languages.onDidChangeDiagnostics, () => { const d = ours(uri); return d.length > 0 && d; }, 'the old-form warning');
    assert.equal(warning?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(warning?.message ?? '', /old form of the embeddings spec: write "baseline": true in the models entry of "fine-tuned"/);
    assert.equal(warning?.range.start.line, 11, 'on the "baseline" line');

    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('bedrockCustomizer.compareModels', uri);
    assert.equal(written?.fsPath, path.join(fixture.dir, 'old-form.report.json'));
    const report = JSON.parse(fs.readFileSync(written.fsPath, 'utf8')) as ComparisonReport;
    assert.equal(report.baseline, 'fine-tuned', 'the old form is still read');
  });

  it('the new form gets no warning; a spec mixing modelId and embeddings gets an error at "models"', async () => {
    const good = vscode.Uri.file(path.join(fixture.dir, 'new-form.compare.json'));
    fs.writeFileSync(good.fsPath, JSON.stringify({ models: [{ name: 'base', embeddings: 'base.embeddings.jsonl', baseline: true }, { name: 'fine-tuned', embeddings: 'fine-tuned.embeddings.jsonl' }] }));
    const mixed = vscode.Uri.file(path.join(fixture.dir, 'mixed.compare.json'));
    fs.writeFileSync(mixed.fsPath, JSON.stringify({ testSet: { manifest: 't.jsonl' }, models: [{ name: 'base', modelId: 'amazon.titan-embed-image-v1' }, { name: 'fine-tuned', embeddings: 'fine-tuned.embeddings.jsonl' }] }));
    await vscode.window.showTextDocument(good);
    await vscode.window.showTextDocument(mixed);
    const [error] = await waitFor(vscode.languages.onDidChangeDiagnostics, () => { const d = ours(mixed); return d.length > 0 && d; }, 'the mixed-sources error');
    assert.equal(error?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error?.message ?? '', /give every model by "modelId" or every model by "embeddings"/);
    assert.deepEqual(ours(good), [], 'the documents were checked together; the new form has nothing to say');
  });

  it('Compare Models on a spec file and `bedrock-mm evaluate` on the same files give the same report', async () => {
    const uri = vscode.Uri.file(path.join(fixture.dir, 'same.compare.json'));
    fs.writeFileSync(uri.fsPath, JSON.stringify({
      models: [{ name: 'base', embeddings: 'base.embeddings.jsonl', baseline: true }, { name: 'fine-tuned', embeddings: 'fine-tuned.embeddings.jsonl' }],
      modes: ['text-to-image', 'classify'], k: [1, 5], seed: 11,
    }));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('bedrockCustomizer.compareModels', uri);
    assert.ok(written, 'the report was written');
    const fromVsCode = JSON.parse(fs.readFileSync(written.fsPath, 'utf8')) as ComparisonReport;
    const { code, out } = await runCliCaptured(['evaluate', '--mode', 'text-to-image,classify', '--model', `base=${fixture.base}`, '--model', `fine-tuned=${fixture.tuned}`,
      '--k', '1,5', '--seed', '11', '--format', 'json']);
    assert.equal(code, 0);
    const fromCli = JSON.parse(out) as ComparisonReport;
    assert.deepEqual({ ...fromVsCode, createdAt: '' }, { ...fromCli, createdAt: '' });
  });
});
