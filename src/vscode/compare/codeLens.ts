// "Run comparison" above a compare spec: files named *.compare.json, or JSON files whose $schema names the
// compare-spec schema.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';

export const COMPARE_SPEC_SCHEMA = /compare-spec\.schema\.json$/;

export function isCompareSpec(document: vscode.TextDocument): boolean {
  if (/\.compare\.json$/i.test(document.uri.path)) return true;
  const m = /"\$schema"\s*:\s*"([^"]*)"/.exec(document.getText(new vscode.Range(0, 0, 20, 0)));
  return m !== null && COMPARE_SPEC_SCHEMA.test(m[1] ?? '');
}

export class CompareSpecCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isCompareSpec(document)) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [new vscode.CodeLens(top, { title: '$(play) Run comparison', command: COMMANDS.compareModels, arguments: [document.uri] })];
  }
}
