// Issue 18 in real VS Code against the emulator: one report with base Titan, the fine-tuned Titan through the batch
// route and Nova Multimodal Embeddings; Cohere Embed v4, which the emulator is told is not offered, is listed as
// skipped with the reason. The batch confirmation and the report's per-model cost lines come from the price
// settings this test sets; the headline names the fine-tuned model against base and Nova.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostNotifications } from '../../src/protocol/messages';
import { verdict } from '../../src/protocol/verdict';
import type { RunningEmulator } from '../../emulator';
import { admin, aslSpec, BATCH_ROLE, emulatorSession, trainedCustomModel, writeSpec } from '../support/emulatorCompare';
import { compareHooks } from '../support/panelProbe';
import { activateExtension, answering, waitFor } from '../support/vscode';

const COHERE = 'cohere.embed-v4:0';
const NOVA = 'amazon.nova-2-multimodal-embeddings-v1:0';
const PRICES: Record<string, number> = {
  'pricing.onDemandPerImage': 0.00006, 'pricing.batchPerImage': 0.00003, 'pricing.textPer1000Tokens': 0.0008,
  'pricing.nova.onDemandPerImage': 0.0001, 'pricing.nova.textPer1000Tokens': 0.001, 'pricing.throughputHourlyNoCommitment': 9.38,
};
const SETTINGS: Record<string, number> = { ...PRICES, 'compare.requestsPerMinute': 60_000, 'compare.batchPollSeconds': 1 };

describe('contenders on the emulator in real VS Code', () => {
  const config = vscode.workspace.getConfiguration('bedrockCustomizer');
  afterEach(async () => {
    for (const key of Object.keys(SETTINGS)) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  it('base, fine-tuned (batch) and Nova in one report; Cohere skipped with the reason; costs from the settings; the headline', async function () {
    const line = process.env['BMC_EMULATOR'];
    if (!line) this.skip(); // the harness starts the emulator
    const emu = { endpoints: JSON.parse(line ?? '{}') as RunningEmulator['endpoints'] } as RunningEmulator;
    const testing = await activateExtension();
    const hooks = compareHooks(testing);
    for (const [key, value] of Object.entries(SETTINGS)) await config.update(key, value, vscode.ConfigurationTarget.Global);
    await admin(emu, '/seed', { notOffered: [COHERE] });
    const data = (await admin(emu, '/sample-data', { testPerClass: 1 })) as { bucket: string; training: string; validation: string; test: string };
    const session = emulatorSession(emu);
    let custom: string;
    try {
      custom = await trainedCustomModel(emu, session, data, 'contenders');
    } finally { session.dispose(); }
    const workspace = process.env['BMC_TEST_WORKSPACE'] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const dir = path.join(workspace, 'contenders');
    fs.mkdirSync(dir, { recursive: true });
    const base = aslSpec(data, custom, 'fine-tuned', { modes: ['text-to-image'], k: [1, 5], seed: 3, batch: { roleArn: BATCH_ROLE } });
    const specPath = writeSpec(dir, {
      ...base,
      models: [{ name: 'base', modelId: 'amazon.titan-embed-image-v1', baseline: true }, { name: 'fine-tuned', modelId: custom, inference: 'batch' }, { name: 'nova', modelId: NOVA }, { name: 'cohere', modelId: COHERE }],
    }, 'contenders.compare.json');

    const driver = answering(testing).script(['Submit Batch Jobs']);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('bedrockCustomizer.compareModels', vscode.Uri.file(specPath));
    assert.ok(uri, `a report was written (asked: ${driver.asked.join(' | ')})`);
    // The one confirmation: the fine-tuned model by batch at the batch price, Nova on demand at its price.
    const confirm = driver.asked.find((q) => q.startsWith('confirm: Run this comparison?')) ?? '';
    assert.match(confirm, /fine-tuned \(arn:[^)]+custom-model[^)]+\): batch, \d+ records \(26 images\), about \$0\.0008 \(26 images x your \$0\.00003/);
    assert.match(confirm, /nova \(amazon\.nova-2-multimodal-embeddings-v1:0\): on-demand, \d+ records \(26 images\), about \$0\.0026 \(26 images x your \$0\.0001/);
    assert.doesNotMatch(confirm, /cohere/, 'a skipped model is not embedded');

    const msg = await waitFor(hooks.probe.onDidChange, () => hooks.probe.posted.find(
      (m): m is { kind: 'notify'; type: 'report'; payload: HostNotifications['report'] } => m.kind === 'notify' && m.type === 'report' && m.payload.source === uri.fsPath),
    'the report message to the webview', 60_000);
    const report = msg.payload.report;
    assert.deepEqual(report.models.map((m) => [m.name, m.family]), [['base', 'titan-mm-g1'], ['fine-tuned', 'titan-mm-g1'], ['nova', 'nova-mme']]);
    assert.deepEqual(report.skipped?.map((s) => s.name), ['cohere']);
    assert.match(report.skipped?.[0]?.reason ?? '', /cohere\.embed-v4:0 is not offered in us-east-1/);
    const cost = (name: string) => report.models.find((m) => m.name === name)?.cost;
    assert.ok(Math.abs((cost('base')?.onDemandPer1000ImagesUsd ?? 0) - 0.06) < 1e-12, JSON.stringify(cost('base')));
    assert.ok(Math.abs((cost('nova')?.onDemandPer1000ImagesUsd ?? 0) - 0.1) < 1e-12, JSON.stringify(cost('nova')));
    assert.equal(cost('fine-tuned')?.provisionedPerHourUsd, 9.38);
    const tuned = cost('fine-tuned');
    assert.ok(Math.abs((tuned?.evaluationUsd ?? 0) - (26 * 0.00003 + (tuned?.embeddedTextTokens ?? 0) * 0.0008 / 1000)) < 1e-12, JSON.stringify(tuned));
    const mode = report.modes.find((m) => m.mode === 'text-to-image');
    assert.ok(mode);
    assert.match(verdict(report, mode) ?? '', /^fine-tuned beats base by \d\.\d\d top-1 \(.+\) and nova by \d\.\d\d \(.+\)\.$/);
    hooks.panels.dispose();
    hooks.probe.dispose();
  });
});
