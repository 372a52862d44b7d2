// Where every question the extension asks a person goes (wizard steps, confirmations, type-the-name): VS Code's
// quick input and modals. Integration tests answer through a scripted driver (hooks.lifecycle.script).
import type { InputDriver } from '../../core/lifecycle/steps';
import { ScriptedDriver } from '../jobs/scriptedDriver';
import { VsCodeDriver } from '../jobs/vscodeDriver';

export class Input {
  private readonly interactive = new VsCodeDriver();
  private scripted: ScriptedDriver | undefined;

  /** The driver for the question being asked now. */
  driver(): InputDriver {
    if (this.scripted && !this.scripted.exhausted) return this.scripted;
    this.scripted = undefined;
    return this.interactive;
  }

  /** Tests: the next questions are answered from `answers`. */
  script(answers: string[]): ScriptedDriver {
    return (this.scripted = new ScriptedDriver(answers));
  }
}
