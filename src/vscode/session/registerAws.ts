import type { Commands } from '../commands/registry';
import type { Services } from '../shell/services';
import { selectProfile, selectRegion } from './pickers';

/** The AWS profile and region commands (the status bar belongs to the AwsContext, created in extension.ts). */
export const awsCommands = ({ aws, config }: Services): Commands<'selectProfile' | 'selectRegion'> => ({
  selectProfile: (options?: { thenRegion?: boolean }) => selectProfile(aws, config, options ?? {}),
  selectRegion: () => selectRegion(aws, config),
});
