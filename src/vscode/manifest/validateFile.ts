// "Validate Manifest File": the CLI's streaming validator over a file on disk, without opening it: for a manifest
// too big for VS Code to hand to extensions (over 50 MB; Bedrock takes up to 500,000 lines), or a manifest about to
// be uploaded. Every part of the file is checked on a worker thread (dist/cli.js), so the extension host keeps
// answering while a 500,000-line file is read. Diagnostics go to the Problems view like an open manifest's.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { validateFileOnThreads, type ThreadedRun } from '../../core/manifest';
import type { Config } from '../shell/config';
import type { Log } from '../shell/log';
import type { ManifestDocuments } from './manifestDocuments';

export async function validateFile(docs: ManifestDocuments, config: Config, log: Log, extensionPath: string, uri?: vscode.Uri): Promise<ThreadedRun | undefined> {
  const target = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'JSON Lines manifest': ['jsonl'] }, openLabel: 'Validate' }))?.[0];
  if (!target) return undefined;
  if (target.scheme !== 'file') {
    void vscode.window.showWarningMessage('"Validate Manifest File" reads files on this machine; open the manifest in an editor to validate it as you type.');
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(target);
  const options = { role: docs.roleOfFile(target), maxDiagnostics: config.get('manifest.maxDiagnostics'), s3Prefix: config.get('manifest.s3Prefix') || undefined };
  let run: ThreadedRun;
  try {
    run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Validating ${name}` },
      () => validateFileOnThreads(target.fsPath, options, path.join(extensionPath, 'dist', 'cli.js'), false));
  } catch (err) {
    // The command registry presents it (logged once, with "Show Log").
    throw new Error(`Could not read ${name}: ${(err as Error).message}`, { cause: err });
  }
  const { report } = run;
  const live = !docs.publishFileReport(target, report.diagnostics, report.errors + report.warnings);
  const summary = `${name}: ${report.records.toLocaleString('en-US')} records (${report.role ?? 'role unknown'}), ${report.errors.toLocaleString('en-US')} errors, ${report.warnings.toLocaleString('en-US')} warnings${live ? ' (the open editor shows its live diagnostics)' : ''}.`;
  log.info(`Validate manifest file: ${summary} ${(run.bytes / 1e6).toFixed(1)} MB on ${run.threads} thread(s).`);
  if (report.errors + report.warnings === 0) void vscode.window.showInformationMessage(summary);
  else {
    void vscode.window.showWarningMessage(summary, 'Show Problems').then((pick) => {
      if (pick) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return run;
}
