// One command registry and one error presenter (issue 14), in real VS Code: what package.json contributes is
// what the extension registers, and a command that fails on an AWS error offers the button that fixes it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, TEST_ONLY_COMMANDS } from '../../src/vscode/commands/ids';
import type { PresentedError } from '../../src/vscode/shell/errors';
import { admin } from '../support/emulatorAdmin';
import { activateExtension, EXTENSION_ID, waitFor } from '../support/vscode';

interface Manifest { contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> } }

function manifest(): Manifest {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, 'the extension under test is installed');
  return extension.packageJSON as Manifest;
}

describe('one command registry, one error presenter', () => {
  it('registers every contributed command, and nothing under bedrockCustomizer. that is not in the registry', async () => {
    await activateExtension();
    const { contributes } = manifest();
    const registered = await vscode.commands.getCommands(true);
    for (const { command } of contributes.commands) assert.ok(registered.includes(command), `${command} is registered`);
    // VS Code adds `<view>.focus` and the like for each view: those are its commands, not ours.
    const views = Object.values(contributes.views).flat().map((v) => `${v.id}.`);
    const ours = registered.filter((c) => c.startsWith('bedrockCustomizer.') && !views.some((v) => c.startsWith(v)));
    const known = new Set<string>(Object.values(COMMANDS));
    for (const c of ours) assert.ok(known.has(c), `${c} is registered but not in src/vscode/commands/ids.ts`);
    for (const name of TEST_ONLY_COMMANDS) assert.ok(ours.includes(COMMANDS[name]), `${name} is registered in Test mode`);
  });

  describe('a command failing with expired credentials', () => {
    after(async () => {
      // Back to working credentials for the suites after this one: no fault, and a rebuilt session verified again.
      await admin('/faults', { expiredCredentials: false });
      const api = await activateExtension();
      const config = vscode.workspace.getConfiguration('bedrockCustomizer');
      const before = config.inspect<number>('maxAttempts')?.globalValue;
      const ok = waitFor(api.aws.onDidChangeCredentialState, () => api.aws.credentialState().kind === 'ok', 'credentials verified again');
      await config.update('maxAttempts', (before ?? config.get<number>('maxAttempts') ?? 3) + 1, vscode.ConfigurationTarget.Global);
      await config.update('maxAttempts', before, vscode.ConfigurationTarget.Global);
      await api.aws.session();
      await ok;
    });

    it('is presented once with "Choose Profile" and "Show Log"', async () => {
      const api = await activateExtension();
      const errors = api.errors;
      assert.ok(errors, 'Test mode has the error hooks');
      const seeded = await admin<{ jobArns: string[] }>('/seed', { jobs: [{ jobName: 'presenter-job', status: 'InProgress' }] });
      const jobArn = seeded.jobArns[0] ?? '';
      assert.ok(jobArn);
      const shown: PresentedError[] = [];
      const sub = errors.onDidPresent((e: PresentedError) => shown.push(e));
      try {
        await admin('/faults', { service: 'bedrock', expiredCredentials: true });
        const result = await vscode.commands.executeCommand<boolean | undefined>(COMMANDS.stopJob, jobArn);
        assert.equal(result, undefined, 'a failed command returns nothing (no exception into VS Code)');
        assert.equal(shown.length, 1, `presented once: ${JSON.stringify(shown)}`);
        assert.match(shown[0]?.message ?? '', /^reading the job: .*expired/);
        assert.deepEqual(shown[0]?.actions, ['Choose Profile', 'Show Log']);
      } finally {
        sub.dispose();
        await admin('/faults', { expiredCredentials: false });
      }
    });
  });
});
