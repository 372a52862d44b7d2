// The Batch Inference Jobs view in real VS Code against the emulator: every status drawn with its icon, counts,
// model and ownership over pages; Stop (confirmed) moves a real job to Stopping then Stopped with a notification; and
// once every job has ended the view stops polling and makes no further AWS call.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ledgerEntry } from '../../src/core/cleanup/ledger';
import { BATCH_STATUSES } from '../../src/core/eval/batch/status';
import { CREATED_BY_TAG } from '../../src/core/lifecycle/tags';
import type { ExplorerHooks } from '../../src/vscode/explorer/hooks';
import { admin, bedrockRequests } from '../support/emulatorAdmin';
import { activateExtension, answering, waitFor, type Answering } from '../support/vscode';

const settings = () => vscode.workspace.getConfiguration('bedrockCustomizer');
const ROLE = 'arn:aws:iam::123456789012:role/BedrockBatchRole';
const lowerFirst = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

async function hooks(): Promise<{ explorer: ExplorerHooks; lifecycle: Answering; api: Awaited<ReturnType<typeof activateExtension>> }> {
  const api = await activateExtension();
  assert.ok(api.explorer, 'the explorer exposes its hooks');
  return { explorer: api.explorer, lifecycle: answering(api), api };
}

describe('Batch Inference Jobs view against the emulator', () => {
  let bucket = '';
  before(async () => {
    await settings().update('explorer.pageSize', 4, vscode.ConfigurationTarget.Global);
    await settings().update('explorer.pollSeconds', 1, vscode.ConfigurationTarget.Global);
    await admin('/reset', {});
    bucket = (await admin<{ bucket: string }>('/sample-data', { imagesPerClass: 2, testPerClass: 1, classes: 2 })).bucket;
  });
  after(async () => {
    await settings().update('explorer.pageSize', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('explorer.pollSeconds', undefined, vscode.ConfigurationTarget.Global);
    await admin('/reset', { keepS3: true }); // the frozen seeded jobs would keep the explorer polling
  });

  it('shows all ten statuses over pages: icon, contextValue, records processed/total, errors, model, and "by this extension" by tag or ledger', async () => {
    const { explorer, api } = await hooks();
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const custom = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/tuned1abcdef';
    const seeded = await admin<{ batchJobArns: string[] }>('/seed', {
      batchJobs: BATCH_STATUSES.map((status, i) => ({
        jobName: `batch-${lowerFirst(status)}`, status, submitTime: hourAgo, totalRecordCount: 100,
        ...(status === 'InProgress' ? { processedRecordCount: 40 } : {}),
        ...(status === 'PartiallyCompleted' ? { errorRecordCount: 3, message: '3 of 100 records failed' } : {}),
        ...(status === 'Failed' ? { message: 'Could not assume provided IAM role' } : {}),
        ...(i === 0 ? { tags: [{ key: CREATED_BY_TAG.key, value: CREATED_BY_TAG.value }] } : {}),
        ...(status === 'Completed' ? { modelId: custom } : {}),
      })),
    });
    const arnOf = (status: string): string => seeded.batchJobArns[BATCH_STATUSES.indexOf(status as never)] ?? '';
    // The ledger knows the Completed one (submitted by a comparison of this work); the Submitted one carries our tag.
    await api.ledger.record([ledgerEntry('batch-job', { arn: arnOf('Completed'), name: 'batch-completed' }, 'test')]);
    explorer.refresh();
    const first = await explorer.snapshot('batchJob');
    assert.equal(first.filter((i) => i.arn).length, 4, 'first page: 4 jobs');
    assert.equal(first.at(-1)?.contextValue, 'bmc.loadMore', 'then "Load more"');
    assert.equal(await explorer.loadAll('batchJob'), 10, 'every page through the list\'s nextToken');
    const all = await explorer.snapshot('batchJob');
    assert.equal(all.length, 10, 'no "Load more" left');
    for (const status of BATCH_STATUSES) {
      const item = all.find((i) => i.arn === arnOf(status));
      assert.ok(item, status);
      assert.equal(item.label, `batch-${lowerFirst(status)}`);
      assert.equal(item.contextValue, `bmc.batchJob.${lowerFirst(status)}`, status);
      assert.notEqual(item.icon, 'question', `${status} has its own icon`);
      assert.ok(item.description.startsWith(`${status} · `), `${status}: ${item.description}`);
    }
    const by = (status: string): string => all.find((i) => i.arn === arnOf(status))?.description ?? '';
    assert.match(by('InProgress'), /^InProgress · 40\/100 records · amazon\.titan-embed-image-v1 · submitted (59 min|1 h) ago$/);
    assert.match(by('PartiallyCompleted'), /^PartiallyCompleted · 100\/100 records · 3 errors · /);
    assert.match(by('Completed'), /· tuned1abcdef · .* · by this extension$/, 'the ledger says it is ours; the model by its short name');
    assert.match(by('Submitted'), /· by this extension$/, 'our tag says it is ours');
    assert.ok(!by('Failed').includes('by this extension'), 'neither tag nor ledger: not claimed');
    assert.deepEqual(Object.fromEntries(['Submitted', 'Scheduled', 'Expired', 'PartiallyCompleted', 'Stopped'].map((s) => [s, all.find((i) => i.arn === arnOf(s))?.icon])),
      { Submitted: 'cloud-upload', Scheduled: 'watch', Expired: 'history', PartiallyCompleted: 'warning', Stopped: 'circle-slash' });
    assert.equal(explorer.isPolling(), true, 'jobs still moving are watched');
  });

  it('Stop asks first, then moves a real job to Stopping and Stopped; the end is notified, polling ends and no AWS call follows', async () => {
    const { explorer, lifecycle, api } = await hooks();
    await admin('/reset', { keepS3: true });
    const session = await api.aws.session();
    const records = Array.from({ length: 100 }, (_, i) => JSON.stringify({ recordId: `r${String(i).padStart(11, '0')}`, modelInput: { inputText: `query ${i}` } })).join('\n');
    await session.s3.putObject(bucket, 'explorer-batch/input/records.jsonl', `${records}\n`, 'application/jsonl');
    const { jobArn } = await session.bedrock.createInvocationJob({
      jobName: 'explorer-stop-test', roleArn: ROLE, modelId: 'amazon.titan-embed-image-v1',
      inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${bucket}/explorer-batch/input/` } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${bucket}/explorer-batch/output/` } },
      tags: [{ key: CREATED_BY_TAG.key, value: CREATED_BY_TAG.value }],
    });
    explorer.refresh();
    const listed = (await explorer.snapshot('batchJob')).find((i) => i.arn === jobArn);
    assert.match(listed?.contextValue ?? '', /^bmc\.batchJob\.(submitted|validating|scheduled)$/, 'the emulator\'s job has just been submitted');
    assert.match(listed?.description ?? '', /· 0\/100 records · amazon\.titan-embed-image-v1 · submitted just now · by this extension$/);
    assert.equal(explorer.isPolling(), true);

    const declined = lifecycle.script(['<cancel>']);
    assert.equal(await vscode.commands.executeCommand<boolean>('bedrockCustomizer.stopBatchJob', jobArn), false, 'not confirmed: not stopped');
    assert.match(declined.asked[0] ?? '', /^confirm: Stop batch inference job "explorer-stop-test"\?\nThe records processed so far \(0 of 100 records processed so far\) are billed/);
    assert.equal((await bedrockRequests()).filter((r) => r.operation === 'StopModelInvocationJob').length, 0, 'no StopModelInvocationJob without the confirmation');

    const since = (await bedrockRequests()).length;
    const driver = lifecycle.script(['Stop Job']);
    assert.equal(await vscode.commands.executeCommand<boolean>('bedrockCustomizer.stopBatchJob', { arn: jobArn }), true, driver.asked.join('; '));
    assert.equal((await bedrockRequests()).filter((r) => r.operation === 'StopModelInvocationJob').length, 1);
    const stopping = (await explorer.snapshot('batchJob')).find((i) => i.arn === jobArn);
    assert.deepEqual([stopping?.contextValue, stopping?.icon], ['bmc.batchJob.stopping', 'loading~spin']);

    const notice = await waitFor(explorer.onDidChange, () => explorer.notifications.find((n) => n.arn === jobArn), 'the notification that the job ended', 30_000);
    assert.equal(notice.severity, 'warning');
    assert.match(notice.message, /^Batch inference job "explorer-stop-test" stopped/);
    assert.deepEqual(notice.actions, ['Show Log'], 'no comparison owns it: nothing to collect');
    const stopped = (await explorer.snapshot('batchJob')).find((i) => i.arn === jobArn);
    assert.deepEqual([stopped?.contextValue, stopped?.icon], ['bmc.batchJob.stopped', 'circle-slash']);
    const polled = (await bedrockRequests()).slice(since).filter((r) => r.operation === 'GetModelInvocationJob').length;
    assert.ok(polled >= 2, `the job was polled while it moved (${polled} GetModelInvocationJob)`);

    // Every job has ended: the poll timer goes and is not set again.
    await waitFor(explorer.onDidChange, () => !explorer.isPolling(), 'polling to end', 10_000);
    await explorer.snapshot('job'); // the other view's first load is a List of its own; idle is what follows
    const idle = (await bedrockRequests()).length;
    await explorer.snapshot('batchJob');
    await explorer.snapshot('job');
    assert.equal(explorer.isPolling(), false, 'no poll timer pending');
    assert.equal((await bedrockRequests()).length, idle, 'no Get or List reached Bedrock with every job finished');
  });
});
