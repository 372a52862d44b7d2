import * as vscode from 'vscode';
import type { FeatureRegistration } from '../shell/services';
import { runCleanup, type CleanupOutcome } from './cleanupFlow';

export const CLEANUP_COMMAND = 'bedrockCustomizer.cleanup';

/**
 * "Bedrock Customizer: Clean Up...". Errors become one message with "Show Log", never an unhandled rejection.
 * Its arguments are ignored: every answer comes from the invocation's InputDriver (the real UI for a user, whatever
 * another extension passes to the command; in Test mode a test's driver, through `ExtensionApi.testing`).
 */
export const registerCleanup: FeatureRegistration = (services) => [
  vscode.commands.registerCommand(CLEANUP_COMMAND, services.input.command(async (): Promise<CleanupOutcome | undefined> => {
    try {
      return await runCleanup(services);
    } catch (err) {
      const message = services.aws.toUserError(err, { action: 'cleanup' }).message;
      services.log.error(`Clean Up failed: ${message}`);
      void vscode.window.showErrorMessage(`Clean Up failed: ${message}`, 'Show Log').then((b) => { if (b) services.log.show(); });
      return undefined;
    }
  })),
];
