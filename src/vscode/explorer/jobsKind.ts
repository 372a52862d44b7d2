// The Customization Jobs view: one item per job with status icon and timing, sub-steps as children.
import * as vscode from 'vscode';
import { statusLook } from '../../core/lifecycle/status';
import { formatAge, jobTimeWording } from '../../core/lifecycle/time';
import type { JobDetail, JobSummary } from '../../core/lifecycle/types';
import { COMMANDS } from '../commands/ids';
import { ContextValue, contextValueFor } from './contextValues';
import { statusIcon } from './icons';
import { InfoNode, jobDetailOf, type ExplorerNode, type ResourceNode } from './nodes';
import type { ResourceKind } from './resourceKind';
import type { ExplorerSource } from './source';

function jobTooltip(job: JobSummary, detail: JobDetail | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.appendMarkdown(`**${job.jobName}** — ${job.status}\n\n`);
  const rows: [string, string | undefined][] = [
    ['Base model', job.baseModelArn],
    ['Custom model', job.customModelName ?? detail?.outputModelName],
    ['Created', job.creationTime?.toISOString()],
    ['Ended', job.endTime?.toISOString()],
    ['Hyperparameters', detail?.hyperParameters ? Object.entries(detail.hyperParameters).map(([k, v]) => `${k}=${v}`).join(', ') : undefined],
    ['Training data', detail?.trainingDataUri],
    ['Validation data', detail?.validationDataUris?.join(', ')],
    ['Output', detail?.outputDataUri],
    ['Training loss', detail?.trainingLoss?.toString()],
  ];
  for (const [k, v] of rows) if (v !== undefined && v !== '') md.appendMarkdown(`- ${k}: `).appendText(v).appendMarkdown('\n');
  if (detail?.failureMessage) md.appendMarkdown('\n**Failure:** ').appendText(detail.failureMessage);
  return md;
}

export const jobsKind: ResourceKind<'job'> = {
  kind: 'job',
  viewId: 'bedrockCustomizer.jobs',
  noun: 'customization jobs',
  emptyAction: { label: 'click to launch one', command: COMMANDS.launchJob },
  list: (source, token, size) => source.listJobs(token, size),
  refresh: (source, node) => source.getJob(node.arn),
  inProgress: (job) => statusLook('job', job.status).inProgress,
  fingerprint: (node) => JSON.stringify([
    node.data.status, node.data.endTime, node.data.lastModifiedTime, jobDetailOf(node.data)?.subSteps.map((s) => s.status), jobDetailOf(node.data)?.failureMessage,
  ]),
  treeItem(node, now) {
    const job = node.data;
    const item = new vscode.TreeItem(job.jobName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `job:${job.jobArn}`;
    item.description = [job.status, jobTimeWording(job, now)].filter((s) => s !== '').join(' · ');
    item.iconPath = statusIcon('job', job.status);
    item.contextValue = contextValueFor('job', job.status);
    return item;
  },
  async tooltip(source, node) {
    const detail = jobDetailOf(node.data) ?? await source.getJob(node.arn);
    return jobTooltip(node.data, detail);
  },
  async children(source: ExplorerSource, node: ResourceNode<'job'>): Promise<ExplorerNode[]> {
    // Always fresh: expanding a job is how a user asks "where is it now?".
    const detail = await source.getJob(node.arn);
    const now = new Date();
    const out: ExplorerNode[] = detail.subSteps.map((s) => {
      const look = statusLook('subStep', s.status);
      const when = s.lastModifiedTime ? `${s.status} · ${formatAge(s.lastModifiedTime, now)}` : s.status;
      return new InfoNode(s.label, when, { id: look.icon, ...(look.color ? { color: look.color } : {}) }, ContextValue.SubStep);
    });
    if (detail.failureMessage) {
      out.push(new InfoNode('Failure', detail.failureMessage, { id: 'error', color: 'testing.iconFailed' }, ContextValue.Info, detail.failureMessage));
    }
    if (out.length === 0) out.push(new InfoNode('No sub-step details yet', '', { id: 'info' }, ContextValue.Info));
    return out;
  },
};
