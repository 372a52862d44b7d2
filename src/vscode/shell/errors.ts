// The one error presenter: every command failure is logged once and shown with the buttons that fix it (an
// AWS failure's own actions, e.g. "Sign in again", "Choose Profile", "Open Model Access"; always "Show Log").
// The command registry sends every handler's exception here; a handler that reports a failure it handled itself
// (a launch that did not go through) calls `present` too. Showing never blocks the command's return.
import * as vscode from 'vscode';
import type { AwsContext } from '../session/awsContext';
import type { ErrorAction } from '../session/errorActions';
import type { Log } from './log';
import { presentation, type PresentOptions } from './errorPresentation';

/** A failure as it was shown (Test mode: `hooks.errors`). */
export interface PresentedError {
  readonly message: string;
  readonly actions: readonly string[];
}

export class ErrorPresenter implements vscode.Disposable {
  private readonly presented = new vscode.EventEmitter<PresentedError>();
  /** Fires as each failure is shown (tests wait on it). */
  readonly onDidPresent = this.presented.event;

  constructor(private readonly log: Log, private readonly aws: Pick<AwsContext, 'identity' | 'reloadCredentials'>) {}

  present(err: unknown, options?: PresentOptions): void {
    const shown = presentation(err, this.aws.identity.region, options);
    const labels = shown.actions.map((a) => a.label);
    this.log.error(shown.message);
    this.presented.fire({ message: shown.message, actions: labels });
    void Promise.resolve(vscode.window.showErrorMessage(shown.message, ...labels))
      .then((picked) => this.run(shown.actions.find((a) => a.label === picked)))
      .catch((e: unknown) => this.log.warn(`Error notification: ${String(e)}`));
  }

  private async run(action: ErrorAction | undefined): Promise<void> {
    if (action?.kind === 'command') await vscode.commands.executeCommand(action.command);
    if (action?.kind === 'url') await vscode.env.openExternal(vscode.Uri.parse(action.url));
    if (action?.kind === 'terminal') {
      const terminal = vscode.window.createTerminal({ name: 'AWS sign-in' });
      terminal.show();
      terminal.sendText(action.commandLine);
      // The next call builds fresh clients, which pick up the new session.
      this.aws.reloadCredentials();
    }
  }

  dispose(): void { this.presented.dispose(); }
}
