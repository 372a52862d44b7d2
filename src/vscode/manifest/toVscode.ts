// Core diagnostic records -> vscode.Diagnostic. The adapter only converts: every rule lives in src/core/manifest.
import * as vscode from 'vscode';
import type { ManifestDiagnostic, ManifestFix, TextRange } from '../../core/manifest';

export const DIAGNOSTIC_SOURCE = 'bedrock-mm';

const SEVERITY: Record<ManifestDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: TextRange): vscode.Range {
  return new vscode.Range(r.line, r.column, r.endLine, r.endColumn);
}

export function toDiagnostic(d: ManifestDiagnostic, uri: vscode.Uri): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  if (d.related) {
    const where = d.related.file !== undefined ? vscode.Uri.file(d.related.file) : uri;
    out.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(where, toRange(d.related)), d.related.message)];
  }
  return out;
}

/**
 * At most `cap` diagnostics; beyond that one summary on line 1 says how many are hidden. `total`: how many problems
 * there are when `records` is already cut short (a file report keeps only the first ones).
 */
export function toDiagnostics(records: readonly ManifestDiagnostic[], uri: vscode.Uri, cap: number, total = records.length): vscode.Diagnostic[] {
  const shown = records.slice(0, cap).map((d) => toDiagnostic(d, uri));
  if (total > shown.length) {
    const hidden = total - shown.length;
    const summary = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0),
      `${hidden.toLocaleString('en-US')} more problems not shown (showing the first ${shown.length.toLocaleString('en-US')}; raise bedrockCustomizer.manifest.maxDiagnostics or run bedrock-mm validate)`,
      vscode.DiagnosticSeverity.Information);
    summary.source = DIAGNOSTIC_SOURCE;
    summary.code = 'too-many-problems';
    shown.push(summary);
  }
  return shown;
}

export function toWorkspaceEdit(fix: ManifestFix, uri: vscode.Uri): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uri, toRange(e), e.newText);
  return edit;
}
