// A status-bar spinner while the explorer watches items in progress (docs/reference/vscode-ux.md: "a status-bar spinner
// for background polling"); hidden when nothing is in progress.
import * as vscode from 'vscode';

export class PollIndicator implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;

  update(watching: number): void {
    if (watching === 0) { this.item?.hide(); return; }
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem('bedrockCustomizer.polling', vscode.StatusBarAlignment.Left, 0);
      this.item.name = 'Bedrock Customizer: watching';
      this.item.command = 'workbench.view.extension.bedrockCustomizer';
    }
    this.item.text = `$(sync~spin) Bedrock: ${watching} in progress`;
    this.item.tooltip = 'Customization jobs, batch inference jobs or provisioned throughputs in progress; their status refreshes by itself.';
    this.item.show();
  }

  dispose(): void { this.item?.dispose(); }
}
