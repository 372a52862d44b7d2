// The explorer's own commands: refresh, paging, retry, copy ARN, open in the AWS console, open the job's output.
import * as vscode from 'vscode';
import { consoleUrl, s3ConsoleUrl } from '../../core/lifecycle/consoleUrls';
import type { Commands } from '../commands/registry';
import { arnFromArg } from './args';
import type { Explorer } from './explorer';
import type { JobDetailsPanels } from './jobDetails';
import { LoadMoreNode, MessageNode, ResourceNode } from './nodes';

type ItemCommand = 'explorerRefresh' | 'explorerLoadMore' | 'explorerRetry' | 'copyArn' | 'openInConsole' | 'openJobOutput' | 'showJobDetails';

export function explorerCommands(explorer: Explorer, details: JobDetailsPanels): Commands<ItemCommand> {
  return {
    explorerRefresh: () => explorer.resetAll(),
    explorerLoadMore: (node: unknown) => { if (node instanceof LoadMoreNode) node.load(); },
    explorerRetry: (node: unknown) => { if (node instanceof MessageNode) node.retry?.(); },
    copyArn: async (arg: unknown) => {
      const arn = arnFromArg(arg);
      if (!arn) return;
      await vscode.env.clipboard.writeText(arn);
      void vscode.window.setStatusBarMessage(`Copied ${arn}`, 3000);
    },
    openInConsole: async (arg: unknown) => {
      // No console page for a batch job is documented to link to by ARN: its menu offers Copy ARN only.
      if (!(arg instanceof ResourceNode) || arg.kind === 'batchJob') return;
      const source = await explorer.host.current();
      await vscode.env.openExternal(vscode.Uri.parse(consoleUrl(arg.kind, source.region, arg.arn, arg.name)));
    },
    openJobOutput: async (arg: unknown) => {
      const arn = arnFromArg(arg);
      if (!arn) return;
      const source = await explorer.host.current();
      try {
        const job = await source.getJob(arn);
        const url = job.outputDataUri ? s3ConsoleUrl(source.region, job.outputDataUri) : undefined;
        if (!url) { void vscode.window.showWarningMessage(`Job "${job.jobName}" has no S3 output location.`); return; }
        await vscode.env.openExternal(vscode.Uri.parse(url));
      } catch (err) {
        throw source.failure(err, 'opening the job output'); // the command registry presents it
      }
    },
    showJobDetails: async (arg: unknown) => {
      const arn = arnFromArg(arg);
      if (arn) await details.show(arn);
    },
  };
}
