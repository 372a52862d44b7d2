// What the comparison panels sent and received, for the integration tests (read through the hidden command
// `bedrockCustomizer.compare.testHooks`, registered in Test mode only). Bounded, so a long session does not grow
// it without end.
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../protocol/messages';

const KEEP = 50;

export class PanelProbe implements vscode.Disposable {
  readonly posted: HostMessage[] = [];
  readonly received: WebviewMessage[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires on every message either way, so tests wait on it instead of sleeping. */
  readonly onDidChange = this.changed.event;

  recordPosted(m: HostMessage): void { this.push(this.posted, m); }
  recordReceived(m: WebviewMessage): void { this.push(this.received, m); }

  private push<T>(list: T[], m: T): void {
    list.push(m);
    if (list.length > KEEP) list.shift();
    this.changed.fire();
  }

  dispose(): void { this.changed.dispose(); }
}
