import * as vscode from 'vscode';
import type { FeatureRegistration } from '../shell/services';
import { runCleanup, type CleanupOutcome } from './cleanupFlow';
import { NativePrompter, prompterFrom } from './prompter';

export const CLEANUP_COMMAND = 'bedrockCustomizer.cleanup';

/** "Bedrock Customizer: Clean Up...". Errors become one message with "Show Log", never an unhandled rejection. */
export const registerCleanup: FeatureRegistration = (services) => [
  vscode.commands.registerCommand(CLEANUP_COMMAND, async (arg?: unknown): Promise<CleanupOutcome | undefined> => {
    try {
      return await runCleanup(services, prompterFrom(arg) ?? new NativePrompter());
    } catch (err) {
      const message = services.aws.toUserError(err, { action: 'cleanup' }).message;
      services.log.error(`Clean Up failed: ${message}`);
      void vscode.window.showErrorMessage(`Clean Up failed: ${message}`, 'Show Log').then((b) => { if (b) services.log.show(); });
      return undefined;
    }
  }),
];
