// Issue 17's re-attach in real VS Code: a comparison whose fine-tuned model runs through batch inference is cancelled
// while its job runs, and the user chooses "Leave Running" (what a window reload leaves behind: the extension host
// goes, the job stays). The Batch Inference Jobs view then shows the job in progress; when it ends the view notifies
// with "Collect Results" (the view shows the job from the moment the comparison waits on it), which runs Compare Models on the same spec: it finishes from the same job, and the
// emulator's request log holds exactly ONE CreateModelInvocationJob.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { jobsPathFor, parseJobsFile } from '../../src/core/eval/batch/jobsFile';
import type { ComparisonReport } from '../../src/protocol/report';
import { admin, bedrockRequests } from '../support/emulatorAdmin';
import { aslSpec, BATCH_ROLE, writeSpec } from '../support/emulatorCompare';
import { activateExtension, answering, waitFor } from '../support/vscode';
import { waitUntil } from '../support/waitAsync';

const settings = () => vscode.workspace.getConfiguration('bedrockCustomizer');
const creates = async (): Promise<number> => (await bedrockRequests()).filter((r) => r.operation === 'CreateModelInvocationJob').length;

describe('batch comparison re-attach in real VS Code', () => {
  let restore: Record<string, number> | undefined;
  const changed: [string, unknown][] = [['compare.batchPollSeconds', 1], ['compare.requestsPerMinute', 60_000], ['explorer.pollSeconds', 1]];
  before(async () => {
    for (const [k, v] of changed) await settings().update(k, v, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    for (const [k] of changed) await settings().update(k, undefined, vscode.ConfigurationTarget.Global);
    if (restore) await admin('/options', restore); // the emulator's batch duration for the tests after this one
  });

  it('cancelled with "Leave Running", the job shows in progress; Collect Results finishes from the same job (one CreateModelInvocationJob)', async function () {
    this.timeout(120_000);
    const api = await activateExtension();
    const explorer = api.explorer;
    const compare = api.compare;
    assert.ok(explorer && compare);
    await admin('/reset', {});
    // This run's batch jobs end after seconds of real time; this one must outlast the cancel, until the clock moves below.
    restore = (await admin<{ previous: Record<string, number> }>('/options', { batchDurationMs: 10 * 60_000 })).previous;
    const data = await admin<{ bucket: string; training: string; test: string }>('/sample-data', { testPerClass: 2 });
    // A custom model fine-tuned on the training manifest: batch inference is the only way to run it without a throughput.
    const seeded = await admin<{ modelArns: string[] }>('/seed', { customModels: [{ modelName: 'reattach-model', trainingDataConfig: { s3Uri: data.training } }] });
    const custom = seeded.modelArns[0] ?? '';
    const workspace = process.env['BMC_TEST_WORKSPACE'] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const dir = path.join(workspace, 'reattach');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const specPath = writeSpec(dir, aslSpec(data, custom, 'fine-tuned', { modes: ['text-to-image'], k: [1, 5], batch: { roleArn: BATCH_ROLE } }));
    const jobsFile = jobsPathFor(specPath);
    const recorded = (): string | undefined => parseJobsFile(fs.existsSync(jobsFile) ? fs.readFileSync(jobsFile, 'utf8') : undefined).jobs[0]?.jobArn;

    // First run: confirm the batch job, then (after the cancel) leave it running.
    const first = answering(api).script(['Submit Batch Jobs', 'Leave Running']);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '*.batch-jobs.json'));
    const written = vscode.Disposable.from(watcher);
    const onJobsFile = (listener: (e: unknown) => unknown): vscode.Disposable =>
      vscode.Disposable.from(watcher.onDidCreate(listener), watcher.onDidChange(listener), api.onDidAsk(listener));
    const run = vscode.commands.executeCommand<vscode.Uri | undefined>('bedrockCustomizer.compareModels', vscode.Uri.file(specPath));
    const jobArn = await waitUntil(onJobsFile, async () => recorded(), 'the job recorded next to the spec', 60_000);
    written.dispose();
    // While the comparison waits, its job is in the view already (no Refresh needed).
    const live = await waitUntil(explorer.onDidChange, async () => (await explorer.snapshot('batchJob')).find((i) => i.arn === jobArn), 'the job in the view while the comparison waits', 30_000);
    assert.match(live.description, /· by this extension$/);
    assert.equal(compare.cancelRunning(), 1, 'one comparison was running');
    assert.equal(await run, undefined, 'cancelled: no report');
    assert.equal(first.exhausted, true, first.asked.join('\n'));
    assert.match(first.asked[1] ?? '', /^confirm: The comparison was cancelled; 1 batch inference job\(s\) are still running\./);
    assert.equal(await creates(), 1);

    // What a reload shows: the view lists the job still moving, submitted by this extension (the ledger says so).
    explorer.refresh();
    const item = (await explorer.snapshot('batchJob')).find((i) => i.arn === jobArn);
    assert.match(item?.contextValue ?? '', /^bmc\.batchJob\.(submitted|validating|scheduled|inProgress)$/, 'left running');
    assert.match(item?.description ?? '', /· by this extension$/);
    assert.equal(explorer.isPolling(), true, 'the view watches it');

    // The job finishes (the emulator's clock moves past its duration); the view notices and offers to collect it.
    await admin('/clock', { advanceMs: 10 * 60_000 });
    const notice = await waitFor(explorer.onDidChange, () => explorer.notifications.find((n) => n.arn === jobArn), 'the job-end notification', 30_000);
    assert.match(notice.message, /completed \(100\/100 records\)\. It belongs to the comparison reattach\/asl\.compare\.json/);
    assert.deepEqual(notice.actions, ['Collect Results', 'Show Log']);
    assert.equal(notice.spec, specPath);

    // "Collect Results": Compare Models on that spec re-attaches by the jobs file and writes the report.
    const second = answering(api).script(['Submit Batch Jobs']);
    await explorer.act(jobArn, 'Collect Results');
    assert.ok(second.exhausted, second.asked.join('\n'));
    const reportPath = path.join(dir, 'asl.report.json');
    const report = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as ComparisonReport;
    assert.equal(report.modes.find((m) => m.mode === 'text-to-image')?.queryCount, 26);
    assert.ok(report.modes[0]?.results.some((r) => r.model === 'fine-tuned'), 'the fine-tuned model is scored from the batch job');
    assert.equal(await creates(), 1, 'exactly ONE CreateModelInvocationJob: the rerun finished from the same job');
    assert.equal(recorded(), jobArn);
  });
});
