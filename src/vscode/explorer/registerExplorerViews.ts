import type * as vscode from 'vscode';
import { registerLifecycleCommands } from '../jobs/registerLifecycleCommands';
import type { FeatureRegistration } from '../shell/services';
import { Explorer } from './explorer';
import { explorerHooks } from './hooks';
import { registerItemCommands } from './itemCommands';
import { JobDetailsPanels } from './jobDetails';
import { AwsContextHost } from './awsContextHost';

export const EXPLORER_VIEWS = ['bedrockCustomizer.jobs', 'bedrockCustomizer.models', 'bedrockCustomizer.throughputs'] as const;

/**
 * The sidebar explorer (jobs, custom models, provisioned throughput) and the lifecycle commands that act on its
 * items. Nothing touches AWS until a view is shown or a command runs.
 */
export const registerExplorerViews: FeatureRegistration = (services) => {
  const host = new AwsContextHost(services.aws);
  const explorer = new Explorer(host, services.config, services.log);
  const details = new JobDetailsPanels(host, services.log);
  if (services.testMode) services.seams.explorer = explorerHooks(explorer, details);
  const disposables: vscode.Disposable[] = [
    explorer, details,
    ...registerItemCommands(explorer, details, services.log),
    ...registerLifecycleCommands(services, explorer, details),
  ];
  return disposables;
};
