// Renders wizard steps with VS Code's quick input: a step counter, a Back button, validation as you type; the
// checklists (Clean Up) as a multi-select quick pick; confirmations as modals.
import * as vscode from 'vscode';
import { checkTypedName } from '../../core/cleanup/confirm';
import {
  BACK, type Answer, type Choice, type InputDriver, type PickMany, type PickManyAnswer, type PickStep, type Position, type TextStep,
} from '../../core/lifecycle/steps';

export class VsCodeDriver implements InputDriver {
  text<S>(step: TextStep<S>, state: S, at: Position): Promise<Answer> {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.step = at.step;
    box.totalSteps = at.total;
    box.prompt = typeof step.prompt === 'function' ? step.prompt(state) : step.prompt;
    box.placeholder = step.placeholder ?? '';
    box.value = step.initial?.(state) ?? '';
    box.ignoreFocusOut = true;
    box.buttons = at.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const check = (v: string): string | undefined => step.validate?.(v, state);
    box.validationMessage = box.value !== '' ? check(box.value) : undefined;
    return new Promise<Answer>((resolve) => {
      let done = false;
      const finish = (a: Answer): void => { if (!done) { done = true; resolve(a); box.dispose(); } };
      box.onDidChangeValue((v) => { box.validationMessage = check(v); });
      box.onDidTriggerButton((b) => { if (b === vscode.QuickInputButtons.Back) finish(BACK); });
      box.onDidAccept(() => {
        const message = check(box.value);
        if (message) { box.validationMessage = message; return; }
        finish(box.value);
      });
      box.onDidHide(() => finish(undefined));
      box.show();
    });
  }

  pick<S>(step: PickStep<S>, choices: Choice[], state: S, at: Position): Promise<Answer> {
    type Item = vscode.QuickPickItem & { value: string };
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = step.title;
    qp.step = at.step;
    qp.totalSteps = at.total;
    qp.placeholder = step.placeholder;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = true;
    qp.buttons = at.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const base: Item[] = choices.map((c) => ({ label: c.label, value: c.value, description: c.description ?? '', detail: c.detail ?? '' }));
    qp.items = base;
    return new Promise<Answer>((resolve) => {
      let done = false;
      const finish = (a: Answer): void => { if (!done) { done = true; resolve(a); qp.dispose(); } };
      if (step.custom) {
        // A typed value (e.g. an S3 URI) becomes the first item, with its problem shown when it is not valid.
        qp.onDidChangeValue((v) => {
          if (v.trim() === '') { qp.items = base; return; }
          const problem = step.custom?.(v.trim(), state);
          qp.items = [{ label: `Use "${v.trim()}"`, value: v.trim(), description: '', detail: problem ?? '', alwaysShow: true }, ...base];
        });
      }
      qp.onDidTriggerButton((b) => { if (b === vscode.QuickInputButtons.Back) finish(BACK); });
      qp.onDidAccept(() => {
        const picked = qp.selectedItems[0];
        if (!picked) return;
        if (step.custom && !base.includes(picked) && step.custom(picked.value, state)) return;
        finish(picked.value);
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  }

  pickMany(list: PickMany): Promise<PickManyAnswer> {
    interface Keyed extends vscode.QuickPickItem { key?: string }
    const qp = vscode.window.createQuickPick<Keyed>();
    const add = list.add;
    const addButton: vscode.QuickInputButton | undefined = add ? { iconPath: new vscode.ThemeIcon('add'), tooltip: add.tooltip } : undefined;
    qp.buttons = addButton ? [addButton] : [];
    qp.title = list.title;
    qp.placeholder = list.placeholder;
    qp.canSelectMany = true;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    const items: Keyed[] = list.groups.flatMap((g) => [
      { label: g.title, kind: vscode.QuickPickItemKind.Separator },
      ...g.entries.map((e) => ({ key: e.key, label: e.label, description: e.description, detail: e.detail, picked: e.picked })),
    ]);
    qp.items = items;
    qp.selectedItems = items.filter((i) => i.picked);
    return new Promise((resolve) => {
      let done = false;
      qp.onDidAccept(() => { done = true; resolve(qp.selectedItems.flatMap((i) => (i.key ? [i.key] : []))); qp.hide(); });
      qp.onDidTriggerButton(async () => {
        if (!add) return;
        done = true;
        qp.hide();
        const value = await vscode.window.showInputBox({ title: add.title, placeHolder: add.placeholder, ignoreFocusOut: true, validateInput: add.validate });
        resolve(value === undefined ? undefined : { added: value.trim() });
      });
      qp.onDidHide(() => { if (!done) resolve(undefined); qp.dispose(); });
      qp.show();
    });
  }

  async confirm(message: string, detail: string, actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  }

  async typeToConfirm(prompt: string, expected: string): Promise<boolean> {
    // One rule for every type-the-name (lifecycle deletions and Clean Up): surrounding spaces do not count.
    const typed = await vscode.window.showInputBox({
      title: 'Confirm by typing the name', prompt, placeHolder: expected, ignoreFocusOut: true,
      validateInput: (v) => (v === '' ? undefined : checkTypedName(expected, v)),
    });
    return typed !== undefined && checkTypedName(expected, typed) === undefined;
  }
}
