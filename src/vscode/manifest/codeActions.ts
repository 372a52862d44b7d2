// Quick fixes: each core diagnostic that carries a `fix` (rename a near-miss key, trim a caption, remove a trailing
// comma, delete a duplicate or blank line, replace a local path with its S3 URI) becomes a CodeAction.
import * as vscode from 'vscode';
import type { ManifestDocuments } from './manifestDocuments';
import { DIAGNOSTIC_SOURCE, toWorkspaceEdit } from './toVscode';

export class ManifestCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly docs: ManifestDocuments) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const records = this.docs.lastPublished(doc.uri);
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const record = records.find((r) => r.fix && r.code === d.code && r.line === d.range.start.line
        && r.column === d.range.start.character && r.endColumn === d.range.end.character);
      if (!record?.fix) continue;
      const action = new vscode.CodeAction(record.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(record.fix, doc.uri);
      action.diagnostics = [d];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
