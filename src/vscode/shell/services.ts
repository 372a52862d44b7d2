import type * as vscode from 'vscode';
import type { AwsContext } from '../aws/awsContext';
import type { ApiHooks } from './apiHooks';
import type { Config } from './config';
import type { ErrorPresenter } from './errors';
import type { Input } from './input';
import type { ExtensionLedger } from './ledger';
import type { Log } from './log';

/** What every feature's `register` receives: the extension's lifetime-long services. No globals. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: Log;
  readonly config: Config;
  /** AWS sessions for the current profile + region (built lazily; rebuilt on change). */
  readonly aws: AwsContext;
  /** Every question to the user goes through here (in Test mode, tests may script one command's answers). */
  readonly input: Input;
  /** Every command failure is shown through here: logged once, with the action that fixes it. */
  readonly errors: ErrorPresenter;
  /** What the extension created, recorded at creation: Clean Up's proof besides our tag. */
  readonly ledger: ExtensionLedger;
  /**
   * True only when VS Code runs the extension's tests (`ExtensionMode.Test`). Test seams (hooks, scripted answers,
   * a prompter passed to Clean Up, the compare probe command) exist only then; never for a user.
   */
  readonly testMode: boolean;
  /** Filled by features at registration in Test mode only (frozen and empty otherwise); `ExtensionApi.hooks`. */
  readonly hooks: ApiHooks;
}
