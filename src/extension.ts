import * as vscode from 'vscode';
import { Config } from './vscode/shell/config';
import { Log } from './vscode/shell/log';
import { FEATURES } from './vscode/features';
import { isAwsLoaded } from './vscode/shell/awsLoader';
import { AwsContext, type SessionIdentity } from './vscode/aws/awsContext';
import type { ApiHooks } from './vscode/shell/apiHooks';
import { Input } from './vscode/shell/input';
import { ExtensionLedger } from './vscode/shell/ledger';

/** What `activate` returns: facts tests and the activation benchmark read. */
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

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = new Log();
  const config = new Config();
  const aws = new AwsContext(config, log); // cheap: no SDK, the profile files are read asynchronously
  context.subscriptions.push(log, aws);
  const hooks: ApiHooks = {};
  const input = new Input();
  const ledger = new ExtensionLedger(context.globalStorageUri, () => vscode.workspace.workspaceFolders?.[0]?.uri);
  const services = { context, log, config, aws, hooks, input, ledger };
  for (const register of FEATURES) {
    context.subscriptions.push(...register(services));
  }
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
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
