// The ONE test seam: `ExtensionApi.testing`, what `activate` returns in Test mode only (`ExtensionMode.Test`: VS Code
// running our integration tests or the benchmarks). Outside Test mode `activate` returns nothing: a test driver
// answers confirmations and the session signs requests, so none of it may be reachable by users or other extensions.
// Features fill their part (`FeatureSeams`) at registration, in Test mode only; test/support holds what tests build
// on it (ScriptedDriver, the panel probe).
import type * as vscode from 'vscode';
import type { LedgerSink } from '../../core/cleanup/ledger';
import type { AwsContext, SessionIdentity } from '../session/awsContext';
import type { CompareTestHooks } from '../compare/registerCompare';
import type { ExplorerHooks } from '../explorer/hooks';
import type { PresentedError } from './errors';
import type { AskedQuestion, TestDriver } from './input';

/** What features add to `testing` (frozen and empty outside Test mode, so a forgotten testMode check fails loudly). */
export interface FeatureSeams {
  explorer?: ExplorerHooks;
  compare?: CompareTestHooks;
  /** Each command failure as the error presenter shows it (message and buttons). */
  errors?: { readonly onDidPresent: (listener: (e: PresentedError) => void) => { dispose(): void } };
}

export interface TestingApi extends Readonly<FeatureSeams> {
  readonly activationMs: number;
  readonly isAwsLoaded: () => boolean;
  /** The AWS context: status bar text, identity, the session and its changes. */
  readonly aws: {
    readonly statusText: () => string;
    /** True when the status bar item shows the error background (credentials failed or missing). */
    readonly statusIsError: () => boolean;
    readonly identity: () => SessionIdentity;
    readonly session: AwsContext['session'];
    readonly onDidChangeSession: AwsContext['onDidChangeSession'];
    readonly credentialState: () => AwsContext['credentialState'];
    readonly onDidChangeCredentialState: AwsContext['onDidChangeCredentialState'];
  };
  /**
   * Every question of the NEXT command invocation goes to `driver` (until it says it is exhausted; then the real UI);
   * the driver is dropped when that invocation ends, used or not.
   */
  answerNextCommandWith(driver: TestDriver): void;
  /** Every question, put to a test's driver or shown in the real UI (then it is on screen: close it to end the command). */
  readonly onDidAsk: vscode.Event<AskedQuestion>;
  /** The extension's ledger (workspace file + global mirror), for tests that set up what "this work" created. */
  readonly ledger: LedgerSink;
}

/** What `activate` returns, in Test mode only. */
export interface ExtensionApi {
  readonly testing: TestingApi;
}
