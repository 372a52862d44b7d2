import * as vscode from 'vscode';
import { Config } from './vscode/shell/config';
import { Log } from './vscode/shell/log';
import { registerFeatures } from './vscode/features';
import { isAwsLoaded } from './vscode/shell/awsLoader';
import { AwsContext, type SessionIdentity } from './vscode/aws/awsContext';
import type { ApiHooks } from './vscode/shell/apiHooks';
import { ErrorPresenter } from './vscode/shell/errors';
import { Input } from './vscode/shell/input';
import { ExtensionLedger } from './vscode/shell/ledger';

/**
 * What `activate` returns in Test mode only (`ExtensionMode.Test`: VS Code running our integration tests or the
 * benchmarks): facts and hooks those read. For anyone else (users, other extensions) `activate` returns nothing:
 * the hooks answer confirmations and the session signs requests, so they must not be reachable.
 */
export interface ExtensionApi {
  readonly activationMs: number;
  readonly isAwsLoaded: () => boolean;
  /** The AWS context, for integration tests: status bar text, identity, the session and its changes. */
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
  /** Test hooks of the features (e.g. `hooks.explorer`). */
  readonly hooks: ApiHooks;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const started = performance.now();
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const log = new Log();
  const config = new Config();
  const aws = new AwsContext(config, log); // cheap: no SDK, the profile files are read asynchronously
  const input = new Input(testMode);
  const errors = new ErrorPresenter(log, aws);
  context.subscriptions.push(log, aws, input, errors);
  // Frozen outside Test mode: a feature that forgot its testMode check fails loudly in the production-mode test.
  const hooks: ApiHooks = testMode ? {} : Object.freeze({});
  const ledger = new ExtensionLedger(context.globalStorageUri, () => vscode.workspace.workspaceFolders?.[0]?.uri);
  if (testMode) hooks.errors = { onDidPresent: errors.onDidPresent };
  const services = { context, log, config, aws, hooks, input, errors, ledger, testMode };
  context.subscriptions.push(...registerFeatures(services));
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  if (!testMode) return undefined;
  return {
    activationMs,
    isAwsLoaded,
    aws: {
      statusText: () => aws.statusText(),
      statusIsError: () => aws.statusIsError(),
      identity: () => aws.identity,
      session: () => aws.session(),
      onDidChangeSession: aws.onDidChangeSession,
      credentialState: () => aws.credentialState,
      onDidChangeCredentialState: aws.onDidChangeCredentialState,
    },
    hooks,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
