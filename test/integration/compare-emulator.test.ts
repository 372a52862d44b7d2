// "Compare Models" on the emulator's sample dataset, in real VS Code: a fine-tuned model made by an emulated
// customization job and served by a provisioned throughput, a compare spec in the workspace, the command run on the
// spec (as its CodeLens runs it), the full pipeline through the real AWS SDK, and the panel receiving the report.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostNotifications } from '../../src/protocol/messages';
import type { RunningEmulator } from '../../emulator';
import { aslSpec, emulatorSession, trainedModel, writeSpec } from '../support/emulatorCompare';
import { compareHooks } from '../support/panelProbe';
import { activateExtension, waitFor } from '../support/vscode';

describe('compare on the emulator in real VS Code', () => {
  it('Compare Models on the sample dataset: the pipeline runs and the panel receives the report', async function () {
    const line = process.env['BMC_EMULATOR'];
    if (!line) this.skip(); // the harness starts the emulator; without it there is no AWS to compare against
    const emu = { endpoints: JSON.parse(line ?? '{}') as RunningEmulator['endpoints'] } as RunningEmulator;
    const hooks = compareHooks(await activateExtension());
    const config = vscode.workspace.getConfiguration('bedrockCustomizer');
    await config.update('compare.requestsPerMinute', 60_000, vscode.ConfigurationTarget.Global);
    const r = await fetch(`${emu.endpoints.admin}/sample-data`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ testPerClass: 2 }) });
    assert.ok(r.ok, `sample data uploaded: ${r.status}`);
    const data = (await r.json()) as { bucket: string; training: string; validation: string; test: string };
    const session = emulatorSession(emu);
    let tuned: string;
    try { tuned = await trainedModel(emu, session, data); } finally { session.dispose(); }
    const workspace = process.env['BMC_TEST_WORKSPACE'] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const dir = path.join(workspace, 'asl');
    fs.mkdirSync(dir, { recursive: true });
    const specPath = writeSpec(dir, aslSpec(data, tuned, 'fine-tuned', { modes: ['text-to-image', 'classify'], k: [1, 5] }));

    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('bedrockCustomizer.compareModels', vscode.Uri.file(specPath));
    assert.ok(uri, 'a report was written');
    const msg = await waitFor(hooks.probe.onDidChange, () => hooks.probe.posted.find(
      (m): m is { kind: 'notify'; type: 'report'; payload: HostNotifications['report'] } => m.kind === 'notify' && m.type === 'report' && m.payload.source === uri.fsPath),
    'the report message to the webview', 60_000);
    const t2i = msg.payload.report.modes.find((m) => m.mode === 'text-to-image');
    assert.equal(t2i?.queryCount, 26);
    const top1 = (model: string): number => t2i?.results.find((x) => x.model === model)?.metrics['accuracy@1'] ?? Number.NaN;
    assert.ok(top1('fine-tuned') > top1('base'), `fine-tuned top-1 ${top1('fine-tuned')} beats base ${top1('base')}`);
    assert.deepEqual(msg.payload.report, JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')));
    assert.ok(hooks.probe.received.some((m) => m.type === 'ready'));
    const thumbs = Object.entries(msg.payload.thumbnails);
    assert.ok(thumbs.length > 0, 'thumbnails of the S3 test images were fetched and cached');
    for (const [id, src] of thumbs) {
      assert.match(id, /^s3:\/\//);
      assert.ok(!src.includes('s3://') && /vscode-(resource|cdn)/.test(src), `served from the local cache, not S3: ${src}`);
    }
    hooks.panels.dispose();
    hooks.probe.dispose();
    await config.update('compare.requestsPerMinute', undefined, vscode.ConfigurationTarget.Global);
  });

  it('the compare-spec CodeLens offers "Run comparison" on *.compare.json', async () => {
    await activateExtension();
    const workspace = process.env['BMC_TEST_WORKSPACE'] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const file = path.join(workspace, 'lens.compare.json');
    fs.writeFileSync(file, '{\n  "models": []\n}\n');
    const doc = await vscode.workspace.openTextDocument(file);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const run = lenses.find((l) => l.command?.command === 'bedrockCustomizer.compareModels');
    assert.ok(run, `a Run comparison lens (got ${lenses.map((l) => l.command?.title).join(', ')})`);
    assert.equal((run.command?.arguments?.[0] as vscode.Uri).fsPath, file);
  });
});
