import * as vscode from 'vscode';
import { Config } from './vscode/shell/config';
import { Log } from './vscode/shell/log';
import { FEATURES } from './vscode/features';
import { isAwsLoaded } from './vscode/shell/awsLoader';
import type { ApiHooks } from './vscode/shell/apiHooks';

/** What `activate` returns: facts tests and the activation benchmark read. */
export interface ExtensionApi {
  readonly activationMs: number;
  readonly isAwsLoaded: () => boolean;
  /** Test hooks of the features (e.g. `hooks.explorer`). */
  readonly hooks: ApiHooks;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = new Log();
  const config = new Config();
  context.subscriptions.push(log);
  const hooks: ApiHooks = {};
  const services = { context, log, config, hooks };
  for (const register of FEATURES) {
    context.subscriptions.push(...register(services));
  }
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, isAwsLoaded, hooks };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
