// Writes what was just created to the ledger. A failed write must not hide the resource: it is billed either way,
// so the user is told it was created and that Clean Up finds it by its tag.
import * as vscode from 'vscode';
import type { LedgerEntry, LedgerSink } from '../../core/cleanup/ledger';
import type { Log } from './log';

export async function recordCreated(ledger: LedgerSink, log: Log, entries: () => LedgerEntry[]): Promise<void> {
  try {
    await ledger.record(entries());
  } catch (err) {
    const message = `Created, but not recorded in the ledger (.bedrock-mm/ledger.jsonl): ${err instanceof Error ? err.message : String(err)}. Clean Up still finds it by its created-by tag.`;
    log.warn(message);
    void vscode.window.showWarningMessage(message);
  }
}
