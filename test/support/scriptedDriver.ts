// Answers wizard steps, checklists and confirmations from a list (unit tests, and integration tests through
// ExtensionApi.testing.answerNextCommandWith, Test mode only): the same steps, validators and Back handling as the
// quick input, without a person at the keyboard.
// "<back>" goes back a step, "<cancel>" cancels; an answer that fails the step's validation cancels and is recorded.
// A checklist takes "<ticked>" (what comes ticked), "+<value>" (the add button, then the value) or keys joined by ",".
import {
  BACK, type Answer, type Choice, type InputDriver, type PickMany, type PickManyAnswer, type PickManyEntry, type PickStep, type TextStep,
} from '../../src/core/lifecycle/steps';

export class ScriptedDriver implements InputDriver {
  readonly asked: string[] = [];
  readonly rejected: string[] = [];
  /** The choices each pick step offered (by step id, the latest time it was asked): the values, in order. */
  readonly offered: Record<string, string[]> = {};
  /** The entries each checklist offered (by title, the latest time it was asked). */
  readonly lists: Record<string, PickManyEntry[]> = {};

  /** In an extension host, the extension's `testing.onDidAsk` hears each question as it is asked. */
  constructor(private readonly answers: string[]) {}

  get exhausted(): boolean { return this.answers.length === 0; }

  private next(what: string): string | undefined {
    this.asked.push(what);
    return this.answers.shift();
  }

  text<S>(step: TextStep<S>, state: S): Promise<Answer> {
    const a = this.next(step.id);
    if (a === undefined || a === '<cancel>') return Promise.resolve(undefined);
    if (a === '<back>') return Promise.resolve(BACK);
    const value = a === '<default>' ? step.initial?.(state) ?? '' : a;
    const problem = step.validate?.(value, state);
    if (problem) { this.rejected.push(`${step.id}: ${problem}`); return Promise.resolve(undefined); }
    return Promise.resolve(value);
  }

  pick<S>(step: PickStep<S>, choices: Choice[], state: S): Promise<Answer> {
    this.offered[step.id] = choices.map((c) => c.value);
    const a = this.next(step.id);
    if (a === undefined || a === '<cancel>') return Promise.resolve(undefined);
    if (a === '<back>') return Promise.resolve(BACK);
    if (choices.some((c) => c.value === a)) return Promise.resolve(a);
    const problem = step.custom ? step.custom(a, state) : `"${a}" is not one of ${choices.map((c) => c.value).join(', ')}`;
    if (problem) { this.rejected.push(`${step.id}: ${problem}`); return Promise.resolve(undefined); }
    return Promise.resolve(a);
  }

  pickMany(list: PickMany): Promise<PickManyAnswer> {
    this.lists[list.title] = list.groups.flatMap((g) => g.entries);
    const a = this.next(`checklist: ${list.title}`);
    if (a === undefined || a === '<cancel>') return Promise.resolve(undefined);
    if (a === '<ticked>') return Promise.resolve(list.groups.flatMap((g) => g.entries.filter((e) => e.picked).map((e) => e.key)));
    if (a.startsWith('+') && list.add) {
      const problem = list.add.validate(a.slice(1));
      if (problem) { this.rejected.push(`checklist: ${problem}`); return Promise.resolve(undefined); }
      return Promise.resolve({ added: a.slice(1) });
    }
    return Promise.resolve(a.split(','));
  }

  confirm(message: string, detail: string, actions: string[]): Promise<string | undefined> {
    const a = this.next(`confirm: ${message}\n${detail}`);
    return Promise.resolve(a !== undefined && actions.includes(a) ? a : undefined);
  }

  typeToConfirm(prompt: string, expected: string): Promise<boolean> {
    return Promise.resolve(this.next(`type: ${prompt}`) === expected);
  }
}
