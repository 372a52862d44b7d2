import { registerAws } from './aws/registerAws';
import { registerShellCommands } from './commands/registerShellCommands';
import { registerExplorerViews } from './explorer/registerExplorerViews';
import { registerManifest } from './manifest/registerManifest';
import type { FeatureRegistration } from './shell/services';

/** The explicit registration list: every feature of the extension, in the order it is wired. */
export const FEATURES: readonly FeatureRegistration[] = [
  registerShellCommands,
  registerAws,
  registerExplorerViews,
  registerManifest,
];
