// StatusLook (pure, core) -> ThemeIcon.
import * as vscode from 'vscode';
import { statusLook, type StatusKind } from '../../core/lifecycle/status';

export function statusIcon(kind: StatusKind, status: string | undefined): vscode.ThemeIcon {
  const look = statusLook(kind, status);
  return new vscode.ThemeIcon(look.icon, look.color !== undefined ? new vscode.ThemeColor(look.color) : undefined);
}
