// The Provisioned Throughput view: status, model units, commitment and how long it has been billing.
import * as vscode from 'vscode';
import { commitmentConsequence, commitmentLabel } from '../../core/lifecycle/commitment';
import { statusLook } from '../../core/lifecycle/status';
import { billingClockWording } from '../../core/lifecycle/time';
import type { ThroughputSummary } from '../../core/lifecycle/types';
import { contextValueFor } from './contextValues';
import { statusIcon } from './icons';
import type { ResourceKind } from './resourceKind';

export function throughputTreeItem(t: ThroughputSummary, now: Date): vscode.TreeItem {
  const item = new vscode.TreeItem(t.provisionedModelName, vscode.TreeItemCollapsibleState.None);
  const units = t.modelUnits !== undefined ? `${t.modelUnits} MU` : '';
  item.description = [t.status, units, commitmentLabel(t.commitmentDuration), billingClockWording(t, now)].filter((s) => s !== '').join(' · ');
  item.iconPath = statusIcon('throughput', t.status);
  item.contextValue = contextValueFor('throughput', t.status);
  const md = new vscode.MarkdownString('', false);
  md.appendMarkdown(`**${t.provisionedModelName}** — ${t.status}\n\n`);
  md.appendMarkdown('- Model: ').appendText(t.modelArn).appendMarkdown('\n');
  md.appendMarkdown(`- Model units: ${t.modelUnits ?? '?'}\n`);
  md.appendMarkdown('- Commitment: ').appendText(`${commitmentLabel(t.commitmentDuration)}: ${commitmentConsequence(t.commitmentDuration)}`).appendMarkdown('\n');
  if (t.creationTime) md.appendMarkdown(`- Created: ${t.creationTime.toISOString()}\n`);
  if (t.failureMessage) md.appendMarkdown('\n**Failure:** ').appendText(t.failureMessage);
  item.tooltip = md;
  return item;
}

export const throughputsKind: ResourceKind<'throughput'> = {
  kind: 'throughput',
  viewId: 'bedrockCustomizer.throughputs',
  noun: 'provisioned throughputs',
  list: (source, token, size) => source.listThroughputs(token, size),
  refresh: (source, node) => source.getThroughput(node.arn),
  inProgress: (t) => statusLook('throughput', t.status).inProgress,
  fingerprint: (node) => JSON.stringify([node.data.status, node.data.modelUnits, node.data.commitmentDuration, node.data.failureMessage]),
  treeItem(node, now) {
    const item = throughputTreeItem(node.data, now);
    // The same throughput may also appear under its model: distinct ids keep VS Code from merging them.
    item.id = `${node.parent ? 'model-child' : 'throughput'}:${node.arn}`;
    return item;
  },
};
