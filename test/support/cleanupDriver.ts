// Answers Clean Up's questions in integration tests (handed over with ExtensionApi.testing.answerNextCommandWith):
// the checklist (the ticked defaults unless told otherwise), the action, every modal and type-the-name, and records
// what each question showed.
import * as vscode from 'vscode';
import type { Answer, InputDriver, PickMany, PickManyAnswer, PickManyGroup, PickStep } from '../../src/core/lifecycle/steps';
import type { TestingApi } from '../../src/extension';
import type { CleanupOutcome } from '../../src/vscode/cleanup/cleanupFlow';
import { ACTION_STEP, type CleanupAction } from '../../src/vscode/cleanup/questions';

export interface CleanupAnswers {
  /** Preview or Delete; undefined dismisses the action question. */
  action?: CleanupAction;
  /** The checklist's answer (the n-th checklist of the run, from 1); default: what comes ticked. */
  checklist?: (groups: readonly PickManyGroup[], n: number) => PickManyAnswer;
  /** The answer to every modal; default: its first action (Delete). */
  confirm?: boolean;
}

export class CleanupDriver implements InputDriver {
  /** The groups of the latest checklist shown. */
  groups: readonly PickManyGroup[] = [];
  readonly checklists: (readonly PickManyGroup[])[] = [];
  readonly confirmations: { message: string; detail: string }[] = [];
  readonly typed: { name: string }[] = [];

  constructor(private readonly answers: CleanupAnswers = {}) {}

  pickMany(list: PickMany): Promise<PickManyAnswer> {
    this.groups = list.groups;
    this.checklists.push(list.groups);
    const ticked = list.groups.flatMap((g) => g.entries.filter((e) => e.picked).map((e) => e.key));
    return Promise.resolve(this.answers.checklist ? this.answers.checklist(list.groups, this.checklists.length) : ticked);
  }

  pick<S>(step: PickStep<S>): Promise<Answer> {
    return Promise.resolve(step.id === ACTION_STEP ? this.answers.action : undefined);
  }

  text(): Promise<Answer> { return Promise.resolve(undefined); }

  confirm(message: string, detail: string, actions: string[]): Promise<string | undefined> {
    this.confirmations.push({ message, detail });
    return Promise.resolve(this.answers.confirm === false ? undefined : actions[0]);
  }

  typeToConfirm(_prompt: string, expected: string): Promise<boolean> {
    this.typed.push({ name: expected });
    return Promise.resolve(true);
  }
}

/** Runs "Clean Up..." with `driver` answering its questions. */
export async function cleanUp(testing: TestingApi, driver: InputDriver): Promise<CleanupOutcome> {
  testing.answerNextCommandWith(driver);
  return vscode.commands.executeCommand<CleanupOutcome>('bedrockCustomizer.cleanup');
}
