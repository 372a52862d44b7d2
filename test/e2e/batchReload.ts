// Issue 17's reload proof in the browser, with a real window reload: a comparison whose fine-tuned model runs through
// batch inference is started from its CodeLens and confirmed; while its job runs, "Developer: Reload Window" ends
// that extension host. After the reload the Batch Inference Jobs view shows the job still running and submitted by
// this extension; when it ends the notification's "Collect Results" finishes the comparison from the same job (the
// report opens) and the emulator's request log holds exactly one CreateModelInvocationJob.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJobsFile } from '../../src/core/eval/batch/jobsFile';
import type { PathContext, PathTest } from './userPath';
import { answerDialog, assert, eq, openFile, reportFrame, runCommand, screenshot, treeRow, waitForFile } from './workbench';

const ROLE = 'arn:aws:iam::123456789012:role/BedrockBatchRole';
const CONFIRM = /Batch inference jobs are submitted/;

async function admin<T>(endpoints: PathContext['endpoints'], route: string, body?: unknown): Promise<T> {
  const r = await fetch(`${endpoints['admin']}${route}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`admin ${route}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

async function creates(endpoints: PathContext['endpoints']): Promise<number> {
  const { requests } = await admin<{ requests: { operation?: string }[] }>(endpoints, '/requests?service=bedrock');
  return requests.filter((q) => q.operation === 'CreateModelInvocationJob').length;
}

export const BATCH_RELOAD: PathTest[] = [{
  name: 'batch comparison across a window reload: the view shows the job still running, Collect Results finishes from it (one CreateModelInvocationJob)',
  async run({ page, artifacts, files, endpoints }) {
    const before = await creates(endpoints);
    const demo = JSON.parse(fs.readFileSync(files.compareSpec, 'utf8')) as { trainingManifest: string } & Record<string, unknown>;
    // A custom model fine-tuned on the demo's training manifest: batch inference is its only route without a throughput.
    const seeded = await admin<{ modelArns: string[] }>(endpoints, '/seed', { customModels: [{ modelName: 'reload-tuned', trainingDataConfig: { s3Uri: demo.trainingManifest } }] });
    const custom = seeded.modelArns[0] ?? '';
    const dir = path.join(path.dirname(files.compareSpec), 'reload');
    fs.mkdirSync(dir, { recursive: true });
    const spec = path.join(dir, 'letters-batch.compare.json');
    fs.writeFileSync(spec, `${JSON.stringify({
      ...demo, models: [{ name: 'base', modelId: 'amazon.titan-embed-image-v1', baseline: true }, { name: 'fine-tuned', modelId: custom }],
      modes: ['text-to-image'], batch: { roleArn: ROLE },
    }, null, 2)}\n`);
    const jobsFile = path.join(dir, 'letters-batch.batch-jobs.json');

    // This run's batch jobs end in seconds; this one must outlast the reload, until the clock is moved below.
    const { previous } = await admin<{ previous: Record<string, number> }>(endpoints, '/options', { batchDurationMs: 5 * 60_000 });
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'reload/letters-batch.compare.json');
    await page.locator('.codelens-decoration a', { hasText: 'Run comparison' }).first().click();
    await answerDialog(page, CONFIRM, 'Submit Batch Jobs');
    await waitForFile(jobsFile, (t) => parseJobsFile(t || undefined).jobs.length > 0, 'the job recorded next to the spec', 120_000);
    const jobArn = parseJobsFile(fs.readFileSync(jobsFile, 'utf8')).jobs[0]?.jobArn ?? '';

    // The real reload: this window's extension host goes away with the comparison waiting in it.
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 120_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 180_000 });
    await page.locator('.statusbar-item', { hasText: 'AWS:' }).first().waitFor({ timeout: 180_000 });
    await runCommand(page, 'View: Show Bedrock Customizer');
    const row = treeRow(page, 'Batch Inference Jobs', /bedrock-mm-fine-tuned-/);
    await row.waitFor({ timeout: 60_000 });
    const shown = (await row.textContent()) ?? '';
    assert(/(Submitted|Validating|Scheduled|InProgress) · /.test(shown), `after the reload the job is still running: ${shown}`);
    assert(shown.includes('by this extension'), `the ledger says this extension submitted it: ${shown}`);
    await screenshot(page, artifacts, '10-batch-job-after-reload');

    // The job ends (the emulator's clock moves past its duration); the view notices and offers to collect it.
    await admin(endpoints, '/clock', { advanceMs: 10 * 60_000 });
    await admin(endpoints, '/options', previous);
    const toast = page.locator('.notification-toast', { hasText: 'Collect Results' }).first();
    await toast.waitFor({ timeout: 60_000 });
    await toast.getByRole('button', { name: 'Collect Results' }).click();
    await answerDialog(page, CONFIRM, 'Submit Batch Jobs');
    const frame = await reportFrame(page, 240_000);
    const words = (await frame.locator('[data-mode="text-to-image"] [data-testid="headline-words"]').first().textContent()) ?? '';
    assert(words.startsWith('Top-1 accuracy: fine-tuned'), `the report compares the batch-embedded model: ${words}`);
    eq(await creates(endpoints), before + 1, 'CreateModelInvocationJob calls: the comparison finished from the same job');
    eq(parseJobsFile(fs.readFileSync(jobsFile, 'utf8')).jobs[0]?.jobArn, jobArn, 'the job recorded is still that one');
    await treeRow(page, 'Batch Inference Jobs', /Completed · (\d+)\/\1 records/).waitFor({ timeout: 30_000 });
    await screenshot(page, artifacts, '10-batch-collected');
    await runCommand(page, 'View: Close All Editors');
  },
}];
