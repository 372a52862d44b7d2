// Problems of an open compare spec (*.compare.json, or a $schema naming ours) as the core parser sees them: the
// old embeddings form's top-level "baseline", names used twice, mixed model sources, k. What the schema itself says
// (and JSON syntax) VS Code's JSON validation already shows through package.json's jsonValidation, so it is left out.
import * as vscode from 'vscode';
import { parseCompareSpec, placeOfFile, type SpecProblem } from '../../core/eval/spec';
import { isCompareSpec } from './codeLens';

export const SPEC_DIAGNOSTIC_SOURCE = 'bedrock-mm';

function toDiagnostic(doc: vscode.TextDocument, p: SpecProblem, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const start = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
  // The JSON token at the place (a key, string or number), so the squiggle covers what to change.
  const range = doc.getWordRangeAtPosition(start, /"(?:[^"\\]|\\.)*"|[^\s,:{}[\]]+/) ?? new vscode.Range(start, start);
  const d = new vscode.Diagnostic(range, p.message, severity);
  d.source = SPEC_DIAGNOSTIC_SOURCE;
  return d;
}

export function registerSpecDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('bedrock-mm compare spec');
  const update = (doc: vscode.TextDocument): void => {
    if (doc.uri.scheme !== 'file' || !isCompareSpec(doc)) return;
    const r = parseCompareSpec(doc.getText(), placeOfFile(doc.uri.fsPath));
    const errors = 'problems' in r ? r.beyondSchema : [];
    const warnings = 'warnings' in r ? r.warnings : [];
    collection.set(doc.uri, [
      ...errors.map((p) => toDiagnostic(doc, p, vscode.DiagnosticSeverity.Error)),
      ...warnings.map((p) => toDiagnostic(doc, p, vscode.DiagnosticSeverity.Warning)),
    ]);
  };
  vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => update(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
  );
}
