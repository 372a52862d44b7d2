// Helpers for integration tests that run inside the real extension host.
import * as vscode from 'vscode';
import type { ExtensionApi, TestingApi } from '../../src/extension';
import { ScriptedDriver } from './scriptedDriver';

export const EXTENSION_ID = 'bedrock-mm.bedrock-mm-customizer';

/**
 * The extension's one test seam, `ExtensionApi.testing`: it exists only in Test mode (code-server with
 * `extensionTestsPath`, as scripts/test.mjs runs it).
 */
export async function activateExtension(): Promise<TestingApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this VS Code`);
  const api = await extension.activate();
  if (!api) throw new Error(`${EXTENSION_ID} returned no API: it gives one only in ExtensionMode.Test`);
  return api.testing;
}

/** Scripted answers over the seam: `script(answers)` hands the next command invocation a ScriptedDriver. */
export interface Answering {
  /** The next command invocation's questions are answered from `answers` (see ScriptedDriver); returns the driver. */
  script(answers: string[]): ScriptedDriver;
  readonly onDidAsk: TestingApi['onDidAsk'];
}

export function answering(testing: TestingApi): Answering {
  return {
    script: (answers) => {
      const driver = new ScriptedDriver(answers);
      testing.answerNextCommandWith(driver);
      return driver;
    },
    onDidAsk: testing.onDidAsk,
  };
}

/** Resolves when `predicate` holds, re-checking on every event `onEvent` fires; rejects after `timeoutMs`. */
export function waitFor<T>(
  onEvent: vscode.Event<unknown>,
  predicate: () => T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const now = predicate();
  if (now) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
    const sub = onEvent(() => {
      const value = predicate();
      if (value) { clearTimeout(timer); sub.dispose(); resolve(value); }
    });
  });
}
