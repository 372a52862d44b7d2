// The Batch Inference Jobs view: status, records processed/total and errors, model, age, and whether this work
// submitted it (the ledger, else our tag). The list's summaries carry the counts, so a poll is one Get per job.
import * as vscode from 'vscode';
import { statusWords } from '../../core/eval/batch/status';
import { batchJobDescription, recordWording } from '../../core/lifecycle/batchJobWording';
import { statusLook } from '../../core/lifecycle/status';
import type { BatchJobSummary } from '../../core/lifecycle/types';
import type { BatchOwners } from './batchOwners';
import { contextValueFor } from './contextValues';
import { statusIcon } from './icons';
import type { ResourceKind } from './resourceKind';
import type { ExplorerSource } from './source';

/** Our tag, asked only for jobs the ledger does not know; a refused ListTagsForResource leaves it unknown. */
export async function withOwnership(source: ExplorerSource, items: BatchJobSummary[], ledger: Set<string>): Promise<BatchJobSummary[]> {
  return Promise.all(items.map(async (j) => {
    if (ledger.has(j.jobArn)) return { ...j, ours: 'ledger' as const };
    const tagged = await source.hasOurTag(j.jobArn).catch(() => false);
    return tagged ? { ...j, ours: 'tag' as const } : j;
  }));
}

function tooltip(j: BatchJobSummary, spec: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.appendMarkdown(`**${j.jobName}** — ${j.status}: `).appendText(statusWords(j.status)).appendMarkdown('\n\n');
  const rows: [string, string | undefined][] = [
    ['Model', j.modelId],
    ['Records', recordWording(j) || undefined],
    ['Succeeded', j.successRecordCount?.toString()],
    ['Failed records', j.errorRecordCount?.toString()],
    ['Submitted', j.submitTime?.toISOString()],
    ['Ended', j.endTime?.toISOString()],
    ['Input', j.inputDataUri],
    ['Output', j.outputDataUri],
    ['Submitted by this extension', j.ours === 'ledger' ? 'yes (in the ledger)' : j.ours === 'tag' ? 'yes (tagged created-by=bedrock-mm-customizer)' : 'not known to be'],
    ['Comparison', spec ? vscode.workspace.asRelativePath(spec) : undefined],
  ];
  for (const [k, v] of rows) if (v !== undefined && v !== '') md.appendMarkdown(`- ${k}: `).appendText(v).appendMarkdown('\n');
  if (j.message) md.appendMarkdown('\n**Message:** ').appendText(j.message);
  return md;
}

export function batchJobsKind(owners: BatchOwners): ResourceKind<'batchJob'> {
  return {
    kind: 'batchJob',
    viewId: 'bedrockCustomizer.batchJobs',
    noun: 'batch inference jobs',
    async list(source, token, size) {
      const page = await source.listBatchJobs(token, size);
      return { items: await withOwnership(source, page.items, owners.ledgerArns()), ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}) };
    },
    async refresh(source, node) {
      const fresh = await source.getBatchJob(node.arn);
      return node.data.ours ? { ...fresh, ours: node.data.ours } : fresh;
    },
    inProgress: (j) => statusLook('batchJob', j.status).inProgress,
    fingerprint: (node) => JSON.stringify([node.data.status, node.data.processedRecordCount, node.data.totalRecordCount, node.data.errorRecordCount, node.data.message, node.data.ours]),
    treeItem(node, now) {
      const j = node.data;
      const item = new vscode.TreeItem(j.jobName, vscode.TreeItemCollapsibleState.None);
      item.id = `batchJob:${j.jobArn}`;
      item.description = batchJobDescription(j, now);
      item.iconPath = statusIcon('batchJob', j.status);
      item.contextValue = contextValueFor('batchJob', j.status);
      return item;
    },
    async tooltip(_source, node) {
      return tooltip(node.data, await owners.comparisonOf(node.arn));
    },
  };
}
