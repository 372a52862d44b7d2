// Test hooks of the lifecycle commands (ExtensionApi.hooks.lifecycle; Test mode only): answer the next command's
// prompts from a list, and hear each question as it is asked.
import type * as vscode from 'vscode';
import type { AskedQuestion } from '../shell/input';
import type { ScriptedDriver } from './scriptedDriver';

export interface LifecycleHooks {
  /**
   * The questions of the NEXT command invocation are answered from `answers` (see ScriptedDriver) until they run
   * out; the script is dropped when that invocation ends, used or not. Returns the driver, whose `asked` and
   * `rejected` lists show what was asked and which answers failed validation.
   */
  script(answers: string[]): ScriptedDriver;
  /** Every question, put to a script or shown in the real UI (then it is on screen: close it to end the command). */
  readonly onDidAsk: vscode.Event<AskedQuestion>;
}
