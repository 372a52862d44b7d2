// The comparison panel in real VS Code: "Compare Models" runs the engine on fixture embeddings and opens the
// panel; the webview (running under the panel's CSP) answers the handshake and receives the report; the
// serializer's deserialize path restores it; a broken report shows a message instead of crashing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostMessage, HostNotifications } from '../../src/protocol/messages';
import { HOSTILE_CAPTION, writeCompareFixture, type CompareFixture } from '../support/compareFixture';
import { compareHooks, receivedThumbnails, type CompareHooks } from '../support/panelProbe';
import { activateExtension, answering, waitFor } from '../support/vscode';

type ReportMessage = { kind: 'notify'; type: 'report'; payload: HostNotifications['report'] };

const workspaceFolder = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';

/** The first report message for `source` posted after the ones in `seen` (the probe keeps a bounded window, so
 * counting messages would miss a new one once streamed thumbnail messages push old ones out). */
function nextReport(hooks: CompareHooks, source: string, seen: readonly ReportMessage[]): ReportMessage | undefined {
  return reportPosts(hooks, source).find((m) => !seen.includes(m));
}

/** Disposes the panels and waits until the workbench has closed their tabs: a report opened again while the old
 * webview is still being torn down can lose its new webview to that teardown (seen under load). */
async function closePanels(hooks: CompareHooks): Promise<void> {
  hooks.panels.dispose();
  const open = (): boolean => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('bedrockCustomizer.comparison')));
  await waitFor(vscode.window.tabGroups.onDidChangeTabs, () => !open(), 'the report tabs to close');
}

function reportPosts(hooks: CompareHooks, source: string): ReportMessage[] {
  return hooks.probe.posted.filter((m: HostMessage): m is ReportMessage => m.kind === 'notify' && m.type === 'report' && m.payload.source === source);
}

describe('compare panel in real VS Code', () => {
  let hooks: CompareHooks;
  let fixture: CompareFixture;

  before(async () => {
    hooks = compareHooks(await activateExtension());
    const workspace = process.env['BMC_TEST_WORKSPACE'] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace, 'a workspace folder is open');
    fixture = writeCompareFixture(path.join(workspace, 'compare'));
  });

  afterEach(() => closePanels(hooks));
  after(() => { hooks.probe.dispose(); });

  it('Compare Models runs the engine, writes the report and the panel receives it after the ready handshake', async () => {
    const readyBefore = hooks.probe.received.filter((m) => m.type === 'ready').length;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('bedrockCustomizer.compareModels', fixture.spec);
    assert.ok(uri, 'the command returns the report it wrote');
    assert.equal(uri.fsPath, fixture.spec.output);
    const onDisk = JSON.parse(fs.readFileSync(fixture.spec.output, 'utf8')) as HostNotifications['report']['report'];
    const msg = await waitFor(hooks.probe.onDidChange, () => reportPosts(hooks, fixture.spec.output)[0], 'the report message to the webview');
    assert.ok(hooks.probe.received.filter((m) => m.type === 'ready').length > readyBefore, 'the webview script ran (under the CSP) and sent ready');
    assert.deepEqual(msg.payload.report, onDisk, 'the webview gets exactly the saved report');
    const t2i = msg.payload.report.modes.find((m) => m.mode === 'text-to-image');
    assert.equal(t2i?.results.find((r) => r.model === 'base')?.metrics['accuracy@1'], 2 / 26);
    assert.equal(t2i?.results.find((r) => r.model === 'fine-tuned')?.metrics['accuracy@1'], 20 / 26);
    assert.ok(t2i?.results[0]?.perClass.some((c) => c.label === HOSTILE_CAPTION), 'the hostile caption is a class label');
    // The report comes first; its thumbnails follow as they are made (the webview fills its placeholders in).
    const streamed = await waitFor(hooks.probe.onDidChange, () => receivedThumbnails(hooks.probe.posted, fixture.spec.output), 'the thumbnails after the report');
    const pending = msg.payload.thumbnailsPending ?? [];
    assert.ok(pending.length > 0, 'the report was posted before its (workspace) thumbnails were made');
    for (const id of pending) assert.ok(id in streamed.thumbnails || id in streamed.thumbnailProblems, `${id} came in a thumbnails message`);
    const thumbs = Object.entries(streamed.thumbnails);
    assert.ok(thumbs.length > 0, 'thumbnails were cached');
    for (const [id, src] of thumbs) {
      assert.match(id, /^[A-Z]\/0\.jpg$/);
      assert.ok(!src.startsWith('file:') && /^https:\/\/.*vscode-(resource|cdn)/.test(src), `thumbnail ${id} is a webview resource URI: ${src}`);
    }
    assert.equal(hooks.panels.panels.length, 1);
    assert.equal(hooks.panels.panels[0]?.panel.viewType, 'bedrockCustomizer.comparison');
  });

  it('Open Comparison Report reopens a saved report, and the serializer restores it after a reload', async () => {
    const before = reportPosts(hooks, fixture.spec.output);
    await vscode.commands.executeCommand('bedrockCustomizer.openReport', vscode.Uri.file(fixture.spec.output));
    await waitFor(hooks.probe.onDidChange, () => nextReport(hooks, fixture.spec.output, before), 'the reopened report');
    await closePanels(hooks);
    const seen = reportPosts(hooks, fixture.spec.output);
    // What VS Code does after a window reload: a fresh panel of our view type handed to the serializer with the
    // state the webview saved.
    await hooks.revive({ reportPath: fixture.spec.output, mode: 'classify', missesOnly: true });
    const restored = await waitFor(hooks.probe.onDidChange, () => nextReport(hooks, fixture.spec.output, seen), 'the restored panel to receive its report');
    assert.equal(restored.payload.state?.mode, 'classify', 'the view state comes back');
    assert.equal(restored.payload.state?.missesOnly, true);
    assert.equal(hooks.panels.panels.length, 1, 'the restored panel is tracked');
  });

  it('a file that is not a report shows what is wrong instead of crashing', async () => {
    const bad = path.join(fixture.dir, 'not-a-report.json');
    fs.writeFileSync(bad, JSON.stringify({ rows: [1, 2] }));
    await vscode.commands.executeCommand('bedrockCustomizer.openReport', vscode.Uri.file(bad));
    const error = await waitFor(hooks.probe.onDidChange, () => hooks.probe.posted.find((m) => m.kind === 'notify' && m.type === 'error'), 'the error message');
    assert.ok(error.kind === 'notify' && error.type === 'error');
    assert.match(error.payload.message, /not-a-report\.json is not a comparison report \(no "schemaVersion"\)/);
  });

  it('Compare Models names every problem of a bad spec and writes nothing', async () => {
    const output = path.join(fixture.dir, 'never.report.json');
    const result = await vscode.commands.executeCommand('bedrockCustomizer.compareModels', { models: [{ name: 'base', embeddings: fixture.base }], output });
    assert.equal(result, undefined);
    assert.equal(fs.existsSync(output), false);
  });
  it('an embeddings-file spec with "output": "../x" writes nothing outside without confirmation, and there with it (issue 13, finding 3)', async () => {
    const lifecycle = answering(await activateExtension()); // scripts the confirmation
    const ws = workspaceFolder();
    const name = `${path.basename(ws)}-outside.report.json`;
    const outside = path.join(path.dirname(ws), name);
    const specFile = vscode.Uri.file(path.join(ws, 'outside.compare.json'));
    fs.writeFileSync(specFile.fsPath, JSON.stringify({
      models: [{ name: 'base', embeddings: 'compare/base.embeddings.jsonl' }, { name: 'fine-tuned', embeddings: 'compare/fine-tuned.embeddings.jsonl' }],
      modes: ['classify'], k: [1], output: `../${name}`,
    }));
    try {
      const declined = lifecycle.script(['<cancel>']);
      assert.equal(await vscode.commands.executeCommand('bedrockCustomizer.compareModels', specFile), undefined);
      assert.equal(declined.asked.length, 1, 'the user was asked');
      assert.match(declined.asked[0] ?? '', new RegExp(`outside the workspace folder[\\s\\S]*${name.replace(/[.]/g, '\\.')} is outside`));
      assert.equal(fs.existsSync(outside), false, 'nothing written outside without the confirmation');

      const approved = lifecycle.script(['Write Outside the Workspace']);
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('bedrockCustomizer.compareModels', specFile);
      assert.equal(approved.asked.length, 1);
      assert.equal(uri?.fsPath, outside, 'written where the user confirmed');
      assert.equal((JSON.parse(fs.readFileSync(outside, 'utf8')) as { schemaVersion: number }).schemaVersion, 2);
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });

  it('the comparison report does not replace an existing file it did not write unless the user says Replace', async () => {
    const lifecycle = answering(await activateExtension());
    const output = path.join(fixture.dir, 'notes.json');
    fs.writeFileSync(output, 'my notes\n');
    const declined = lifecycle.script(['<cancel>']);
    assert.equal(await vscode.commands.executeCommand('bedrockCustomizer.compareModels', { ...fixture.spec, output }), undefined);
    assert.match(declined.asked[0] ?? '', /notes\.json already exists and was not written by bedrock-mm/);
    assert.equal(fs.readFileSync(output, 'utf8'), 'my notes\n');
    lifecycle.script(['Replace']);
    assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('bedrockCustomizer.compareModels', { ...fixture.spec, output }))?.fsPath, output);
    const again = lifecycle.script(['<cancel>']);
    assert.ok(await vscode.commands.executeCommand('bedrockCustomizer.compareModels', { ...fixture.spec, output }), 'its own report is replaced without a question');
    assert.deepEqual(again.asked, []);
    lifecycle.script([]); // drop the unused answer
  });

  it('S3 thumbnails are made for the map; reopening the report makes no S3 request (emulator request log)', async function () {
    const line = process.env['BMC_EMULATOR'];
    if (!line) this.skip(); // the harness starts the emulator
    const { admin: adminUrl } = JSON.parse(line ?? '{}') as { admin: string };
    const r = await fetch(`${adminUrl}/sample-data`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ imagesPerClass: 2, testPerClass: 0 }) });
    assert.ok(r.ok, `sample data uploaded: ${r.status}`);
    const { bucket } = (await r.json()) as { bucket: string };
    const output = path.join(fixture.dir, 's3-thumbs-source.report.json');
    assert.ok(await vscode.commands.executeCommand('bedrockCustomizer.compareModels', { ...fixture.spec, output }));
    await closePanels(hooks);
    const report = JSON.parse(fs.readFileSync(output, 'utf8')) as HostNotifications['report']['report'];
    const map = report.embeddingMap;
    assert.ok(map, 'the report has a map');
    const letters = ['A', 'B', 'C'];
    const ids = letters.map((l) => `${l}/1.jpg`);
    for (const item of map.items) {
      const l = item.id.slice(0, 1);
      if (ids.includes(item.id)) item.source = `s3://${bucket}/images/${l}/${l}1.png`;
    }
    const s3Report = path.join(fixture.dir, `s3-thumbs-${Date.now()}.report.json`);
    fs.writeFileSync(s3Report, JSON.stringify(report));
    const s3Requests = async (): Promise<number> => ((await (await fetch(`${adminUrl}/requests?service=s3`)).json()) as { requests: unknown[] }).requests.length;

    const cold = await s3Requests();
    await vscode.commands.executeCommand('bedrockCustomizer.openReport', vscode.Uri.file(s3Report));
    const first = await waitFor(hooks.probe.onDidChange, () => receivedThumbnails(hooks.probe.posted, s3Report), 'the S3 report and its thumbnails', 60_000);
    for (const id of ids) {
      const got = first.thumbnails[id] ?? `none: ${first.thumbnailProblems[id]}`;
      assert.ok(/^https:\/\/.*vscode-(resource|cdn)/.test(got), `${id} is a webview resource of the cache: ${got}`);
    }
    await closePanels(hooks);
    const before = await s3Requests();
    assert.ok(before - cold >= ids.length, `the first open read the S3 images (one GET each): ${before - cold} requests logged`);
    const seen = reportPosts(hooks, s3Report);
    await vscode.commands.executeCommand('bedrockCustomizer.openReport', vscode.Uri.file(s3Report));
    const again = await waitFor(hooks.probe.onDidChange, () => nextReport(hooks, s3Report, seen), 'the reopened report');
    for (const id of ids) assert.ok(id in again.payload.thumbnails, `${id} comes from the cache, in the report message itself`);
    assert.equal(await s3Requests() - before, 0, 'no S3 request when the report is opened again');
  });

  it('thumbnails are read only from files inside the workspace: ids pointing outside get none (issue 13, finding 10)', async () => {
    const ws = workspaceFolder();
    const secret = path.join(path.dirname(ws), `${path.basename(ws)}-secret.jpg`);
    fs.copyFileSync(path.join(fixture.dir, 'A', '0.jpg'), secret);
    try {
      const output = path.join(fixture.dir, 'thumbs.report.json');
      assert.ok(await vscode.commands.executeCommand('bedrockCustomizer.compareModels', { ...fixture.spec, output }));
      await closePanels(hooks);
      // The report names the outside image by absolute path and by ../ from the report's folder.
      const report = JSON.parse(fs.readFileSync(output, 'utf8')) as HostNotifications['report']['report'];
      const perQuery = report.modes.find((m) => m.mode === 'text-to-image')?.results[0]?.perQuery ?? [];
      const relative = path.relative(fixture.dir, secret);
      assert.ok(relative.startsWith('..') && perQuery.length > 2);
      perQuery[0]!.topIds[0] = secret;
      perQuery[1]!.topIds[0] = relative;
      const hostile = path.join(fixture.dir, 'hostile-thumbs.report.json');
      fs.writeFileSync(hostile, JSON.stringify(report));
      await vscode.commands.executeCommand('bedrockCustomizer.openReport', vscode.Uri.file(hostile));
      const msg = await waitFor(hooks.probe.onDidChange, () => receivedThumbnails(hooks.probe.posted, hostile), 'the hostile report and its thumbnails');
      const ids = Object.keys(msg.thumbnails);
      assert.ok(!ids.includes(secret) && !ids.includes(relative), `no thumbnail for the outside image: ${ids.join(', ')}`);
      assert.ok(ids.some((id) => /^[A-Z]\/0\.jpg$/.test(id)), 'images inside the workspace still get theirs');
    } finally {
      fs.rmSync(secret, { force: true });
    }
  });
});
