// The extension's ledger of what it created (src/core/cleanup/ledger.ts): appended to the workspace's
// `.bedrock-mm/ledger.jsonl` (with the first workspace folder) and mirrored in the extension's global storage, so a
// deleted or re-cloned workspace file does not lose the record. Read back by Clean Up.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { LedgerEntry, LedgerSink } from '../../core/cleanup/ledger';
import { appendLedger, ledgerFileIn, readLedger } from '../../core/cleanup/ledgerFile';

export interface LedgerRead {
  /** Entries in the workspace file only when they are also mirrored (written by this VS Code) are in `mirrored`. */
  workspace: LedgerEntry[];
  mirrored: LedgerEntry[];
  problems: string[];
}

export class ExtensionLedger implements LedgerSink {
  constructor(
    private readonly globalStorage: vscode.Uri,
    private readonly workspaceFolder: () => vscode.Uri | undefined,
  ) {}

  private files(): { root?: string; workspace?: string; mirror: string } {
    const folder = this.workspaceFolder();
    return {
      ...(folder?.scheme === 'file' ? { root: folder.fsPath, workspace: ledgerFileIn(folder.fsPath) } : {}),
      mirror: path.join(this.globalStorage.fsPath, 'ledger.jsonl'),
    };
  }

  /** The mirror first: the extension's own record must not depend on what the workspace's folder allows. */
  record(entries: readonly LedgerEntry[]): Promise<void> {
    const f = this.files();
    appendLedger(f.mirror, entries);
    if (f.workspace) appendLedger(f.workspace, entries, f.root);
    return Promise.resolve();
  }

  read(): LedgerRead {
    const f = this.files();
    const ws = f.workspace ? readLedger(f.workspace) : { entries: [], problems: [] };
    const mirror = readLedger(f.mirror);
    return { workspace: ws.entries, mirrored: mirror.entries, problems: [...ws.problems, ...mirror.problems] };
  }
}
