// Every question the clean-up asks, behind one interface: users get native quick picks, input boxes and a modal;
// the integration test (Test mode only, see registerCleanup) answers through its own implementation and still runs
// the real command.
import * as vscode from 'vscode';
import { checkTypedName, type Confirmation, type TypeNameCheck } from '../../core/cleanup/confirm';
import { parseS3Prefix } from '../../core/cleanup/plan';
import type { ChecklistGroup } from '../../core/cleanup/presentation';

export type CleanupAction = 'preview' | 'delete';

/** The checklist's answer: the ticked keys, or a request to add an S3 prefix by hand first. */
export type PickAnswer = string[] | { addPrefix: string };

export interface CleanupPrompter {
  /** The checklist; resolves with the ticked keys (or a prefix to add), or undefined when dismissed. */
  pickResources(groups: ChecklistGroup[], region: string): Promise<PickAnswer | undefined>;
  chooseAction(ticked: number): Promise<CleanupAction | undefined>;
  /** One modal for the whole plan. */
  confirm(confirmation: Confirmation): Promise<boolean>;
  /** Type-the-name for one costly resource. */
  typeName(check: TypeNameCheck): Promise<boolean>;
}

interface KeyedItem extends vscode.QuickPickItem { key?: string }

export class NativePrompter implements CleanupPrompter {
  pickResources(groups: ChecklistGroup[], region: string): Promise<PickAnswer | undefined> {
    const qp = vscode.window.createQuickPick<KeyedItem>();
    const addButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('add'), tooltip: 'Add S3 prefix...' };
    qp.buttons = [addButton];
    qp.title = `Clean Up (${region}): tick what to delete`;
    qp.placeholder = 'Ticked: what this work provably created. Enter to continue; nothing is deleted before you confirm.';
    qp.canSelectMany = true;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    const items: KeyedItem[] = groups.flatMap((g) => [
      { label: g.title, kind: vscode.QuickPickItemKind.Separator },
      ...g.entries.map((e) => ({ key: e.key, label: e.label, description: e.description, detail: e.detail, picked: e.picked })),
    ]);
    qp.items = items;
    qp.selectedItems = items.filter((i) => i.picked);
    return new Promise((resolve) => {
      let done = false;
      qp.onDidAccept(() => { done = true; resolve(qp.selectedItems.flatMap((i) => (i.key ? [i.key] : []))); qp.hide(); });
      qp.onDidTriggerButton(async () => {
        done = true;
        qp.hide();
        const uri = await vscode.window.showInputBox({
          title: 'Add an S3 prefix to clean up', placeHolder: 's3://bucket/prefix/', ignoreFocusOut: true,
          validateInput: (v) => s3PrefixProblem(v),
        });
        resolve(uri === undefined ? undefined : { addPrefix: uri.trim() });
      });
      qp.onDidHide(() => { if (!done) resolve(undefined); qp.dispose(); });
      qp.show();
    });
  }

  async chooseAction(ticked: number): Promise<CleanupAction | undefined> {
    const pick = await vscode.window.showQuickPick([
      { label: 'Preview', description: 'dry run: open the plan as JSON, touch nothing', action: 'preview' as const },
      { label: `Delete ${ticked} resource${ticked === 1 ? '' : 's'}`, description: 'in dependency order, then verify each is gone', action: 'delete' as const },
    ], { title: 'Clean Up', placeHolder: 'Preview the plan or delete now?' });
    return pick?.action;
  }

  async confirm(c: Confirmation): Promise<boolean> {
    const ok = await vscode.window.showWarningMessage(c.message, { modal: true, detail: c.detail }, 'Delete');
    return ok === 'Delete';
  }

  async typeName(check: TypeNameCheck): Promise<boolean> {
    const typed = await vscode.window.showInputBox({
      title: 'Confirm by typing the name',
      prompt: `${check.why} Type ${check.name} to delete it.`,
      placeHolder: check.name,
      ignoreFocusOut: true,
      validateInput: (v) => checkTypedName(check.name, v),
    });
    return typed !== undefined && checkTypedName(check.name, typed) === undefined;
  }
}

/**
 * A prompter passed as a command argument (tests); anything else (e.g. a tree node) is ignored. The caller decides
 * whether to honour it: only in Test mode.
 */
export function prompterFrom(arg: unknown): CleanupPrompter | undefined {
  const p = (arg as { prompter?: Partial<CleanupPrompter> } | undefined)?.prompter;
  return p && typeof p.pickResources === 'function' && typeof p.chooseAction === 'function'
    && typeof p.confirm === 'function' && typeof p.typeName === 'function' ? (p as CleanupPrompter) : undefined;
}

/** Why a typed S3 prefix cannot be cleaned up, or undefined. A bare bucket is refused: a clean-up never empties one. */
export function s3PrefixProblem(text: string): string | undefined {
  const p = parseS3Prefix(text);
  if (!p) return 'Write it as s3://bucket/prefix/';
  return p.prefix === '' ? 'Name a prefix inside the bucket: a clean-up never empties a whole bucket.' : undefined;
}
