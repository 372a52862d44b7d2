// The Custom Models view: base model and age; children are its training loss and the throughputs serving it.
import * as vscode from 'vscode';
import { formatAge } from '../../core/lifecycle/time';
import { ContextValue, contextValueFor } from './contextValues';
import { statusIcon } from './icons';
import { InfoNode, ResourceNode, type ExplorerNode } from './nodes';
import type { ResourceKind } from './resourceKind';

/** List summaries carry no status: a listed model is Active unless a Get said otherwise. */
const statusOf = (m: { modelStatus?: string }): string => m.modelStatus ?? 'Active';

export const modelsKind: ResourceKind<'model'> = {
  kind: 'model',
  viewId: 'bedrockCustomizer.models',
  noun: 'custom models',
  list: (source, token, size) => source.listModels(token, size),
  refresh: (source, node) => source.getModel(node.arn),
  inProgress: (m) => statusOf(m) === 'Creating',
  fingerprint: (node) => JSON.stringify([statusOf(node.data), node.data.trainingLoss, node.data.modelName]),
  treeItem(node, now) {
    const m = node.data;
    const item = new vscode.TreeItem(m.modelName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `model:${m.modelArn}`;
    const base = m.baseModelName ?? m.baseModelArn?.split('/').pop() ?? '';
    item.description = [base, m.creationTime ? `created ${formatAge(m.creationTime, now)}` : ''].filter((s) => s !== '').join(' · ');
    item.iconPath = statusIcon('model', statusOf(m));
    item.contextValue = contextValueFor('model', statusOf(m));
    item.tooltip = `${m.modelName}\n${m.modelArn}\nBase model: ${m.baseModelArn ?? 'unknown'}\nCreated: ${m.creationTime?.toISOString() ?? 'unknown'}`;
    return item;
  },
  async children(source, node): Promise<ExplorerNode[]> {
    const [model, throughputs] = await Promise.all([source.getModel(node.arn), source.throughputsForModel(node.arn)]);
    const out: ExplorerNode[] = [];
    out.push(new InfoNode('Training loss', model.trainingLoss !== undefined ? model.trainingLoss.toPrecision(4) : 'not reported',
      { id: 'graph-line' }, ContextValue.Info, model.jobArn ? `From job ${model.jobArn}` : undefined));
    for (const t of throughputs) out.push(new ResourceNode('throughput', t, node));
    if (throughputs.length === 0) {
      out.push(new InfoNode('No provisioned throughput', 'provision one to invoke this model', { id: 'info' }, ContextValue.Info));
    }
    return out;
  },
};
