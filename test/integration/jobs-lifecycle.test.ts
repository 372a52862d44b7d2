import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerHooks } from '../../src/vscode/explorer/hooks';
import type { LaunchOutcome } from '../../src/vscode/jobs/launcher';
import { activateExtension, answering, waitFor, type Answering } from '../support/vscode';
import { admin, bedrockRequests, type LoggedRequest } from '../support/emulatorAdmin';
import { waitUntil } from '../support/waitAsync';
import { LEDGER_PATH, parseLedger } from '../../src/core/cleanup/ledger';

/** What the workspace's ledger (.bedrock-mm/ledger.jsonl) records, as Clean Up reads it. */
async function ledgerEntries(folder: vscode.Uri): Promise<ReturnType<typeof parseLedger>['entries']> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, LEDGER_PATH)).then(undefined, () => new Uint8Array());
  return parseLedger(new TextDecoder().decode(bytes)).entries;
}

const settings = () => vscode.workspace.getConfiguration('bedrockCustomizer');
const ROLE = 'arn:aws:iam::123456789012:role/BedrockCustomizationRole';
const creates = (reqs: LoggedRequest[]) => reqs.filter((r) => r.method === 'POST' && r.path === '/model-customization-jobs');

interface Sample { training: string; validation: string; bucket: string }

async function hooks(): Promise<{ explorer: ExplorerHooks; lifecycle: Answering }> {
  const api = await activateExtension();
  assert.ok(api.explorer);
  return { explorer: api.explorer, lifecycle: answering(api) };
}

describe('job lifecycle against the emulator', () => {
  let sample: Sample;
  let jobArn = '';
  let modelArn = '';
  const folder = (): vscode.Uri => {
    const f = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(f, 'the test workspace is open');
    return f;
  };

  before(async () => {
    await settings().update('explorer.pollSeconds', 1, vscode.ConfigurationTarget.Global);
    await admin('/reset', {});
    sample = await admin<Sample>('/sample-data', {});
    (await hooks()).explorer.refresh();
  });
  after(async () => {
    await settings().update('explorer.pollSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  it('launches from a spec file: one job with the right request, even when launched twice at once', async () => {
    const { explorer, lifecycle } = await hooks();
    const spec = vscode.Uri.joinPath(folder(), 'asl.bedrock-job.json');
    await vscode.workspace.fs.writeFile(spec, new TextEncoder().encode(JSON.stringify({
      jobName: 'asl-spec-job', customModelName: 'asl-spec-model', roleArn: ROLE,
      trainingData: sample.training, validationData: sample.validation, outputData: `s3://${sample.bucket}/output/`,
      hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00001 }, tags: { team: 'ml' },
    })));
    await admin('/requests', undefined, 'DELETE');
    // The script answers the first click only; the second click comes while the first is launching and must join
    // it without asking anything (it has no script: were it to ask, the real UI would show and the test time out).
    const driver = lifecycle.script(['Launch']);
    const first = vscode.commands.executeCommand<LaunchOutcome>('bedrockCustomizer.launchJob', spec);
    await waitFor(lifecycle.onDidAsk, () => driver.asked.length > 0, 'the first launch to ask for its confirmation');
    const [a, b] = await Promise.all([first, vscode.commands.executeCommand<LaunchOutcome>('bedrockCustomizer.launchJob', spec)]);
    assert.ok(a?.jobArn, `launched: ${JSON.stringify(a)}`);
    assert.equal(b?.jobArn, a.jobArn, 'the second click joined the first launch');
    assert.equal(driver.asked.filter((q) => q.startsWith('confirm:')).length, 1, 'one confirmation');
    assert.match(driver.asked[0] ?? '', /Creates customization job "asl-spec-job"/);
    jobArn = a.jobArn;
    const sent = creates(await bedrockRequests());
    assert.equal(sent.length, 1, 'exactly one CreateModelCustomizationJob');
    const body = sent[0]?.body as Record<string, unknown>;
    assert.equal(body['jobName'], 'asl-spec-job');
    assert.equal(body['customModelName'], 'asl-spec-model');
    assert.equal(body['baseModelIdentifier'], 'amazon.titan-embed-image-v1:0');
    assert.deepEqual(body['hyperParameters'], { epochCount: '2', batchSize: '256', learningRate: '0.00001' });
    assert.deepEqual(body['trainingDataConfig'], { s3Uri: sample.training });
    assert.deepEqual(body['validationDataConfig'], { validators: [{ s3Uri: sample.validation }] });
    assert.match(String(body['clientRequestToken']), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const tags = body['jobTags'] as { key: string; value: string }[];
    assert.ok(tags.some((t) => t.key === 'created-by' && t.value === 'bedrock-mm-customizer'));
    assert.ok(tags.some((t) => t.key === 'bedrock-mm-project'));
    assert.ok(tags.some((t) => t.key === 'team' && t.value === 'ml'));
    assert.deepEqual(body['customModelTags'], tags);
    assert.equal(explorer.selected('job'), jobArn, 'the new job is selected in the tree');
    // Written at creation: Clean Up's proof that this work launched it (once, however often it was clicked).
    const recorded = (await ledgerEntries(folder())).filter((e) => e.identity.arn === jobArn);
    assert.deepEqual(recorded.map((e) => [e.kind, e.account, e.region, e.source]), [['customization-job', '123456789012', 'us-east-1', 'asl.bedrock-job.json']]);
    const item = (await explorer.snapshot('job')).find((i) => i.arn === jobArn);
    assert.deepEqual([item?.icon, item?.contextValue], ['loading~spin', 'bmc.job.inProgress']);
  });

  it('the job turns Completed by itself, the notification fires, and its loss curves are shown', async () => {
    const { explorer } = await hooks();
    assert.equal(explorer.isPolling(), true, 'an in-progress job is polled');
    const note = await waitUntil(explorer.onDidChange, () => Promise.resolve(explorer.notifications.find((n) => n.arn === jobArn)), 'the job-end notification', 60_000);
    assert.equal(note.severity, 'info', note.message);
    assert.match(note.message, /"asl-spec-job" completed/);
    assert.deepEqual(note.actions, ['Provision Throughput', 'Show Details']);
    const item = (await explorer.snapshot('job')).find((i) => i.arn === jobArn);
    assert.deepEqual([item?.icon, item?.contextValue], ['check', 'bmc.job.completed']);
    const steps = await explorer.children('job', jobArn);
    assert.deepEqual(steps.map((s) => s.label), ['Validation', 'Data processing', 'Training']);
    const model = (await explorer.snapshot('model')).find((m) => m.label === 'asl-spec-model');
    assert.ok(model?.arn, 'the new custom model is in the models view');
    modelArn = model.arn;
    await waitUntil(explorer.onDidChange, () => Promise.resolve(!explorer.isPolling()), 'polling to stop');
    await vscode.commands.executeCommand('bedrockCustomizer.showJobDetails', jobArn);
    const html = explorer.detailsHtml(jobArn) ?? '';
    assert.match(html, /default-src 'none'/);
    assert.match(html, /<path class="training"/, 'a training loss curve');
    assert.match(html, /<path class="validation"/, 'a validation loss curve');
    assert.doesNotMatch(html, /<script/);
    // Escaped by the one webview helper's escapeHtml (webview/page.ts), which writes `"` as &quot;.
    assert.match(html, /&quot;jobName&quot;: &quot;asl-spec-job&quot;/, 'the GetModelCustomizationJob response, escaped');
  });

  it('provisions throughput from that model, watches Creating -> InService, then deletes both', async () => {
    const { explorer, lifecycle } = await hooks();
    await admin('/requests', undefined, 'DELETE');
    lifecycle.script(['<default>', '1', 'none', 'Provision']);
    const ptArn = await vscode.commands.executeCommand<string>('bedrockCustomizer.provisionThroughput', modelArn);
    assert.ok(ptArn);
    const create = (await bedrockRequests()).filter((r) => r.method === 'POST' && r.path === '/provisioned-model-throughput');
    assert.equal(create.length, 1);
    const body = create[0]?.body as Record<string, unknown>;
    assert.equal(body['modelId'], modelArn, 'bound to the chosen model');
    assert.equal(body['modelUnits'], 1);
    assert.equal(body['commitmentDuration'], undefined, 'no commitment');
    assert.equal(body['provisionedModelName'], 'asl-spec-model-pt');
    const recorded = (await ledgerEntries(folder())).filter((e) => e.identity.arn === ptArn);
    assert.deepEqual(recorded.map((e) => [e.kind, e.account, e.region]), [['provisioned-throughput', '123456789012', 'us-east-1']]);
    const first = (await explorer.snapshot('throughput')).find((t) => t.arn === ptArn);
    assert.equal(first?.contextValue, 'bmc.throughput.creating');
    await waitUntil(explorer.onDidChange, async () =>
      (await explorer.snapshot('throughput')).find((t) => t.arn === ptArn && t.contextValue === 'bmc.throughput.inService'), 'InService');
    const children = await explorer.children('model', modelArn);
    assert.ok(children.some((c) => c.arn === ptArn), 'the model shows the throughput serving it');

    // The model is in use: deleting it offers to delete the throughput first, each confirmed.
    const driver = lifecycle.script(['Delete Throughputs First', 'Delete', 'Delete Model']);
    assert.equal(await vscode.commands.executeCommand('bedrockCustomizer.deleteModel', modelArn), true);
    assert.match(driver.asked[0] ?? '', /still served by 1 provisioned throughput\(s\): "asl-spec-model-pt"/);
    const deletes = (await bedrockRequests()).filter((r) => r.method === 'DELETE').map((r) => r.path.split('/')[1]);
    assert.deepEqual(deletes, ['provisioned-model-throughput', 'custom-models'], 'throughput first, then the model');
    assert.ok(!(await explorer.snapshot('model')).some((m) => m.arn === modelArn), 'the model left the tree');
    assert.ok(!(await explorer.snapshot('throughput')).some((t) => t.arn === ptArn), 'the throughput left the tree');
  });

  it('the wizard launches one job from its answers', async () => {
    const { lifecycle } = await hooks();
    await admin('/requests', undefined, 'DELETE');
    const driver = lifecycle.script([
      `s3://${sample.bucket}/wizard-output/`, sample.training, sample.validation, ROLE, 'wizard-job', '<default>',
      'Auto', '<default>', '1e-5', 'team=ml', 'launch', 'Launch',
    ]);
    const outcome = await vscode.commands.executeCommand<LaunchOutcome>('bedrockCustomizer.launchJob');
    assert.ok(outcome?.jobArn, `${JSON.stringify(outcome)} rejected: ${driver.rejected.join('; ')}`);
    const sent = creates(await bedrockRequests());
    assert.equal(sent.length, 1);
    const body = sent[0]?.body as Record<string, unknown>;
    assert.equal(body['jobName'], 'wizard-job');
    assert.equal(body['customModelName'], 'wizard-job-model');
    assert.deepEqual(body['hyperParameters'], { epochCount: 'Auto', batchSize: '576', learningRate: '1e-5' });
    assert.deepEqual(body['outputDataConfig'], { s3Uri: `s3://${sample.bucket}/wizard-output/` });
  });

  it('Stop (confirmed) stops a running job: Stopping, then Stopped and its notification', async () => {
    const { explorer, lifecycle } = await hooks();
    // A live job whose simulated training has not reached its data check yet, so the stop cannot race its end.
    const seeded = await admin<{ jobArns: string[] }>('/seed', {
      jobs: [{ jobName: 'long-job', status: 'InProgress', frozen: false, creationTime: new Date(Date.now() + 3_600_000).toISOString() }],
    });
    const arn = seeded.jobArns[0] ?? '';
    explorer.refresh();
    assert.ok((await explorer.snapshot('job')).some((j) => j.arn === arn && j.contextValue === 'bmc.job.inProgress'));
    const driver = lifecycle.script(['Stop Job']);
    assert.equal(await vscode.commands.executeCommand('bedrockCustomizer.stopJob', arn), true);
    assert.match(driver.asked[0] ?? '', /Stop customization job "long-job"/);
    assert.ok((await bedrockRequests()).some((r) => r.method === 'POST' && r.path.endsWith('/stop')));
    const note = await waitUntil(explorer.onDidChange, () => Promise.resolve(explorer.notifications.find((n) => n.arn === arn)), 'the stop notification');
    assert.equal(note.severity, 'warning');
    assert.match(note.message, /"long-job" stopped/);
    const item = (await explorer.snapshot('job')).find((j) => j.arn === arn);
    assert.deepEqual([item?.icon, item?.contextValue], ['circle-slash', 'bmc.job.stopped']);
  });

  it('pre-flight blocks a manifest with errors: nothing is uploaded or created', async () => {
    const { lifecycle } = await hooks();
    const bad = vscode.Uri.joinPath(folder(), 'bad-train.jsonl');
    await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode('{"image-ref": "s3://b/x.png"}\nnot json\n'));
    const found = (await vscode.workspace.findFiles('bad-train.jsonl'))[0];
    assert.ok(found);
    await admin('/requests', undefined, 'DELETE');
    const driver = lifecycle.script([
      `s3://${sample.bucket}/bad-output/`, found.toString(), '<default>', '<none>', ROLE, 'blocked-job', '<default>',
      '3', '<default>', '<default>', '', 'launch',
    ]);
    const outcome = await vscode.commands.executeCommand<LaunchOutcome>('bedrockCustomizer.launchJob');
    assert.equal(driver.rejected.length, 0, driver.rejected.join('; '));
    assert.equal(outcome?.preflight?.canLaunch, false);
    const messages = outcome.preflight.findings.map((f) => f.message).join('\n');
    assert.match(messages, /error\(s\): Bedrock would reject the job/);
    assert.match(messages, /2 record\(s\); a training set needs 1,000 to 500,000/);
    assert.ok(!driver.asked.some((q) => q.startsWith('confirm:')), 'no confirmation was offered');
    assert.equal(creates(await bedrockRequests()).length, 0, 'no job created');
  });

  it('pre-flight blocks a clean manifest whose images are not in S3', async () => {
    const { lifecycle } = await hooks();
    const ghost = vscode.Uri.joinPath(folder(), 'ghost-train.jsonl');
    const lines = ['A', 'B', 'C'].map((l) => JSON.stringify({ 'image-ref': `s3://${sample.bucket}/nowhere/${l}.png`, caption: `The letter ${l} in sign language` }));
    await vscode.workspace.fs.writeFile(ghost, new TextEncoder().encode(`${lines.join('\n')}\n`));
    const found = (await vscode.workspace.findFiles('ghost-train.jsonl'))[0];
    assert.ok(found);
    await admin('/requests', undefined, 'DELETE');
    const driver = lifecycle.script([
      `s3://${sample.bucket}/ghost-output/`, found.toString(), '<default>', sample.validation, ROLE, 'ghost-job', '<default>',
      '3', '<default>', '<default>', '', 'launch',
    ]);
    const outcome = await vscode.commands.executeCommand<LaunchOutcome>('bedrockCustomizer.launchJob');
    assert.equal(outcome?.preflight?.canLaunch, false, driver.rejected.join('; '));
    const messages = outcome.preflight.findings.map((f) => f.message).join('\n');
    assert.match(messages, new RegExp(`3 of 3 sampled images do not exist .*first: s3://${sample.bucket}/nowhere/A\\.png`));
    assert.equal(creates(await bedrockRequests()).length, 0, 'no job created');
  });
});
