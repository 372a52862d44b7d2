// The ledger's files: appended one whole line per entry (a crash can cut only the last line, which parseLedger
// then skips), read back whole. A missing file is an empty ledger.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ledgerLines, parseLedger, type LedgerEntry, type LedgerSink } from './ledger';

export function appendLedger(file: string, entries: readonly LedgerEntry[]): void {
  if (entries.length === 0) return;
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, ledgerLines(entries), { flag: 'a' });
}

export function readLedger(file: string): { entries: LedgerEntry[]; problems: string[] } {
  if (!existsSync(file)) return { entries: [], problems: [] };
  const { entries, problems } = parseLedger(readFileSync(file, 'utf8'));
  return { entries, problems: problems.map((p) => `${file}: ${p}`) };
}

/** A sink that appends every entry to each of these files (the workspace ledger and its mirror). */
export function fileLedger(files: readonly string[]): LedgerSink {
  return { record: async (entries) => { for (const f of files) appendLedger(f, entries); } };
}
