import type * as vscode from 'vscode';
import type { Services } from '../shell/services';
import { Explorer } from './explorer';
import { explorerHooks } from './hooks';
import { JobDetailsPanels } from './jobDetails';
import { AwsContextHost } from './awsContextHost';
import { workspaceBatchOwners } from './batchOwners';

export const EXPLORER_VIEWS = ['bedrockCustomizer.jobs', 'bedrockCustomizer.models', 'bedrockCustomizer.throughputs', 'bedrockCustomizer.batchJobs'] as const;

export interface ExplorerFeature {
  readonly explorer: Explorer;
  readonly details: JobDetailsPanels;
  readonly disposables: vscode.Disposable[];
}

/**
 * The sidebar explorer (jobs, custom models, provisioned throughput, batch inference jobs) and the job-details panels; their commands
 * are in itemCommands.ts and the lifecycle feature. Nothing touches AWS until a view is shown or a command runs.
 */
export function registerExplorerViews(services: Services): ExplorerFeature {
  const host = new AwsContextHost(services.aws);
  const explorer = new Explorer(host, services.config, services.log, workspaceBatchOwners(services.ledger));
  const details = new JobDetailsPanels(host, services.errors);
  if (services.testMode) services.seams.explorer = explorerHooks(explorer, details);
  return { explorer, details, disposables: [explorer, details] };
}
