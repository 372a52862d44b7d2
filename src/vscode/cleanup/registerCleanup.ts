import type { Commands } from '../commands/registry';
import type { Services } from '../shell/services';
import { runCleanup, type CleanupOutcome } from './cleanupFlow';
import { NativePrompter, prompterFrom } from './prompter';

/**
 * "Bedrock Customizer: Clean Up...". A failure is presented once (with "Show Log", and the action that fixes an
 * AWS failure), never an unhandled rejection. Only in Test mode may the caller pass a prompter (the integration
 * tests); for a user every answer comes from the real UI, whatever another extension passes to the command.
 */
export function cleanupCommands(services: Services): Commands<'cleanup'> {
  if (services.testMode) services.hooks.ledger = services.ledger;
  return {
    cleanup: async (arg?: unknown): Promise<CleanupOutcome | undefined> => {
      try {
        const scripted = services.testMode ? prompterFrom(arg) : undefined;
        if (!services.testMode && prompterFrom(arg)) services.log.warn('Clean Up was passed a prompter by a caller; ignored: you answer every question.');
        return await runCleanup(services, scripted ?? new NativePrompter());
      } catch (err) {
        services.errors.present(services.aws.toUserError(err, { action: 'cleanup' }), { prefix: 'Clean Up failed: ' });
        return undefined;
      }
    },
  };
}
