// The hostile workspace against Clean Up in real VS Code (issue 13, findings 1 and 6): files that name production
// resources, a ledger file the extension did not write, a prefix listed in the workspace settings. Nothing is
// ticked that this work did not provably create, and nothing is deleted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createAwsSession, type AwsSession } from '../../src/aws/session';
import { LEDGER_PATH, ledgerEntry, ledgerLines } from '../../src/core/cleanup/ledger';
import type { TestingApi } from '../../src/extension';
import { CleanupDriver, cleanUp } from '../support/cleanupDriver';
import { admin } from '../support/emulatorAdmin';
import { activateExtension } from '../support/vscode';

/** Accepts whatever comes ticked, chooses Delete and confirms everything: the most dangerous user there is. */
class YesPrompter extends CleanupDriver {
  constructor() { super({ action: 'delete' }); }
  get confirmed(): number { return this.confirmations.length; }
}

const MODEL = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/prodmodel0001';

describe('hostile workspace against Clean Up in real VS Code', function () {
  this.timeout(120_000);
  let session: AwsSession;
  const root = process.env['BMC_TEST_WORKSPACE'] ?? '';
  const dir = path.join(root, 'hostile');
  const ledgerFile = path.join(root, LEDGER_PATH);
  let api: TestingApi;

  before(async () => {
    api = await activateExtension();
    await admin('/reset', { keepS3: true });
    const emulator = JSON.parse(process.env['BMC_EMULATOR'] ?? '{}') as Record<string, string>;
    session = createAwsSession({ region: 'us-east-1', endpoints: { bedrock: emulator['bedrock'], s3: emulator['s3'], opensearchServerless: emulator['opensearchServerless'], sts: emulator['sts'] } });
    await admin('/seed', { customModels: [{ modelArn: MODEL, modelName: 'prod-model' }], provisionedThroughputs: [{ modelArn: MODEL, provisionedModelName: 'prod-pt' }] });
    await session.aoss.createSecurityPolicy('encryption', { name: 'prod-coll', policy: { Rules: [{ ResourceType: 'collection', Resource: ['collection/prod-coll'] }], AWSOwnedKey: true } });
    await session.aoss.createCollection({ name: 'prod-coll', type: 'VECTORSEARCH' });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'prod.bedrock-job.json'), JSON.stringify({
      jobName: 'never-launched', customModelName: 'prod-model', roleArn: 'arn:aws:iam::123456789012:role/ProdAdmin',
      trainingData: 's3://prod-data/train.jsonl', outputData: 's3://prod-data/out', hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00001 },
    }));
    fs.writeFileSync(path.join(dir, 'x.compare.json'), JSON.stringify({ vectorStore: { type: 'opensearch-serverless', collection: 'prod-coll', create: true } }));
    fs.writeFileSync(path.join(dir, 'report.json'), JSON.stringify({ createdResources: { opensearch: { collection: { name: 'prod-coll' } }, s3Prefixes: ['s3://prod-data/'] } }));
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(ledgerFile, { force: true });
    await vscode.workspace.getConfiguration('bedrockCustomizer').update('cleanup.s3Prefixes', undefined, vscode.ConfigurationTarget.Workspace);
    session.dispose();
    await admin('/reset', { keepS3: true });
  });

  it('files naming a production model, its throughput and a collection plan nothing; nothing is deleted', async () => {
    const prompter = new YesPrompter();
    const outcome = await cleanUp(api, prompter);
    assert.equal(outcome.status, 'nothing', JSON.stringify(prompter.groups));
    assert.equal(prompter.confirmed, 0);
    assert.equal((await session.bedrock.getCustomModel(MODEL)).modelName, 'prod-model');
    assert.equal((await session.aoss.batchGetCollections({ names: ['prod-coll'] })).collections.length, 1);
  });

  it('a ledger entry only in the workspace file, and a prefix in the workspace settings, are offered unticked', async () => {
    const seeded = await admin<{ jobArns: string[] }>('/seed', { jobs: [{ jobName: 'prod-training', status: 'InProgress' }] });
    const jobArn = seeded.jobArns[0] ?? '';
    // Written by hand (or by another tool), not by this VS Code: a pointer the user may confirm, never proof.
    fs.mkdirSync(path.dirname(ledgerFile), { recursive: true });
    fs.appendFileSync(ledgerFile, ledgerLines([ledgerEntry('customization-job', { arn: jobArn, name: 'prod-training' }, 'hostile')]));
    await session.s3.putObject('bedrock-mm-demo', 'prod-keep/a.txt', 'x').catch(async () => {
      await session.s3.createBucket('bedrock-mm-demo');
      await session.s3.putObject('bedrock-mm-demo', 'prod-keep/a.txt', 'x');
    });
    await vscode.workspace.getConfiguration('bedrockCustomizer').update('cleanup.s3Prefixes', ['s3://bedrock-mm-demo/prod-keep'], vscode.ConfigurationTarget.Workspace);
    const prompter = new YesPrompter();
    const outcome = await cleanUp(api, prompter);
    const entries = prompter.groups.flatMap((g) => g.entries);
    const job = entries.find((e) => e.label === 'prod-training');
    assert.equal(job?.picked, false, 'offered, not ticked');
    assert.match(job?.detail ?? '', /named only in this workspace's ledger/);
    const prefix = entries.find((e) => e.label === 's3://bedrock-mm-demo/prod-keep/');
    assert.equal(prefix?.picked, false, 'a prefix in the settings is offered, not ticked');
    assert.ok(entries.every((e) => !e.picked), `nothing comes ticked: ${entries.filter((e) => e.picked).map((e) => e.label).join(', ')}`);
    assert.equal(outcome.status, 'dismissed', 'accepting the defaults ticks nothing, so nothing runs');
    assert.equal((await session.bedrock.getJob(jobArn)).status, 'InProgress');
    assert.equal(prompter.confirmed, 0);
  });
});
