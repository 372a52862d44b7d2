// What the comparison panels sent and received, recorded from ExtensionApi.testing.compare.onDidMessage for the
// integration tests. Bounded, so a long run does not grow it without end.
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../src/protocol/messages';
import type { TestingApi } from '../../src/extension';

const KEEP = 50;

export class PanelProbe implements vscode.Disposable {
  readonly posted: HostMessage[] = [];
  readonly received: WebviewMessage[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires on every message either way, so tests wait on it instead of sleeping. */
  readonly onDidChange = this.changed.event;
  private readonly listening: vscode.Disposable;

  constructor(compare: NonNullable<TestingApi['compare']>) {
    this.listening = compare.onDidMessage((m) => {
      if (m.direction === 'posted') this.push(this.posted, m.message);
      else this.push(this.received, m.message);
    });
  }

  private push<T>(list: T[], m: T): void {
    list.push(m);
    if (list.length > KEEP) list.shift();
    this.changed.fire();
  }

  dispose(): void { this.listening.dispose(); this.changed.dispose(); }
}

/** `testing.compare` with a probe listening from now on (dispose the probe when done). */
export type CompareHooks = NonNullable<TestingApi['compare']> & { readonly probe: PanelProbe };

export function compareHooks(testing: TestingApi): CompareHooks {
  const compare = testing.compare;
  if (!compare) throw new Error('Test mode has the compare hooks');
  return { ...compare, probe: new PanelProbe(compare) };
}
