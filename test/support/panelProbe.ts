// What the comparison panels sent and received, recorded from ExtensionApi.testing.compare.onDidMessage for the
// integration tests. Bounded, so a long run does not grow it without end.
import * as vscode from 'vscode';
import type { HostMessage, HostNotifications, WebviewMessage } from '../../src/protocol/messages';
import type { TestingApi } from '../../src/extension';

/** Enough for a report and its streamed thumbnail messages. */
const KEEP = 200;

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

/**
 * The thumbnails the `nth` report posted for `source` ended with: its report message's, merged with the streamed
 * `thumbnails` messages after it; undefined until the host says `done` (or posted none pending).
 */
export function receivedThumbnails(posted: readonly HostMessage[], source: string, nth = 0): { thumbnails: Record<string, string>; thumbnailProblems: Record<string, string> } | undefined {
  const at = posted.map((m, i) => (m.kind === 'notify' && m.type === 'report' && m.payload.source === source ? i : -1)).filter((i) => i >= 0)[nth];
  const report = at === undefined ? undefined : posted[at];
  if (!report || report.kind !== 'notify' || report.type !== 'report') return undefined;
  const out = { thumbnails: { ...report.payload.thumbnails }, thumbnailProblems: { ...report.payload.thumbnailProblems } };
  if ((report.payload.thumbnailsPending ?? []).length === 0) return out;
  for (const m of posted.slice((at as number) + 1)) {
    if (m.kind !== 'notify' || m.type === 'error' || m.payload.source !== source) continue;
    if (m.type === 'report') return undefined; // a newer report of the same file: its own stream
    const t: HostNotifications['thumbnails'] = m.payload;
    Object.assign(out.thumbnails, t.thumbnails);
    Object.assign(out.thumbnailProblems, t.thumbnailProblems);
    if (t.done) return out;
  }
  return undefined;
}
