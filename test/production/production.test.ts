// Issue 13, finding 2: with the extension installed as a user has it (from its VSIX, ExtensionMode.Production),
// the one test seam (`ExtensionApi.testing`, src/vscode/shell/testing.ts) is not reachable by another extension, and
// Clean Up asks the user whatever a caller passes it (an old-style prompter or an InputDriver).
// The harness (scripts/lib/run-production.mjs) closes the real Clean Up checklist when it appears on screen.
import * as assert from 'node:assert/strict';
import { BedrockClient, TagResourceCommand } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import { CREATED_BY_TAG } from '../../src/core/lifecycle/tags';
import { admin, emulatorEndpoints } from '../support/emulatorAdmin';

const EXTENSION_ID = 'bedrock-mm.bedrock-mm-customizer';

function ours(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension;
}

/** A running job carrying our tag: Clean Up plans it, so it has a checklist to show. */
async function seedTaggedJob(): Promise<string> {
  const seeded = await admin<{ jobArns: string[] }>('/seed', { jobs: [{ jobName: 'prod-mode-job', status: 'InProgress', customModelName: 'prod-mode-model' }] });
  const jobArn = seeded.jobArns[0] ?? '';
  const bedrock = new BedrockClient({ region: 'us-east-1', endpoint: emulatorEndpoints().bedrock });
  try {
    await bedrock.send(new TagResourceCommand({ resourceARN: jobArn, tags: [{ key: CREATED_BY_TAG.key, value: CREATED_BY_TAG.value }] }));
  } finally {
    bedrock.destroy();
  }
  return jobArn;
}

describe('production mode: no test seam is reachable', () => {
  it('the extension is installed (not under development) and activate() exports nothing: no testing seam, no AWS session', async () => {
    const extension = ours();
    const installedIn = process.env['BMC_EXTENSIONS_DIR'] ?? '';
    assert.ok(installedIn !== '' && extension.extensionUri.fsPath.startsWith(installedIn), `loaded from the extensions folder: ${extension.extensionUri.fsPath}`);
    const api: unknown = await extension.activate();
    assert.equal(api, undefined);
    assert.equal(extension.exports, undefined);
    assert.equal((api as { testing?: unknown } | undefined)?.testing, undefined, 'no ExtensionApi.testing');
  });

  it('no hidden test command is registered (the compare panels\' old test-hooks command included)', async () => {
    await ours().activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('bedrockCustomizer.cleanup'), 'the extension\'s commands are registered');
    assert.ok(!commands.includes('bedrockCustomizer.compare.testHooks'));
    assert.deepEqual(commands.filter((c) => /^bedrockCustomizer\..*test/i.test(c)), [], 'no command named for tests');
  });

  it('Clean Up ignores a prompter or an InputDriver passed by a caller and asks the user in the real UI', async () => {
    await ours().activate();
    await seedTaggedJob();
    const calls: string[] = [];
    const prompter = {
      // What a hostile caller would do: tick everything, choose Delete, confirm every question.
      pickResources: (groups: { entries: { key: string }[] }[]) => {
        calls.push('pickResources');
        return Promise.resolve(groups.flatMap((g) => g.entries.map((e) => e.key)));
      },
      chooseAction: () => { calls.push('chooseAction'); return Promise.resolve('delete'); },
      confirm: () => { calls.push('confirm'); return Promise.resolve(true); },
      typeName: () => { calls.push('typeName'); return Promise.resolve(true); },
    };
    // The same caller as an InputDriver (the shape the extension's own questions take): it would tick, pick and confirm.
    const driver = {
      text: () => { calls.push('text'); return Promise.resolve('yes'); },
      pick: () => { calls.push('pick'); return Promise.resolve('delete'); },
      pickMany: (list: { groups: { entries: { key: string }[] }[] }) => {
        calls.push('pickMany');
        return Promise.resolve(list.groups.flatMap((g) => g.entries.map((e) => e.key)));
      },
      confirm: (_m: string, _d: string, actions: string[]) => { calls.push('confirm'); return Promise.resolve(actions[0]); },
      typeToConfirm: () => { calls.push('typeToConfirm'); return Promise.resolve(true); },
    };
    // The checklist is the real quick pick: the harness sees it on screen and presses Escape, so the command ends
    // "dismissed". Were the prompter used, it would answer instead and the calls would be listed.
    const outcome = await vscode.commands.executeCommand<{ status?: string } | undefined>('bedrockCustomizer.cleanup', { prompter, driver }, driver);
    assert.deepEqual(calls, [], 'no method of the caller\'s prompter or driver was called');
    assert.equal(outcome?.status, 'dismissed', `the user's checklist was shown and closed: ${JSON.stringify(outcome?.status)}`);
  });
});
