// A "Launch" CodeLens at the top of every *.bedrock-job.json, plus the spec's problems when it does not parse.
import * as vscode from 'vscode';
import { parseJobSpec } from '../../core/lifecycle/jobSpec';
import { COMMANDS } from '../commands/ids';

export const JOB_SPEC_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.bedrock-job.json' }];

export class JobSpecLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const { spec, problems } = parseJobSpec(document.getText());
    if (!spec) {
      return [new vscode.CodeLens(top, {
        title: `$(warning) ${problems.length} problem(s): fix them to launch`, command: COMMANDS.launchJob, arguments: [document.uri],
      })];
    }
    return [new vscode.CodeLens(top, {
      title: `$(rocket) Launch "${spec.jobName}"`, tooltip: 'Pre-flight checks, then a confirmation before anything is created',
      command: COMMANDS.launchJob, arguments: [document.uri],
    })];
  }
}
