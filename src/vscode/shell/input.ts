// Where every question the extension asks a person goes (wizard steps, checklists, confirmations, type-the-name):
// VS Code's quick input and modals. In Test mode only, a test may hand its own InputDriver to the next command
// invocation (ExtensionApi.testing.answerNextCommandWith); that driver belongs to ONE invocation and is dropped when
// it ends, used or not, so an answer a failed command never used cannot confirm the next, real one.
import { AsyncLocalStorage } from 'node:async_hooks';
import * as vscode from 'vscode';
import type { InputDriver } from '../../core/lifecycle/steps';
import { VsCodeDriver } from '../jobs/vscodeDriver';

/** A question as it was asked (step id, `confirm: message\ndetail` or `type: prompt`), and who answered it. */
export interface AskedQuestion {
  readonly question: string;
  readonly by: 'script' | 'user';
}

/** A test's driver: it answers until it says it is `exhausted`; the invocation's other questions go to the real UI. */
export interface TestDriver extends InputDriver {
  readonly exhausted?: boolean;
}

/** The test driver of one command invocation (and the same, reporting each question); emptied when it ends. */
interface Invocation { given: { raw: TestDriver; observed: InputDriver } | undefined }

export class Input implements vscode.Disposable {
  private readonly asked = new vscode.EventEmitter<AskedQuestion>();
  /** Test mode: fires when a question is put to a test's driver or shown in the real UI (tests wait on it). */
  readonly onDidAsk = this.asked.event;
  private readonly interactive: InputDriver;
  /** Queued by a test for the next invocation that starts; taken (and so cleared) when it starts. */
  private pending: Invocation['given'];
  // Async context, not a field: two invocations running at once (a double click) each see only their own driver.
  private readonly current = new AsyncLocalStorage<Invocation>();

  constructor(private readonly testMode: boolean) {
    const real = new VsCodeDriver();
    this.interactive = testMode ? observed(real, (question) => this.asked.fire({ question, by: 'user' })) : real;
  }

  /** The driver for the question being asked now: the invocation's test driver while it answers, else the real UI. */
  driver(): InputDriver {
    const given = this.current.getStore()?.given;
    return given && given.raw.exhausted !== true ? given.observed : this.interactive;
  }

  /**
   * Runs one command invocation: it takes the pending driver (if any) and drops it at the end, used or not.
   * An invocation started inside another (a command running a command) is part of the same one. The command
   * registry (src/vscode/commands/registry.ts) runs every command through here.
   */
  async invocation<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return fn();
    const scope: Invocation = { given: this.pending };
    this.pending = undefined;
    try {
      return await this.current.run(scope, fn);
    } finally {
      scope.given = undefined; // work the invocation left running must not answer from it either
    }
  }

  /** Test mode only: the next command invocation's questions go to `driver` (replacing one queued and unused). */
  answerNextWith(driver: TestDriver): void {
    if (!this.testMode) throw new Error('A test driver exists only in Test mode.');
    this.pending = { raw: driver, observed: observed(driver, (question) => this.asked.fire({ question, by: 'script' })) };
  }

  dispose(): void { this.asked.dispose(); }
}

/** A driver reporting each question once it is asked (on screen for the real UI: tests wait for it, or close it). */
function observed(inner: InputDriver, onAsk: (question: string) => void): InputDriver {
  const after = <T>(question: string, shown: Promise<T>): Promise<T> => { onAsk(question); return shown; };
  return {
    text: (step, state, at) => after(step.id, inner.text(step, state, at)),
    pick: (step, choices, state, at) => after(step.id, inner.pick(step, choices, state, at)),
    pickMany: (list) => after(`checklist: ${list.title}`, inner.pickMany(list)),
    confirm: (message, detail, actions) => after(`confirm: ${message}\n${detail}`, inner.confirm(message, detail, actions)),
    typeToConfirm: (prompt, expected) => after(`type: ${prompt}`, inner.typeToConfirm(prompt, expected)),
  };
}
