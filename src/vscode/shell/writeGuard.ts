// Every file the extension writes goes through here first: inside the workspace folder and not replacing
// someone else's file, it is written without a question; otherwise the user is asked (a modal through the one
// Input driver, so integration tests can answer it), or picks another place in a save dialog.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InputDriver } from '../../core/lifecycle/steps';
import { describeIssue, writeIssues, type WriteIssue } from '../../core/files/placement';

export const WRITE_OUTSIDE = 'Write Outside the Workspace';
export const REPLACE = 'Replace';
export const SAVE_ELSEWHERE = 'Save Elsewhere...';

/** The folder writes for `uri` must stay in: its workspace folder, else the first one, else its own folder. */
export function rootFor(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? folder.uri.fsPath : path.dirname(uri.fsPath);
}

function question(issues: WriteIssue[], what: string): { message: string; detail: string; action: string } {
  const outside = issues.some((i) => i.kind === 'outside');
  return {
    message: outside ? `Write ${what} outside the workspace folder?` : `Replace an existing file with ${what}?`,
    detail: `${issues.map(describeIssue).join('\n')}\n\nNothing is written unless you choose "${outside ? WRITE_OUTSIDE : REPLACE}".`,
    action: outside ? WRITE_OUTSIDE : REPLACE,
  };
}

/** One modal for all of `issues` (none: true without asking). True only when the user chose to write. */
export async function approveWrites(driver: InputDriver, issues: WriteIssue[], what: string): Promise<boolean> {
  if (issues.length === 0) return true;
  const q = question(issues, what);
  return (await driver.confirm(q.message, q.detail, [q.action])) === q.action;
}

export interface PlaceOptions {
  root: string;
  /** Recognises a file this extension wrote earlier (replaced without asking). */
  isOurs: (file: string) => boolean;
  /** What is written, for the question: "the comparison report". */
  what: string;
  driver: InputDriver;
  /** Offer a save dialog instead (its own overwrite prompt is the operating system's). */
  filters?: Record<string, string[]>;
}

/** Where to write `target`: itself when free or approved, the file the user picked instead, or undefined. */
export async function placeWrite(target: vscode.Uri, o: PlaceOptions): Promise<vscode.Uri | undefined> {
  const issues = writeIssues(o.root, target.fsPath, o.isOurs);
  if (issues.length === 0) return target;
  const q = question(issues, o.what);
  const actions = o.filters ? [q.action, SAVE_ELSEWHERE] : [q.action];
  const choice = await o.driver.confirm(q.message, q.detail, actions);
  if (choice === q.action) return target;
  if (choice !== SAVE_ELSEWHERE) return undefined;
  const defaultUri = vscode.Uri.file(path.join(o.root, path.basename(target.fsPath)));
  return vscode.window.showSaveDialog({ defaultUri, ...(o.filters ? { filters: o.filters } : {}), title: `Save ${o.what}` });
}
