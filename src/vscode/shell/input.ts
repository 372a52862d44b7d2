// Where every question the extension asks a person goes (wizard steps, confirmations, type-the-name): VS Code's
// quick input and modals. In Test mode only, integration tests may answer through a scripted driver
// (hooks.lifecycle.script); a script belongs to ONE command invocation and is dropped when it ends, used or not,
// so an answer a failed command never used cannot confirm the next, real one.
import { AsyncLocalStorage } from 'node:async_hooks';
import * as vscode from 'vscode';
import type { Answer, Choice, InputDriver, PickStep, Position, TextStep } from '../../core/lifecycle/steps';
import { ScriptedDriver } from '../jobs/scriptedDriver';
import { VsCodeDriver } from '../jobs/vscodeDriver';

/** A question as it was asked (the same labels as ScriptedDriver.asked), and who answered it. */
export interface AskedQuestion {
  readonly question: string;
  readonly by: 'script' | 'user';
}

/** The script of one command invocation; emptied when the invocation ends. */
interface Invocation { script: ScriptedDriver | undefined }

export class Input implements vscode.Disposable {
  private readonly asked = new vscode.EventEmitter<AskedQuestion>();
  /** Test mode: fires when a question is put to the script or shown in the real UI (tests wait on it). */
  readonly onDidAsk = this.asked.event;
  private readonly interactive: InputDriver;
  /** Queued by a test for the next invocation that starts; taken (and so cleared) when it starts. */
  private pending: ScriptedDriver | undefined;
  // Async context, not a field: two invocations running at once (a double click) each see only their own script.
  private readonly current = new AsyncLocalStorage<Invocation>();

  constructor(private readonly testMode: boolean) {
    const real = new VsCodeDriver();
    this.interactive = testMode ? observed(real, (question) => this.asked.fire({ question, by: 'user' })) : real;
  }

  /** The driver for the question being asked now: the invocation's script while it has answers, else the real UI. */
  driver(): InputDriver {
    const script = this.current.getStore()?.script;
    return script && !script.exhausted ? script : this.interactive;
  }

  /**
   * Runs one command invocation: it takes the pending script (if any) and drops it at the end, used or not.
   * An invocation started inside another (a command running a command) is part of the same one. The command
   * registry (src/vscode/commands/registry.ts) runs every command through here.
   */
  async invocation<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return fn();
    const scope: Invocation = { script: this.pending };
    this.pending = undefined;
    try {
      return await this.current.run(scope, fn);
    } finally {
      scope.script = undefined; // work the invocation left running must not answer from it either
    }
  }

  /** Test mode only: the next command invocation's questions are answered from `answers`. */
  script(answers: string[]): ScriptedDriver {
    if (!this.testMode) throw new Error('Scripted answers exist only in Test mode.');
    return (this.pending = new ScriptedDriver(answers, (question) => this.asked.fire({ question, by: 'script' })));
  }

  dispose(): void { this.asked.dispose(); }
}

/** The real driver, reporting each question once it is on screen (for tests that close it). */
function observed(real: InputDriver, onAsk: (question: string) => void): InputDriver {
  const after = <T>(question: string, shown: Promise<T>): Promise<T> => { onAsk(question); return shown; };
  return {
    text: <S>(step: TextStep<S>, state: S, at: Position): Promise<Answer> => after(step.id, real.text(step, state, at)),
    pick: <S>(step: PickStep<S>, choices: Choice[], state: S, at: Position): Promise<Answer> => after(step.id, real.pick(step, choices, state, at)),
    confirm: (message, detail, actions) => after(`confirm: ${message}\n${detail}`, real.confirm(message, detail, actions)),
    typeToConfirm: (prompt, expected) => after(`type: ${prompt}`, real.typeToConfirm(prompt, expected)),
  };
}
