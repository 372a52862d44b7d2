// Stop a job or a batch inference job, delete a custom model, delete a provisioned throughput: each asks at the tier its cost deserves
// (docs/reference/vscode-ux.md): a modal for stop/delete, typing the name for a throughput with a commitment, and a
// second question spelling out the consequence when a model is still served by a throughput.
import * as vscode from 'vscode';
import type { InputDriver } from '../../core/lifecycle/steps';
import type { ThroughputSummary } from '../../core/lifecycle/types';
import type { Explorer } from '../explorer/explorer';

/** A job still moving before Stopping (docs/reference/bedrock-batch.md §2: Stop bills only what was processed). */
const STOPPABLE_BATCH: readonly string[] = ['Submitted', 'Validating', 'Scheduled', 'InProgress'];

async function attempt<T>(explorer: Explorer, what: string, call: () => Promise<T>): Promise<T> {
  const source = await explorer.host.current();
  try { return await call(); } catch (err) {
    // The command registry presents it: logged once, with "Show Log" and the action that fixes an AWS failure.
    throw source.failure(err, what, `${what}: `);
  }
}

export async function stopJob(jobArn: string, explorer: Explorer, driver: InputDriver): Promise<boolean> {
  const source = await explorer.host.current();
  const job = await attempt(explorer, 'reading the job', () => source.getJob(jobArn));
  if (job.status !== 'InProgress') {
    void vscode.window.showWarningMessage(`Job "${job.jobName}" is ${job.status}: only a job in progress can be stopped.`);
    return false;
  }
  const ok = await driver.confirm(`Stop customization job "${job.jobName}"?`,
    'Training stops and no custom model is created. You are billed for the training done so far.', ['Stop Job']);
  if (ok !== 'Stop Job') return false;
  await attempt(explorer, `stopping ${job.jobName}`, () => source.stopJob(jobArn));
  explorer.put('job', await source.getJob(jobArn));
  return true;
}

/** Stops a batch inference job that still moves; the records processed so far are billed, the rest never run. */
export async function stopBatchJob(jobArn: string, explorer: Explorer, driver: InputDriver): Promise<boolean> {
  const source = await explorer.host.current();
  const job = await attempt(explorer, 'reading the batch inference job', () => source.getBatchJob(jobArn));
  if (!STOPPABLE_BATCH.includes(job.status)) {
    void vscode.window.showWarningMessage(`Batch inference job "${job.jobName}" is ${job.status}: only a job still submitted, validating, scheduled or in progress can be stopped.`);
    return false;
  }
  const done = job.totalRecordCount !== undefined ? ` (${job.processedRecordCount ?? 0} of ${job.totalRecordCount} records processed so far)` : '';
  const ok = await driver.confirm(`Stop batch inference job "${job.jobName}"?`,
    `The records processed so far${done} are billed; the rest are not run. A comparison waiting for this job cannot use it: running the comparison again submits a new job.`,
    ['Stop Job']);
  if (ok !== 'Stop Job') return false;
  await attempt(explorer, `stopping ${job.jobName}`, () => source.stopBatchJob(jobArn));
  explorer.put('batchJob', { ...await source.getBatchJob(jobArn), ...(job.ours ? { ours: job.ours } : {}) });
  return true;
}

export async function deleteThroughput(t: ThroughputSummary, explorer: Explorer, driver: InputDriver): Promise<boolean> {
  const source = await explorer.host.current();
  if (t.commitmentDuration) {
    const typed = await driver.typeToConfirm(
      `"${t.provisionedModelName}" has a ${t.commitmentDuration} commitment: deleting it does not end the commitment's billing. Type its name to delete it.`,
      t.provisionedModelName);
    if (!typed) return false;
  } else {
    const ok = await driver.confirm(`Delete provisioned throughput "${t.provisionedModelName}"?`,
      'Hourly billing stops. Applications invoking its ARN will fail.', ['Delete']);
    if (ok !== 'Delete') return false;
  }
  await attempt(explorer, `deleting ${t.provisionedModelName}`, () => source.deleteThroughput(t.provisionedModelArn));
  explorer.remove('throughput', t.provisionedModelArn, t.modelArn);
  return true;
}

export async function deleteModel(modelArn: string, explorer: Explorer, driver: InputDriver): Promise<boolean> {
  const source = await explorer.host.current();
  const [model, users] = await attempt(explorer, 'reading the model', () =>
    Promise.all([source.getModel(modelArn), source.throughputsForModel(modelArn)]));
  if (users.length > 0) {
    const names = users.map((u) => `"${u.provisionedModelName}" (${u.status}${u.commitmentDuration ? `, ${u.commitmentDuration} commitment` : ''})`).join(', ');
    const ok = await driver.confirm(`Custom model "${model.modelName}" is still served by ${users.length} provisioned throughput(s): ${names}.`,
      'Bedrock refuses to delete a model in use. Delete the throughput(s) first (each is confirmed on its own), then the model?',
      ['Delete Throughputs First']);
    if (ok !== 'Delete Throughputs First') return false;
    for (const t of users) {
      if (!(await deleteThroughput(t, explorer, driver))) return false;
    }
  }
  const ok = await driver.confirm(`Delete custom model "${model.modelName}"?`,
    'This cannot be undone: the fine-tuned weights are gone, and re-creating them means training again.', ['Delete Model']);
  if (ok !== 'Delete Model') return false;
  await attempt(explorer, `deleting ${model.modelName}`, () => source.deleteModel(modelArn));
  explorer.remove('model', modelArn);
  return true;
}
