// The explorer: the four trees, polling of in-progress items only, and the notification when a job ends.
// Polling runs only while some item is in progress and stops by itself: zero API calls while idle.
import * as vscode from 'vscode';
import { hasResults } from '../../core/eval/batch/status';
import { batchJobEndMessage } from '../../core/lifecycle/batchJobWording';
import { TERMINAL_BATCH_STATUSES, TERMINAL_JOB_STATUSES } from '../../core/lifecycle/status';
import type { Config } from '../shell/config';
import type { Log } from '../shell/log';
import { batchJobsKind, withOwnership } from './batchJobsKind';
import { NO_OWNERS, type BatchOwners } from './batchOwners';
import { jobsKind } from './jobsKind';
import { modelsKind } from './modelsKind';
import { jobDetailOf, ResourceNode, type ExplorerNode, type ResourceData, type ResourceKindName } from './nodes';
import { PollIndicator } from './pollIndicator';
import { ResourceTree } from './resourceTree';
import type { SourceHost } from './source';
import { throughputsKind } from './throughputsKind';

export interface ShownNotification {
  severity: 'info' | 'warning' | 'error'; message: string; actions: string[]; arn: string;
  /** The compare spec a batch job belongs to (its jobs file records the ARN). */
  spec?: string;
}

/** The action a job-end notification offers, run by the command layer (jobs feature). */
export type NotificationAction = (action: string, jobArn: string, spec?: string) => Promise<void>;

/** A batch job's end-notification actions: collecting a comparison's job reruns Compare Models on its spec. */
export const COLLECT_RESULTS = 'Collect Results';
export const OPEN_SPEC = 'Open Spec';

export class Explorer implements vscode.Disposable {
  readonly jobs: ResourceTree<'job'>;
  readonly models: ResourceTree<'model'>;
  readonly throughputs: ResourceTree<'throughput'>;
  readonly batchJobs: ResourceTree<'batchJob'>;
  readonly views: Record<ResourceKindName, vscode.TreeView<ExplorerNode>>;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires on any tree change or notification (tests wait on it). */
  readonly onDidChange = this.changed.event;
  readonly notifications: ShownNotification[] = [];
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly indicator = new PollIndicator();
  onNotificationAction: NotificationAction = () => Promise.resolve();
  private watching = 0;

  constructor(readonly host: SourceHost, private readonly config: Config, private readonly log: Log, private readonly owners: BatchOwners = NO_OWNERS) {
    const opts = {
      pageSize: () => config.get('explorer.pageSize'),
      log,
      onLoaded: () => this.schedulePoll(),
      renderOther: (node: ResourceNode) => this.treeFor(node.kind).getTreeItem(node),
    };
    this.jobs = new ResourceTree(jobsKind, host, opts);
    this.models = new ResourceTree(modelsKind, host, opts);
    this.throughputs = new ResourceTree(throughputsKind, host, opts);
    this.batchJobs = new ResourceTree(batchJobsKind(owners), host, opts);
    const view = (tree: ResourceTree<ResourceKindName>): vscode.TreeView<ExplorerNode> =>
      vscode.window.createTreeView(tree.spec.viewId, { treeDataProvider: tree, showCollapseAll: true });
    this.views = { job: view(this.jobs), model: view(this.models), throughput: view(this.throughputs), batchJob: view(this.batchJobs) };
    for (const tree of this.trees()) this.disposables.push(tree, tree.onDidChangeTreeData(() => this.changed.fire()));
    this.disposables.push(...Object.values(this.views), this.changed, this.indicator, host.onDidChange(() => this.resetAll()),
      host.onDidChangeCredentials(() => { for (const tree of this.trees()) tree.fire(undefined); }));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables) d.dispose();
  }

  trees(): ResourceTree<ResourceKindName>[] {
    return [this.jobs, this.models, this.throughputs, this.batchJobs] as ResourceTree<ResourceKindName>[];
  }

  treeFor<K extends ResourceKindName>(kind: K): ResourceTree<K> {
    const map = { job: this.jobs, model: this.models, throughput: this.throughputs, batchJob: this.batchJobs } as const;
    return map[kind] as unknown as ResourceTree<K>;
  }

  resetAll(): void {
    // A reset reloads every tree and the reload schedules polls anew: a timer for the old items must not survive.
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    for (const tree of this.trees()) tree.reset();
  }

  isPolling(): boolean { return this.timer !== undefined || this.ticking; }

  /** Starts the poll timer if something is in progress and no poll is pending. */
  schedulePoll(): void {
    if (this.timer || this.ticking) return;
    const watching = this.trees().reduce((n, t) => n + t.inProgress().length, 0);
    this.indicator.update(watching);
    const stopped = watching === 0 && this.watching > 0;
    this.watching = watching;
    // Polling ending is a visible change (the status-bar spinner goes): tests wait on it.
    if (stopped) this.changed.fire();
    if (watching === 0) return;
    const ms = Math.max(1, this.config.get('explorer.pollSeconds')) * 1000;
    this.timer = setTimeout(() => { this.timer = undefined; void this.tick(); }, ms);
  }

  /** Adds or updates an item from a fresh Get (after a launch or a provision), and polls it if it is in progress. */
  put<K extends ResourceKindName>(kind: K, data: ResourceData[K]): ResourceNode<K> {
    const node = this.treeFor(kind).upsert(data);
    if (kind === 'throughput') this.refreshModelOf(data as ResourceData['throughput']);
    this.schedulePoll();
    return node;
  }

  /** A batch job a comparison submitted or re-attached to: shown and watched at once, without a Refresh. */
  async watchBatchJob(jobArn: string): Promise<void> {
    if (this.batchJobs.find(jobArn)) return;
    const source = await this.host.current();
    const [job] = await withOwnership(source, [await source.getBatchJob(jobArn)], this.owners.ledgerArns());
    if (job && !this.batchJobs.find(jobArn)) this.put('batchJob', job);
  }

  remove(kind: ResourceKindName, arn: string, modelArn?: string): void {
    this.treeFor(kind).remove(arn);
    if (modelArn !== undefined) this.refreshModelOf({ modelArn });
  }

  private refreshModelOf(t: { modelArn: string }): void {
    const model = this.models.find(t.modelArn);
    if (model) this.models.fire(model);
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    try {
      const source = await this.host.current();
      for (const tree of this.trees()) {
        for (const node of tree.inProgress()) {
          const before = (node.data as { status?: string }).status;
          try {
            const fresh = await tree.spec.refresh(source, node as never);
            if (tree.replace(node, fresh) && node.kind === 'throughput') this.refreshModelOf(fresh as ResourceData['throughput']);
          } catch (err) {
            this.log.warn(`Polling ${node.name}: ${source.describeError(err, `refreshing ${node.name}`)}`);
            continue;
          }
          if (node.kind === 'job') await this.onJobPolled(node as ResourceNode<'job'>, before ?? '');
          if (node.kind === 'batchJob') await this.onBatchJobPolled(node as ResourceNode<'batchJob'>, before ?? '');
        }
      }
    } catch (err) {
      this.log.warn(`Polling stopped: ${String(err)}`);
    } finally {
      this.ticking = false;
      this.schedulePoll();
    }
  }

  private async onJobPolled(node: ResourceNode<'job'>, before: string): Promise<void> {
    const status = node.data.status;
    if (status === before || !TERMINAL_JOB_STATUSES.includes(status)) return;
    const detail = jobDetailOf(node.data);
    if (status === 'Completed' && detail?.outputModelArn) {
      // The new model belongs in the models view now.
      try { this.put('model', await (await this.host.current()).getModel(detail.outputModelArn)); } catch { this.models.reset(); }
    }
    this.notifyJobEnd(node.name, node.arn, status, detail?.failureMessage);
  }

  private notifyJobEnd(name: string, arn: string, status: string, failure: string | undefined): void {
    this.show(status === 'Completed'
      ? { severity: 'info', message: `Customization job "${name}" completed. Its custom model is ready to provision.`, actions: ['Provision Throughput', 'Show Details'], arn }
      : status === 'Failed'
        ? { severity: 'error', message: `Customization job "${name}" failed: ${failure ?? 'no reason given'}`, actions: ['Show Failure', 'Show Log'], arn }
        : { severity: 'warning', message: `Customization job "${name}" stopped.`, actions: ['Show Details'], arn });
  }

  /** A watched batch job ended: one with results that belongs to a comparison offers to collect them into its report. */
  private async onBatchJobPolled(node: ResourceNode<'batchJob'>, before: string): Promise<void> {
    const job = node.data;
    if (job.status === before || !TERMINAL_BATCH_STATUSES.includes(job.status)) return;
    const spec = await this.owners.comparisonOf(job.jobArn).catch(() => undefined);
    const results = hasResults(job.status);
    const actions = spec ? [results ? COLLECT_RESULTS : OPEN_SPEC, 'Show Log'] : ['Show Log'];
    const severity = job.status === 'Completed' ? 'info' : job.status === 'Failed' || job.status === 'Expired' ? 'error' : 'warning';
    const message = `${batchJobEndMessage(job)}${spec ? ` It belongs to the comparison ${vscode.workspace.asRelativePath(spec)}${results ? ': collect its results into the report (nothing is submitted again).' : '.'}` : ''}`;
    this.show({ severity, message, actions, arn: job.jobArn, ...(spec ? { spec } : {}) });
  }

  private show(n: ShownNotification): void {
    const arn = n.arn;
    this.notifications.push(n);
    this.changed.fire();
    const show = n.severity === 'info' ? vscode.window.showInformationMessage
      : n.severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    void Promise.resolve(show(n.message, ...n.actions)).then((picked) => {
      if (picked !== undefined) void this.onNotificationAction(picked, arn, n.spec);
    }, (err: unknown) => this.log.warn(`Notification: ${String(err)}`));
  }
}
