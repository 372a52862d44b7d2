// The Clean Up command in real VS Code against the emulator: the real command, the real AWS session built from the
// extension's settings, the real progress notification and untitled document; only the answers to its questions
// come from this test (its own InputDriver, handed over with ExtensionApi.testing.answerNextCommandWith).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createAwsSession, type AwsSession } from '../../src/aws/session';
import { parsePlan } from '../../src/core/cleanup/planFile';
import type { TestingApi } from '../../src/extension';
import { CleanupDriver, cleanUp } from '../support/cleanupDriver';
import { buildCleanupWorld, type CleanupWorld } from '../support/cleanupWorld';
import { activateExtension } from '../support/vscode';

async function countObjects(session: AwsSession, bucket: string, prefix: string): Promise<number> {
  let n = 0;
  for await (const _ of session.s3.listObjects({ bucket, prefix })) n += 1;
  return n;
}

describe('clean-up in real VS Code', function () {
  this.timeout(240_000);
  let session: AwsSession;
  let world: CleanupWorld;
  let api: TestingApi;

  before(async () => {
    api = await activateExtension();
    const emulator = JSON.parse(process.env['BMC_EMULATOR'] ?? '{}') as Record<string, string>;
    assert.ok(emulator['admin'], 'BMC_EMULATOR names the emulator (scripts/test.mjs starts it)');
    // Other suites may have left tagged resources: start from an empty account (S3 kept for their fixtures).
    await fetch(`${emulator['admin']}/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"keepS3":true}' });
    session = createAwsSession({ region: 'us-east-1', endpoints: { bedrock: emulator['bedrock'], s3: emulator['s3'], opensearchServerless: emulator['opensearchServerless'], sts: emulator['sts'] } });
    world = await buildCleanupWorld(session, emulator['admin']);
    const dir = path.join(process.env['BMC_TEST_WORKSPACE'] ?? '', 'cleanup-run');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ft.bedrock-job.json'), world.specText);
    fs.writeFileSync(path.join(dir, 'comparison-report.json'), world.reportText);
    // What the extension writes as it creates things (the launch, the provisioning, the comparison's collection).
    await api.ledger.record(world.ledger);
  });
  after(async () => {
    session.dispose();
    // Leave an empty account behind, as found: later suites count what they list.
    const emulator = JSON.parse(process.env['BMC_EMULATOR'] ?? '{}') as Record<string, string>;
    await fetch(`${emulator['admin']}/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"keepS3":true}' });
  });

  it('Preview shows the plan grouped by kind and touches nothing', async () => {
    const prompter = new CleanupDriver({ action: 'preview' }); // accepts the ticked defaults
    const outcome = await cleanUp(api, prompter);
    assert.equal(outcome.status, 'previewed');
    assert.deepEqual(prompter.groups.map((g) => `${g.title}: ${g.entries.length}`), [
      'Running customization jobs (stopped): 1', 'Provisioned throughputs: 1', 'Custom models: 1', 'OpenSearch indexes: 1',
      'OpenSearch Serverless collections: 1', 'OpenSearch Serverless encryption and network policies: 2',
      'OpenSearch Serverless data access policies: 1', 'S3 prefixes: 1', 'IAM role: 1',
    ]);
    const role = prompter.groups.at(-1)?.entries[0];
    assert.equal(role?.picked, false, 'the IAM role is unticked by default');
    const previewPlan = parsePlan(outcome.preview?.getText() ?? '').plan;
    assert.equal(previewPlan?.resources.filter((r) => r.selected).length, 9);
    assert.equal(vscode.window.activeTextEditor?.document, outcome.preview, 'the plan opened as an untitled JSON document');
    assert.equal(await countObjects(session, world.names.bucket, world.names.prefix), 1500);
    assert.ok((await session.bedrock.getCustomModel(world.names.modelArn)).modelArn);
  });

  it('Add S3 prefix remembers it in the workspace settings and offers it, marked as added by you', async () => {
    const n = world.names;
    const uri = `s3://${n.bucket}/manifests/`;
    const prompter = new CleanupDriver({ checklist: (_groups, n) => (n === 1 ? { added: uri } : undefined), confirm: false });
    const seen = prompter.checklists;
    const outcome = await cleanUp(api, prompter);
    assert.equal(outcome.status, 'dismissed');
    const settings = vscode.workspace.getConfiguration('bedrockCustomizer');
    assert.deepEqual(settings.get('cleanup.s3Prefixes'), [uri]);
    const s3 = seen[1]?.find((g) => g.title === 'S3 prefixes')?.entries.find((e) => e.label === uri);
    assert.equal(s3?.detail, 'Why: added by you');
    assert.match(s3?.description ?? '', /1 object, /);
    await settings.update('cleanup.s3Prefixes', undefined, vscode.ConfigurationTarget.Workspace);
    assert.equal(await countObjects(session, n.bucket, 'manifests/'), 1, 'dismissing deleted nothing');
  });

  it('Delete confirms by tier, leaves none of the plan and nothing else touched; a second run reports all gone', async () => {
    const n = world.names;
    const prompter = new CleanupDriver({ action: 'delete' });
    const outcome = await cleanUp(api, prompter);
    assert.equal(outcome.status, 'ran');
    assert.equal(prompter.confirmations.length, 1);
    assert.match(prompter.confirmations[0]?.message ?? '', /^Delete 9 resources in us-east-1\?/);
    assert.deepEqual(prompter.typed.map((t) => t.name), [`s3://${n.bucket}/${n.prefix}`], 'only the 1,500-object prefix asks for its name');
    const report = outcome.report;
    assert.ok(report);
    assert.deepEqual(report.results.filter((r) => r.verdict !== 'gone').map((r) => `${r.label}: ${r.verdictDetail}`), []);
    assert.equal(await countObjects(session, n.bucket, n.prefix), 0);
    assert.equal((await session.bedrock.getCustomModel(n.otherModelArn)).modelArn, n.otherModelArn);
    assert.equal((await session.aoss.batchGetCollections({ names: [n.otherCollection] })).collections.length, 1);
    assert.equal(await countObjects(session, n.bucket, 'manifests/'), 1);
    assert.equal(await countObjects(session, n.otherBucket, n.prefix), 1);

    const again = new CleanupDriver({ action: 'delete' });
    const second = await cleanUp(api, again);
    assert.equal(second.previousGone, 9, 'every resource of the last plan re-read and found gone');
    // Only the opt-in role is left to offer, unticked: accepting the defaults deletes nothing.
    assert.deepEqual(again.groups.map((g) => g.entries.map((e) => `${e.label} ${e.picked}`)), [[`${n.role} false`]]);
    assert.equal(second.status, 'dismissed');
    assert.equal(again.confirmations.length, 0);
  });
});
