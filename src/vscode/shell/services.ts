import type * as vscode from 'vscode';
import type { AwsContext } from '../session/awsContext';
import type { Config } from './config';
import type { ErrorPresenter } from './errors';
import type { Input } from './input';
import type { ExtensionLedger } from './ledger';
import type { Log } from './log';
import type { FeatureSeams } from './testing';

/** What every feature's `register` receives: the extension's lifetime-long services. No globals. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: Log;
  readonly config: Config;
  /** AWS sessions for the current profile + region (built lazily; rebuilt on change). */
  readonly aws: AwsContext;
  /** Every question to the user goes through here (in Test mode, a test's driver may answer one command's). */
  readonly input: Input;
  /** Every command failure is shown through here: logged once, with the action that fixes it. */
  readonly errors: ErrorPresenter;
  /** What the extension created, recorded at creation: Clean Up's proof besides our tag. */
  readonly ledger: ExtensionLedger;
  /**
   * True only when VS Code runs the extension's tests (`ExtensionMode.Test`). The test seam (`ExtensionApi.testing`,
   * src/vscode/shell/testing.ts) exists only then; never for a user.
   */
  readonly testMode: boolean;
  /** Filled by features at registration in Test mode only (frozen and empty otherwise); part of `ExtensionApi.testing`. */
  readonly seams: FeatureSeams;
}
