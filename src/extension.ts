import * as vscode from 'vscode';
import { Config } from './vscode/shell/config';
import { Log } from './vscode/shell/log';
import { registerFeatures } from './vscode/features';
import { isAwsLoaded } from './vscode/shell/awsLoader';
import { AwsContext } from './vscode/session/awsContext';
import { ErrorPresenter } from './vscode/shell/errors';
import { Input } from './vscode/shell/input';
import { ExtensionLedger } from './vscode/shell/ledger';
import type { ExtensionApi, FeatureSeams } from './vscode/shell/testing';

export type { ExtensionApi, TestingApi } from './vscode/shell/testing';

/**
 * Returns `{ testing }` (the one test seam, src/vscode/shell/testing.ts) in Test mode only; for anyone else (users,
 * other extensions) nothing: the seam answers confirmations and the session signs requests.
 */
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
  const seams: FeatureSeams = testMode ? {} : Object.freeze({});
  const ledger = new ExtensionLedger(context.globalStorageUri, () => vscode.workspace.workspaceFolders?.[0]?.uri);
  if (testMode) seams.errors = { onDidPresent: errors.onDidPresent };
  const services = { context, log, config, aws, seams, input, errors, ledger, testMode };
  context.subscriptions.push(...registerFeatures(services));
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  if (!testMode) return undefined;
  return {
    testing: {
      ...seams,
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
      answerNextCommandWith: (driver) => input.answerNextWith(driver),
      onDidAsk: input.onDidAsk,
      ledger,
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
