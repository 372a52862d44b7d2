import type { Commands } from '../commands/registry';
import type { Services } from '../shell/services';
import { runCleanup, type CleanupOutcome } from './cleanupFlow';

/**
 * "Bedrock Customizer: Clean Up...". A failure is presented once (with "Show Log", and the action that fixes an
 * AWS failure), never an unhandled rejection. Its arguments are ignored: every answer comes from the invocation's
 * InputDriver (the real UI for a user, whatever another extension passes; in Test mode a test's driver, through
 * `ExtensionApi.testing`).
 */
export function cleanupCommands(services: Services): Commands<'cleanup'> {
  return {
    cleanup: async (): Promise<CleanupOutcome | undefined> => {
      try {
        return await runCleanup(services);
      } catch (err) {
        services.errors.present(services.aws.toUserError(err, { action: 'cleanup' }), { prefix: 'Clean Up failed: ' });
        return undefined;
      }
    },
  };
}
