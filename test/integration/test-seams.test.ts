// Issue 13, finding 2: a test's driver (Test mode only: ExtensionApi.testing.answerNextCommandWith) belongs to one
// command invocation. One a failed command
// never used must not answer the next, real deletion: that one asks through the real UI.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ledgerEntry } from '../../src/core/cleanup/ledger';
import type { CleanupOutcome } from '../../src/vscode/cleanup/cleanupFlow';
import type { AskedQuestion } from '../../src/vscode/shell/input';
import { CleanupDriver, cleanUp } from '../support/cleanupDriver';
import { admin, bedrockRequests } from '../support/emulatorAdmin';
import { activateExtension, answering, waitFor, type Answering } from '../support/vscode';

const MISSING_MODEL = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/seamsmissing01';

type Lifecycle = Answering;

async function lifecycleHooks(): Promise<Lifecycle> {
  return answering(await activateExtension());
}

/** A provisioned throughput with a commitment: deleting it asks to type its name (an input box, closable). */
async function committedThroughput(name: string): Promise<string> {
  const seeded = await admin<{ provisionedModelArns: string[] }>('/seed', {
    customModels: [{ modelName: `${name}-model` }],
    provisionedThroughputs: [{ provisionedModelName: name, commitmentDuration: 'OneMonth' }],
  });
  const arn = seeded.provisionedModelArns[0] ?? '';
  assert.ok(arn);
  return arn;
}

/**
 * Deletes the committed throughput and expects its type-the-name question in the real UI (no script answers it);
 * closes the input box as a user pressing Escape would. Nothing may be deleted.
 */
async function deletionAsksTheUser(lifecycle: Lifecycle, name: string, ptArn: string): Promise<void> {
  await admin('/requests', undefined, 'DELETE');
  const questions: AskedQuestion[] = [];
  const sub = lifecycle.onDidAsk((q) => questions.push(q));
  try {
    const deleting = vscode.commands.executeCommand<boolean>('bedrockCustomizer.deleteThroughput', ptArn);
    const first = await waitFor(lifecycle.onDidAsk, () => questions[0], 'the type-the-name question of the deletion');
    assert.equal(first.by, 'user', `asked in the real UI, not answered by a leftover script: ${first.question}`);
    assert.ok(first.question.includes(`"${name}" has a OneMonth commitment`), first.question);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await deleting, false, 'closed without typing the name: not deleted');
  } finally {
    sub.dispose();
  }
  assert.deepEqual((await bedrockRequests()).filter((r) => r.method === 'DELETE'), [], 'no DeleteProvisionedModelThroughput sent');
}

describe('test seams: a script answers one command invocation', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors'); // Launch with no argument must open the wizard
  });

  it('a script a failed command never used is dropped: the next deletion asks the user in the real UI', async () => {
    const lifecycle = await lifecycleHooks();
    const ptArn = await committedThroughput('seams-pt-1');
    // The answer that would confirm deleting the throughput, queued for a command that fails before it asks.
    const script = lifecycle.script(['seams-pt-1']);
    assert.equal(await vscode.commands.executeCommand('bedrockCustomizer.deleteModel', MISSING_MODEL), undefined, 'the deletion failed reading the model');
    assert.deepEqual(script.asked, []);
    await deletionAsksTheUser(lifecycle, 'seams-pt-1', ptArn);
    assert.deepEqual(script.asked, [], 'the leftover script answered nothing');
  });

  it('a script is dropped after the command it answered, even with answers left', async () => {
    const lifecycle = await lifecycleHooks();
    const ptArn = await committedThroughput('seams-pt-2');
    const script = lifecycle.script(['<cancel>', 'seams-pt-2']);
    const outcome = await vscode.commands.executeCommand<{ cancelled?: boolean }>('bedrockCustomizer.launchJob');
    assert.equal(outcome?.cancelled, true, 'the wizard was cancelled at its first step');
    assert.equal(script.asked.length, 1);
    await deletionAsksTheUser(lifecycle, 'seams-pt-2', ptArn);
    assert.equal(script.asked.length, 1, 'the answer left over from the wizard answered nothing');
  });

  it('Clean Up asks through the same seam: a driver answers its checklist, and the next Clean Up asks the user', async () => {
    const testing = await activateExtension();
    const seeded = await admin<{ jobArns: string[] }>('/seed', { jobs: [{ jobName: 'seams-job', status: 'InProgress' }] });
    const jobArn = seeded.jobArns[0] ?? '';
    // Recorded by this VS Code (mirrored in its global storage): proof enough for Clean Up to tick it.
    await testing.ledger.record([ledgerEntry('customization-job', { arn: jobArn, name: 'seams-job' }, 'test-seams')]);
    const questions: AskedQuestion[] = [];
    const sub = testing.onDidAsk((q) => questions.push(q));
    try {
      const driver = new CleanupDriver(); // accepts the ticked defaults, then dismisses the action question
      const first = await cleanUp(testing, driver);
      assert.equal(first.status, 'dismissed');
      assert.ok(driver.groups.flatMap((g) => g.entries).some((e) => e.label === 'seams-job' && e.picked), JSON.stringify(driver.groups));
      assert.deepEqual(questions.map((q) => `${q.by} ${q.question}`), ['script checklist: Clean Up (us-east-1): tick what to delete', 'script cleanup-action']);

      questions.length = 0;
      const second = vscode.commands.executeCommand<CleanupOutcome>('bedrockCustomizer.cleanup');
      const asked = await waitFor(testing.onDidAsk, () => questions[0], 'the checklist of the second Clean Up');
      assert.equal(asked.by, 'user', `the real checklist, not the last run's driver: ${asked.question}`);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal((await second).status, 'dismissed');
      assert.equal(driver.checklists.length, 1, 'the first run\'s driver answered nothing of the second');
    } finally {
      sub.dispose();
      await admin('/reset', { keepS3: true });
    }
  });
});
