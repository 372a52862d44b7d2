// Test hooks of the lifecycle commands (ExtensionApi.hooks.lifecycle): answer the next prompts from a list.
import type { ScriptedDriver } from './scriptedDriver';

export interface LifecycleHooks {
  /**
   * The next wizard steps and confirmations are answered from `answers` (see ScriptedDriver) until they run out;
   * returns the driver, whose `asked` and `rejected` lists show what was asked and which answers failed validation.
   */
  script(answers: string[]): ScriptedDriver;
}
