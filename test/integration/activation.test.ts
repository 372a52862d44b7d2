import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from '../support/vscode';

describe('activation in real VS Code', () => {
  // First: later tests show the explorer views, and a shown view loads the AWS layer by design.
  it('does not load the AWS SDK during activation', async () => {
    const api = await activateExtension();
    assert.equal(api.isAwsLoaded(), false);
  });

  it('activates, registers its commands and runs one', async () => {
    const api = await activateExtension();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('bedrockCustomizer.showLog'), 'bedrockCustomizer.showLog is registered');
    await vscode.commands.executeCommand('bedrockCustomizer.showLog');
    assert.ok(api.activationMs > 0, 'activate reports its own duration');
  });

  it('registers the activity-bar container and its four views', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    // VS Code creates a focus command for each registered view and one for each view container.
    for (const view of ['bedrockCustomizer.jobs', 'bedrockCustomizer.models', 'bedrockCustomizer.throughputs', 'bedrockCustomizer.batchJobs']) {
      assert.ok(commands.includes(`${view}.focus`), `${view} is registered`);
      await vscode.commands.executeCommand(`${view}.focus`);
    }
    assert.ok(commands.includes('workbench.view.extension.bedrockCustomizer'), 'the activity-bar container is registered');
  });

});
