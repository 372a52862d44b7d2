// The CodeLens on line 1 of a manifest: record count and role, "Validate images", "Launch fine-tuning".
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { ManifestDocuments } from './manifestDocuments';

export class ManifestCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly docs: ManifestDocuments) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) => docs.onDidUpdate(() => listener.call(thisArg), undefined, disposables);
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const model = this.docs.model(doc.uri);
    if (!model) return [];
    const range = new vscode.Range(0, 0, 0, 0);
    const role = model.role ?? 'role unknown (name it *train* or *valid*)';
    return [
      new vscode.CodeLens(range, { title: `${model.recordCount.toLocaleString('en-US')} records · ${role}`, command: '' }),
      new vscode.CodeLens(range, { title: 'Validate images', command: COMMANDS.validateImages, arguments: [doc.uri] }),
      new vscode.CodeLens(range, { title: 'Launch fine-tuning', command: COMMANDS.launchFineTuning, arguments: [doc.uri] }),
    ];
  }
}

/** Runs the jobs feature's launch command when it exists; otherwise says so instead of failing. */
export async function launchFineTuning(uri?: vscode.Uri): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(COMMANDS.launchJob)) {
    await vscode.commands.executeCommand(COMMANDS.launchJob, uri);
    return;
  }
  void vscode.window.showInformationMessage('Launching a fine-tuning job is not available in this version yet. The manifest checks still apply: fix every error first.');
}
