// Multi-step input as step objects over a shared partial state, with Back (ARCHITECTURE habit 6). The steps are
// plain data + pure validators; a driver renders them (VS Code quick input, or a test's own driver in Test mode).

export const BACK = Symbol('back');
export type Answer = string | typeof BACK | undefined;

export interface Choice { label: string; value: string; description?: string; detail?: string }

interface BaseStep<S> {
  id: string;
  title: string;
  /** Skipped steps are not asked (e.g. the upload target when the manifest is already in S3). */
  skip?: (state: S) => boolean;
  /** Awaited before `skip` is asked, each time the step comes up: loads what the step depends on into the state. */
  prepare?: (state: S) => Promise<void>;
  apply: (state: S, answer: string) => void;
}

export interface TextStep<S> extends BaseStep<S> {
  kind: 'text';
  /** A function when the prompt depends on earlier answers (e.g. why a list could not be offered). */
  prompt: string | ((state: S) => string);
  placeholder?: string;
  initial?: (state: S) => string;
  validate?: (value: string, state: S) => string | undefined;
}

export interface PickStep<S> extends BaseStep<S> {
  kind: 'pick';
  placeholder: string;
  choices: (state: S) => Promise<Choice[]> | Choice[];
  /** When set, a typed value is accepted if it passes this check (e.g. an S3 URI not in the list). */
  custom?: (value: string, state: S) => string | undefined;
}

export type Step<S> = TextStep<S> | PickStep<S>;

export interface Position { step: number; total: number }

/** One ticked-or-not line of a checklist (e.g. Clean Up's resources); `key` is what the answer names. */
export interface PickManyEntry { key: string; label: string; description?: string; detail?: string; picked: boolean }
export interface PickManyGroup { title: string; entries: readonly PickManyEntry[] }

/** A multi-select checklist, grouped; `add` is a button that asks for a value to add instead of ticking. */
export interface PickMany {
  title: string;
  placeholder: string;
  groups: readonly PickManyGroup[];
  add?: { tooltip: string; title: string; placeholder: string; validate: (value: string) => string | undefined };
}

/** The ticked keys, a value typed through `add`, or undefined when dismissed. */
export type PickManyAnswer = string[] | { added: string } | undefined;

export interface InputDriver {
  text<S>(step: TextStep<S>, state: S, at: Position): Promise<Answer>;
  pick<S>(step: PickStep<S>, choices: Choice[], state: S, at: Position): Promise<Answer>;
  /** A grouped checklist (multi-select), with what comes ticked already ticked. */
  pickMany(list: PickMany): Promise<PickManyAnswer>;
  /** A modal question; resolves to the action chosen, or undefined for Cancel. */
  confirm(message: string, detail: string, actions: string[]): Promise<string | undefined>;
  /** Type-the-name confirmation for costly deletions. */
  typeToConfirm(prompt: string, expected: string): Promise<boolean>;
}

/** Runs the steps in order; Back returns to the previous asked step. False when the user cancelled. */
export async function runSteps<S>(steps: readonly Step<S>[], state: S, driver: InputDriver): Promise<boolean> {
  const asked: number[] = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    if (step === undefined) break;
    await step.prepare?.(state);
    if (step.skip?.(state)) { i += 1; continue; }
    const at = { step: asked.length + 1, total: asked.length + 1 + steps.slice(i + 1).filter((s) => !s.skip?.(state)).length };
    const answer = step.kind === 'text' ? await driver.text(step, state, at) : await driver.pick(step, await step.choices(state), state, at);
    if (answer === undefined) return false;
    if (answer === BACK) { i = asked.pop() ?? 0; continue; }
    step.apply(state, answer);
    asked.push(i);
    i += 1;
  }
  return true;
}
