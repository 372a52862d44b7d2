// Reads a saved comparison report. Bad input becomes a message that says what is wrong and what to do, never a throw.
import * as vscode from 'vscode';
import type { ComparisonReport } from '../../protocol/report';
import { reportProblem } from '../../core/eval/reportProblem';

export type ReadReport = { report: ComparisonReport } | { error: string };

export async function readReport(uri: vscode.Uri): Promise<ReadReport> {
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    return { error: `Cannot read ${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}. Check the file still exists.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `${uri.fsPath} is not valid JSON (${err instanceof Error ? err.message : String(err)}).` };
  }
  const problem = reportProblem(value);
  return problem ? { error: `${uri.fsPath} ${problem}.` } : { report: value as ComparisonReport };
}
