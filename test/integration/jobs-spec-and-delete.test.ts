import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerHooks } from '../../src/vscode/explorer/hooks';
import { activateExtension, answering, type Answering } from '../support/vscode';
import { admin, bedrockRequests } from '../support/emulatorAdmin';

async function hooks(): Promise<{ explorer: ExplorerHooks; lifecycle: Answering }> {
  const api = await activateExtension();
  assert.ok(api.explorer);
  return { explorer: api.explorer, lifecycle: answering(api) };
}

const folder = (): vscode.Uri => {
  const f = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(f, 'the test workspace is open');
  return f;
};

describe('job specs and guarded deletions', () => {
  it('a job-spec file gets a "Launch" CodeLens, or its problems when it does not parse', async () => {
    await activateExtension();
    const good = vscode.Uri.joinPath(folder(), 'lens.bedrock-job.json');
    await vscode.workspace.fs.writeFile(good, new TextEncoder().encode(JSON.stringify({
      jobName: 'lens-job', customModelName: 'lens-model', roleArn: 'arn:aws:iam::123456789012:role/R',
      trainingData: 's3://b-1/train.jsonl', outputData: 's3://b-1/out/', hyperParameters: { epochCount: 'Auto' },
    })));
    await vscode.workspace.openTextDocument(good);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', good);
    const ours = lenses.filter((l) => l.command?.command === 'bedrockCustomizer.launchJob');
    assert.equal(ours.length, 1);
    assert.match(ours[0]?.command?.title ?? '', /Launch "lens-job"/);
    const bad = vscode.Uri.joinPath(folder(), 'bad.bedrock-job.json');
    await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode('{"jobName": "-x"}'));
    await vscode.workspace.openTextDocument(bad);
    const badLens = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', bad))
      .filter((l) => l.command?.command === 'bedrockCustomizer.launchJob');
    assert.match(badLens[0]?.command?.title ?? '', /\d+ problem\(s\)/);
  });

  it('the wizard saves its answers as a spec file that parses back', async () => {
    const { lifecycle } = await hooks();
    const driver = lifecycle.script([
      's3://bucket-a/out/', 's3://bucket-a/train.jsonl', '<none>', 'arn:aws:iam::123456789012:role/R', 'saved-job', '<default>',
      '4', '<default>', '<default>', '', 'save',
    ]);
    const outcome = await vscode.commands.executeCommand<{ cancelled?: boolean }>('bedrockCustomizer.launchJob');
    assert.equal(outcome?.cancelled, true, driver.rejected.join('; '));
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'saved-job.bedrock-job.json')))) as Record<string, unknown>;
    assert.equal(saved['jobName'], 'saved-job');
    assert.equal(saved['customModelName'], 'saved-job-model');
    assert.deepEqual(saved['hyperParameters'], { epochCount: '4', batchSize: '576', learningRate: '0.00005' });
    assert.equal(saved['validationData'], undefined);
  });

  it('deleting a throughput with a commitment needs its name typed exactly', async () => {
    const { explorer, lifecycle } = await hooks();
    await admin('/reset', {});
    const seeded = await admin<{ provisionedModelArns: string[] }>('/seed', {
      customModels: [{ modelName: 'committed-model' }],
      provisionedThroughputs: [{ provisionedModelName: 'committed-pt', commitmentDuration: 'OneMonth' }],
    });
    const arn = seeded.provisionedModelArns[0] ?? '';
    explorer.refresh();
    assert.match((await explorer.snapshot('throughput'))[0]?.description ?? '', /One month/);
    await admin('/requests', undefined, 'DELETE');
    const wrong = lifecycle.script(['committed']);
    assert.equal(await vscode.commands.executeCommand('bedrockCustomizer.deleteThroughput', arn), false);
    assert.match(wrong.asked[0] ?? '', /OneMonth commitment: deleting it does not end the commitment's billing/);
    assert.equal((await bedrockRequests()).filter((r) => r.method === 'DELETE').length, 0, 'nothing deleted');
    lifecycle.script(['committed-pt']);
    assert.equal(await vscode.commands.executeCommand('bedrockCustomizer.deleteThroughput', arn), true);
    assert.equal((await bedrockRequests()).filter((r) => r.method === 'DELETE').length, 1);
    assert.deepEqual((await explorer.snapshot('throughput')).map((t) => t.contextValue), ['bmc.placeholder']);
  });
});
