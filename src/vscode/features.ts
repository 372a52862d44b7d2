import { registerAws } from './session/registerAws';
import { registerShellCommands } from './commands/registerShellCommands';
import { registerExplorerViews } from './explorer/registerExplorerViews';
import { registerCompare } from './compare/registerCompare';
import { registerManifest } from './manifest/registerManifest';
import { registerCleanup } from './cleanup/registerCleanup';
import type { FeatureRegistration } from './shell/services';

/** The explicit registration list: every feature of the extension, in the order it is wired. */
export const FEATURES: readonly FeatureRegistration[] = [
  registerShellCommands,
  registerAws,
  registerExplorerViews,
  registerCompare,
  registerManifest,
  registerCleanup,
];
