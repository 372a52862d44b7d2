// The ledger's files: appended one whole line per entry (a crash can cut only the last line, which parseLedger
// then skips), read back whole. A missing file is an empty ledger.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside } from '../files/placement';
import { LEDGER_PATH, ledgerLines, parseLedger, type LedgerEntry, type LedgerSink } from './ledger';

/** The ledger file of a workspace folder. */
export function ledgerFileIn(root: string): string {
  return join(resolve(root), LEDGER_PATH);
}

/**
 * Appends entries. With `root`, the file must resolve inside it: a workspace whose `.bedrock-mm` is a link to
 * elsewhere (say, to a shell profile) gets an error, never a line appended there.
 */
export function appendLedger(file: string, entries: readonly LedgerEntry[], root?: string): void {
  if (entries.length === 0) return;
  if (root !== undefined && !isInside(root, file)) throw new Error(`${file} resolves outside ${root} (a symbolic link?): not written`);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, ledgerLines(entries), { flag: 'a' });
}

export function readLedger(file: string): { entries: LedgerEntry[]; problems: string[] } {
  if (!existsSync(file)) return { entries: [], problems: [] };
  const { entries, problems } = parseLedger(readFileSync(file, 'utf8'));
  return { entries, problems: problems.map((p) => `${file}: ${p}`) };
}

/** A sink that appends every entry to a folder's ledger (`root`/.bedrock-mm/ledger.jsonl), kept inside `root`. */
export function folderLedger(root: string): LedgerSink {
  return { record: async (entries) => { appendLedger(ledgerFileIn(root), entries, root); } };
}
