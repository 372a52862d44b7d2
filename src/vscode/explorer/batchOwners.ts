// What the Batch Inference Jobs view knows about a job beyond AWS: whether this work submitted it (the ledger, read
// once per listed page) and which comparison in the workspace it belongs to (a jobs file next to its spec).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { JOBS_FILE_GLOB, recordsJob, specCandidates } from '../../core/eval/batch/jobOwner';
import type { ExtensionLedger } from '../shell/ledger';

export interface BatchOwners {
  /** ARNs of the batch jobs the ledger records (workspace file and the extension's mirror). */
  ledgerArns(): Set<string>;
  /** The compare spec whose jobs file records `jobArn`, if one is in the workspace. */
  comparisonOf(jobArn: string): Promise<string | undefined>;
}

export const NO_OWNERS: BatchOwners = { ledgerArns: () => new Set(), comparisonOf: () => Promise.resolve(undefined) };

export function workspaceBatchOwners(ledger: ExtensionLedger): BatchOwners {
  return {
    ledgerArns() {
      const read = ledger.read();
      return new Set([...read.workspace, ...read.mirrored].filter((e) => e.kind === 'batch-job').map((e) => e.identity.arn ?? '').filter((a) => a !== ''));
    },
    async comparisonOf(jobArn) {
      for (const file of await vscode.workspace.findFiles(JOBS_FILE_GLOB, '**/node_modules/**', 500)) {
        if (file.scheme !== 'file' || !recordsJob(await readFile(file.fsPath, 'utf8').catch(() => undefined), jobArn)) continue;
        const spec = specCandidates(file.fsPath).find((c) => existsSync(c));
        if (spec) return spec;
      }
      return undefined;
    },
  };
}
