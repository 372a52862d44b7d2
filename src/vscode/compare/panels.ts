// The open comparison panels: open a report (reusing its panel when already open), and revive panels after a
// window reload from the state the webview saved (the WebviewPanelSerializer path).
import * as vscode from 'vscode';
import type { ViewState } from '../../protocol/messages';
import { ComparePanel, VIEW_TYPE, type PanelDeps } from './panel';

export class ComparePanels implements vscode.Disposable, vscode.WebviewPanelSerializer<ViewState> {
  private readonly open = new Map<string, ComparePanel>();

  constructor(private readonly deps: PanelDeps) {}

  show(report: vscode.Uri): ComparePanel {
    const existing = this.open.get(report.toString());
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Comparison', vscode.ViewColumn.Active, {});
    return this.adopt(panel, report);
  }

  /** Called by VS Code after a reload with the state the webview last passed to setState. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: ViewState | undefined): Promise<void> {
    const reportPath = state?.reportPath;
    if (!reportPath) {
      // A panel from before a report was loaded: nothing to restore it from.
      panel.dispose();
      return;
    }
    this.adopt(panel, vscode.Uri.file(reportPath), state);
  }

  private adopt(panel: vscode.WebviewPanel, report: vscode.Uri, state?: ViewState): ComparePanel {
    const p = new ComparePanel(panel, report, this.deps, state);
    const key = report.toString();
    this.open.set(key, p);
    panel.onDidDispose(() => { if (this.open.get(key) === p) this.open.delete(key); });
    return p;
  }

  get panels(): readonly ComparePanel[] { return [...this.open.values()]; }

  dispose(): void {
    for (const p of this.open.values()) p.panel.dispose();
    this.open.clear();
  }
}
