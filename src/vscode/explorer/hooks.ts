// What the explorer exposes to tests and benchmarks (ExtensionApi.testing.explorer, Test mode only): what the trees
// show, the notifications it fired, and whether it is polling. Read-only views of the real state.
import type * as vscode from 'vscode';
import type { Explorer, ShownNotification } from './explorer';
import type { JobDetailsPanels } from './jobDetails';
import { ResourceNode, type ExplorerNode, type ResourceKindName } from './nodes';
import type { ResourceTree } from './resourceTree';

export interface SnapshotItem {
  label: string;
  description: string;
  contextValue: string;
  icon: string;
  /** The ARN for resource items. */
  arn?: string;
}

export interface ExplorerHooks {
  /** Fires on any tree change or notification. */
  readonly onDidChange: vscode.Event<void>;
  readonly notifications: readonly ShownNotification[];
  /** The top-level items of a view, as VS Code would draw them (loads the first page if needed). */
  snapshot(kind: ResourceKindName): Promise<SnapshotItem[]>;
  /** The children of the item with this ARN (sub-steps of a job, loss and throughputs of a model). */
  children(kind: ResourceKindName, arn: string): Promise<SnapshotItem[]>;
  /** Clicks "Load more" until every page is in (benchmark: time to all pages). */
  loadAll(kind: ResourceKindName): Promise<number>;
  /** Clicks the error item's Retry. */
  retry(kind: ResourceKindName): Promise<void>;
  /** Forgets everything and reloads from AWS (the Refresh button). */
  refresh(): void;
  isPolling(): boolean;
  /** The ARN selected in the view, if any. */
  selected(kind: ResourceKindName): string | undefined;
  /** The HTML of the open "Show Job Details" panel of a job, if open. */
  detailsHtml(jobArn: string): string | undefined;
  /** Clicks `action` on the latest notification about `arn`, as the user would, and waits for what it runs. */
  act(arn: string, action: string): Promise<void>;
}

async function describe(tree: ResourceTree<ResourceKindName>, nodes: ExplorerNode[]): Promise<SnapshotItem[]> {
  return Promise.all(nodes.map(async (node) => {
    const item = await Promise.resolve(tree.getTreeItem(node));
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const icon = item.iconPath && typeof item.iconPath === 'object' && 'id' in item.iconPath ? item.iconPath.id : '';
    const out: SnapshotItem = {
      label, description: typeof item.description === 'string' ? item.description : '', contextValue: item.contextValue ?? '', icon,
    };
    if (node instanceof ResourceNode) out.arn = node.arn;
    return out;
  }));
}

export function explorerHooks(explorer: Explorer, details: JobDetailsPanels): ExplorerHooks {
  const tree = (kind: ResourceKindName): ResourceTree<ResourceKindName> => explorer.treeFor(kind) as ResourceTree<ResourceKindName>;
  return {
    onDidChange: explorer.onDidChange,
    notifications: explorer.notifications,
    async snapshot(kind) {
      const t = tree(kind);
      return describe(t, await t.getChildren());
    },
    async children(kind, arn) {
      const t = tree(kind);
      await t.ensureLoaded();
      const node = t.find(arn);
      if (!node) throw new Error(`No ${kind} ${arn} in the tree`);
      return describe(t, await t.getChildren(node));
    },
    async loadAll(kind) {
      const t = tree(kind);
      await t.ensureLoaded();
      while (t.hasMore() && t.lastFailure() === undefined) await t.ensureLoaded(true);
      const failure = t.lastFailure();
      if (failure !== undefined) throw new Error(failure);
      return t.roots().length;
    },
    async retry(kind) {
      const t = tree(kind);
      t.retry();
      await t.ensureLoaded();
    },
    refresh: () => explorer.resetAll(),
    isPolling: () => explorer.isPolling(),
    detailsHtml: (jobArn) => details.html(jobArn),
    async act(arn, action) {
      const n = [...explorer.notifications].reverse().find((x) => x.arn === arn);
      if (!n?.actions.includes(action)) throw new Error(`No notification about ${arn} offers "${action}"`);
      await explorer.onNotificationAction(action, arn, n.spec);
    },
    selected(kind) {
      const sel = explorer.views[kind].selection[0];
      return sel instanceof ResourceNode ? sel.arn : undefined;
    },
  };
}
