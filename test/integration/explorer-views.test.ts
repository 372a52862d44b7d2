import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerHooks } from '../../src/vscode/explorer/hooks';
import { activateExtension } from '../support/vscode';
import { admin, bedrockRequests } from '../support/emulatorAdmin';

const settings = () => vscode.workspace.getConfiguration('bedrockCustomizer');

async function explorer(): Promise<ExplorerHooks> {
  const api = await activateExtension();
  assert.ok(api.explorer, 'the explorer exposes its hooks');
  return api.explorer;
}

describe('explorer views against the emulator', () => {
  before(async () => {
    await settings().update('explorer.pageSize', 5, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await settings().update('explorer.pageSize', undefined, vscode.ConfigurationTarget.Global);
    await admin('/faults', { throttleRate: 0, errorRate: 0, dropRate: 0, latencyMs: 0 });
  });

  it('lists seeded jobs (over two pages), models with their throughputs, and throughputs with their billing clock', async () => {
    const hooks = await explorer();
    await admin('/reset', {});
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const seeded = await admin<{ jobArns: string[]; modelArns: string[]; provisionedModelArns: string[] }>('/seed', {
      customModels: [{ modelName: 'asl-model', trainingLoss: 0.25 }, { modelName: 'other-model' }],
      jobs: [
        ...Array.from({ length: 6 }, (_, i) => ({ jobName: `done-${i}`, status: 'Completed', creationTime: hourAgo })),
        { jobName: 'broken', status: 'Failed', failureMessage: 'Could not assume provided IAM role', creationTime: hourAgo },
      ],
      provisionedThroughputs: [{ provisionedModelName: 'asl-pt', creationTime: hourAgo }],
    });
    hooks.refresh();
    const first = await hooks.snapshot('job');
    assert.equal(first.filter((i) => i.arn).length, 5, 'first page: 5 jobs');
    assert.equal(first.at(-1)?.contextValue, 'bmc.loadMore', 'then "Load more"');
    assert.equal(await hooks.loadAll('job'), 7);
    const all = await hooks.snapshot('job');
    assert.equal(all.length, 7, 'every job, no "Load more" left');
    const broken = all.find((i) => i.label === 'broken');
    assert.deepEqual([broken?.icon, broken?.contextValue], ['error', 'bmc.job.failed']);
    assert.deepEqual(all.filter((i) => i.label.startsWith('done-')).map((i) => i.icon), Array(6).fill('check'));
    const failure = await hooks.children('job', broken?.arn ?? '');
    assert.ok(failure.some((c) => c.description.includes('Could not assume provided IAM role')), 'the failure message is a child of the job');

    const models = await hooks.snapshot('model');
    assert.deepEqual(models.map((m) => m.label).sort(), ['asl-model', 'other-model']);
    assert.ok(models.every((m) => m.contextValue === 'bmc.model.active'));
    const aslArn = seeded.modelArns[0] ?? '';
    const children = await hooks.children('model', aslArn);
    assert.equal(children[0]?.description, '0.2500', 'training loss');
    assert.deepEqual(children.slice(1).map((c) => [c.label, c.contextValue]), [['asl-pt', 'bmc.throughput.inService']]);

    const pts = await hooks.snapshot('throughput');
    assert.equal(pts.length, 1);
    assert.match(pts[0]?.description ?? '', /^InService · 1 MU · No commitment · billing hourly for (59 min|1 h)/);
    assert.equal(hooks.isPolling(), false, 'nothing in progress: no polling');
  });

  it('makes no AWS calls while idle with nothing in progress', async () => {
    const hooks = await explorer();
    await hooks.snapshot('job');
    await hooks.snapshot('throughput');
    const before = (await bedrockRequests()).length;
    // Re-drawing loaded views must not call AWS, and with nothing in progress no poll timer may be pending
    // (the benchmark bench/explorer measures the same over a real idle interval).
    await hooks.snapshot('job');
    await hooks.snapshot('model');
    await hooks.snapshot('throughput');
    assert.equal(hooks.isPolling(), false, 'no poll timer pending');
    assert.equal((await bedrockRequests()).length, before, 'no request reached Bedrock while idle');
  });

  it('shows an error item with retry when the service fails, and recovers on retry', async () => {
    const hooks = await explorer();
    await admin('/faults', { service: 'bedrock', errorRate: 1 });
    hooks.refresh();
    const failed = await hooks.snapshot('model');
    assert.equal(failed.length, 1, 'one item, not an empty tree');
    assert.equal(failed[0]?.contextValue, 'bmc.error');
    assert.match(failed[0]?.label ?? '', /Failed to load custom models/);
    await admin('/faults', { service: 'bedrock', errorRate: 0 });
    await hooks.retry('model');
    const recovered = await hooks.snapshot('model');
    assert.deepEqual(recovered.map((m) => m.label).sort(), ['asl-model', 'other-model']);
  });

  it('shows a placeholder, not an empty tree, when there is nothing', async () => {
    const hooks = await explorer();
    await admin('/reset', {});
    hooks.refresh();
    const items = await hooks.snapshot('throughput');
    assert.deepEqual(items.map((i) => [i.label, i.contextValue]), [['No provisioned throughputs', 'bmc.placeholder']]);
  });
});
