// The messages the comparison panels post and receive, as one event: ExtensionApi.testing.compare.onDidMessage
// (Test mode only), which test/support/panelProbe.ts records for the integration tests. Nothing is kept here.
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../protocol/messages';

export type PanelMessage =
  | { readonly direction: 'posted'; readonly message: HostMessage }
  | { readonly direction: 'received'; readonly message: WebviewMessage };

export class PanelTraffic implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<PanelMessage>();
  readonly onDidMessage = this.emitter.event;

  posted(message: HostMessage): void { this.emitter.fire({ direction: 'posted', message }); }
  received(message: WebviewMessage): void { this.emitter.fire({ direction: 'received', message }); }

  dispose(): void { this.emitter.dispose(); }
}
