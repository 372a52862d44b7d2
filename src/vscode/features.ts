// Every registration of the extension in one place: each feature's views and providers, then the one command
// table (src/vscode/commands/ids.ts names every command; registry.ts registers them all the same way).
import type * as vscode from 'vscode';
import { awsCommands } from './session/registerAws';
import { cleanupCommands } from './cleanup/registerCleanup';
import { registerCommands, type CommandTable } from './commands/registry';
import { registerCompare } from './compare/registerCompare';
import { explorerCommands } from './explorer/itemCommands';
import { registerExplorerViews } from './explorer/registerExplorerViews';
import { registerLifecycle } from './jobs/registerLifecycleCommands';
import { datasetCommands } from './manifest/datasetTools';
import { registerManifest } from './manifest/registerManifest';
import type { Services } from './shell/services';

export function registerFeatures(services: Services): vscode.Disposable[] {
  // The sidebar explorer (jobs, custom models, provisioned throughput, batch inference jobs) and the job-details panels.
  const explorer = registerExplorerViews(services);
  // Launch (wizard or spec file), provision, stop, delete; the job-spec CodeLens.
  const lifecycle = registerLifecycle(services, explorer.explorer, explorer.details);
  // Manifest diagnostics, quick fixes, hover, CodeLens, "Validate images" / "Validate file".
  const manifest = registerManifest(services);
  // Compare Models, the report panels and their serializer, the compare-spec CodeLens.
  // Its batch inference jobs appear in the explorer's Batch Inference Jobs view as soon as it waits on them.
  const compare = registerCompare(services, (arn) => {
    explorer.explorer.watchBatchJob(arn).catch((err: unknown) => services.log.warn(`Batch Inference Jobs view: ${String(err)}`));
  });
  const commands: CommandTable = {
    showLog: () => services.log.show(),
    ...awsCommands(services),
    ...explorerCommands(explorer.explorer, explorer.details),
    ...lifecycle.commands,
    ...manifest.commands,
    ...datasetCommands(services, manifest.sources),
    ...compare.commands,
    ...cleanupCommands(services),
  };
  return [...explorer.disposables, ...lifecycle.disposables, ...manifest.disposables, ...compare.disposables, ...registerCommands(services, commands)];
}
