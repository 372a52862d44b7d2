// Answers wizard steps and confirmations from a list (integration tests, in Test mode only): the same steps,
// validators and Back handling as the quick input, without a person at the keyboard.
// "<back>" goes back a step, "<cancel>" cancels; an answer that fails the step's validation cancels and is recorded.
import { BACK, type Answer, type Choice, type InputDriver, type PickStep, type TextStep } from '../../core/lifecycle/steps';

export class ScriptedDriver implements InputDriver {
  readonly asked: string[] = [];
  readonly rejected: string[] = [];
  /** The choices each pick step offered (by step id, the latest time it was asked): the values, in order. */
  readonly offered: Record<string, string[]> = {};

  /** `onAsk` hears every question as it is asked (tests wait on it instead of sleeping). */
  constructor(private readonly answers: string[], private readonly onAsk?: (question: string) => void) {}

  get exhausted(): boolean { return this.answers.length === 0; }

  private next(what: string): string | undefined {
    this.asked.push(what);
    const answer = this.answers.shift();
    this.onAsk?.(what);
    return answer;
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

  confirm(message: string, detail: string, actions: string[]): Promise<string | undefined> {
    const a = this.next(`confirm: ${message}\n${detail}`);
    return Promise.resolve(a !== undefined && actions.includes(a) ? a : undefined);
  }

  typeToConfirm(prompt: string, expected: string): Promise<boolean> {
    return Promise.resolve(this.next(`type: ${prompt}`) === expected);
  }
}
