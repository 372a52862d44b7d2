import * as vscode from 'vscode';
import type { FeatureRegistration } from '../shell/services';
import { runCleanup, type CleanupOutcome } from './cleanupFlow';
import { NativePrompter, prompterFrom } from './prompter';

export const CLEANUP_COMMAND = 'bedrockCustomizer.cleanup';

/**
 * "Bedrock Customizer: Clean Up...". Errors become one message with "Show Log", never an unhandled rejection.
 * Only in Test mode may the caller pass a prompter (the integration tests); for a user every answer comes from the
 * real UI, whatever another extension passes to the command.
 */
export const registerCleanup: FeatureRegistration = (services) => {
  if (services.testMode) services.hooks.ledger = services.ledger;
  return [registerCommand(services)];
};

function registerCommand(services: Parameters<FeatureRegistration>[0]): vscode.Disposable {
  return vscode.commands.registerCommand(CLEANUP_COMMAND, async (arg?: unknown): Promise<CleanupOutcome | undefined> => {
    try {
      const scripted = services.testMode ? prompterFrom(arg) : undefined;
      if (!services.testMode && prompterFrom(arg)) services.log.warn('Clean Up was passed a prompter by a caller; ignored: you answer every question.');
      return await runCleanup(services, scripted ?? new NativePrompter());
    } catch (err) {
      const message = services.aws.toUserError(err, { action: 'cleanup' }).message;
      services.log.error(`Clean Up failed: ${message}`);
      void vscode.window.showErrorMessage(`Clean Up failed: ${message}`, 'Show Log').then((b) => { if (b) services.log.show(); });
      return undefined;
    }
  });
}
