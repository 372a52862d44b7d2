// One TreeDataProvider per view over a paged list of resources. Never throws into VS Code: an empty list gives a
// placeholder, a failure an error item (retry + show log), a long list "Load more". Known items keep their node
// object, and an update fires onDidChangeTreeData for that node only.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { Log } from '../shell/log';
import { ContextValue } from './contextValues';
import { InfoNode, LoadMoreNode, MessageNode, ResourceNode, type ExplorerNode, type ResourceData, type ResourceKindName } from './nodes';
import type { ResourceKind } from './resourceKind';
import type { SourceHost } from './source';

export interface TreeOptions {
  pageSize: () => number;
  log: Log;
  onLoaded: () => void;
  /** Draws a node of another kind shown in this tree (a throughput under its model). */
  renderOther: (node: ResourceNode) => vscode.TreeItem;
}

export class ResourceTree<K extends ResourceKindName> implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: ResourceNode<K>[] = [];
  /** ARN -> node, so paging through thousands of items stays linear. */
  private readonly index = new Map<string, ResourceNode<K>>();
  private nextToken: string | undefined;
  private loaded = false;
  private failure: string | undefined;
  private loading: Promise<void> | undefined;
  /** Bumped on reset so a page that arrives after a profile change is dropped. */
  private generation = 0;

  constructor(readonly spec: ResourceKind<K>, private readonly host: SourceHost, private readonly opts: TreeOptions) {}

  dispose(): void { this.changed.dispose(); }

  /** Forget everything (profile/region change, or "Refresh"); the view reloads when shown. */
  reset(): void {
    this.generation += 1;
    this.nodes = [];
    this.index.clear();
    this.nextToken = undefined;
    this.loaded = false;
    this.failure = undefined;
    this.loading = undefined;
    this.changed.fire(undefined);
  }

  roots(): readonly ResourceNode<K>[] { return this.nodes; }
  find(arn: string): ResourceNode<K> | undefined { return this.index.get(arn); }
  hasMore(): boolean { return this.nextToken !== undefined; }
  isLoaded(): boolean { return this.loaded; }
  lastFailure(): string | undefined { return this.failure; }

  /** Loads the first page if needed (or the next one with `more`); failures become the error item. */
  ensureLoaded(more = false): Promise<void> {
    if (this.loading) return this.loading;
    if (this.loaded && !more) return Promise.resolve();
    const generation = this.generation;
    const token = more ? this.nextToken : undefined;
    this.loading = (async () => {
      try {
        const source = await this.host.current();
        const page = await this.spec.list(source, token, this.opts.pageSize());
        if (generation !== this.generation) return;
        for (const item of page.items) {
          const node = new ResourceNode(this.spec.kind, item);
          if (!this.index.has(node.arn)) { this.nodes.push(node); this.index.set(node.arn, node); }
        }
        this.nextToken = page.nextToken;
        this.failure = undefined;
      } catch (err) {
        if (generation !== this.generation) return;
        const source = await this.host.current().catch(() => undefined);
        this.failure = source ? source.describeError(err, `listing ${this.spec.noun}`) : String(err);
        this.opts.log.error(`Failed to load ${this.spec.noun}: ${this.failure}`);
      } finally {
        if (generation === this.generation) {
          this.loaded = true;
          this.loading = undefined;
        }
      }
      this.opts.onLoaded();
    })();
    return this.loading;
  }

  loadMore(): void {
    void this.ensureLoaded(true).then(() => this.changed.fire(undefined));
  }

  retry(): void {
    if (this.nodes.length === 0) { this.reset(); return; }
    this.loadMore();
  }

  /** Puts fresh data into the tree: an existing node changes in place (one event), a new one goes on top. */
  upsert(data: ResourceData[K]): ResourceNode<K> {
    const fresh = new ResourceNode(this.spec.kind, data);
    const existing = this.find(fresh.arn);
    if (!existing) {
      this.nodes.unshift(fresh);
      this.index.set(fresh.arn, fresh);
      this.changed.fire(undefined);
      return fresh;
    }
    this.replace(existing, data);
    return existing;
  }

  /** Replaces a node's data; fires for that node only, and only when what is drawn changed. */
  replace(node: ResourceNode<K>, data: ResourceData[K]): boolean {
    const before = this.spec.fingerprint(node);
    node.data = data;
    if (this.spec.fingerprint(node) === before) return false;
    this.changed.fire(node);
    return true;
  }

  remove(arn: string): void {
    if (!this.index.delete(arn)) return;
    this.nodes = this.nodes.filter((n) => n.arn !== arn);
    this.changed.fire(undefined);
  }

  fire(node: ExplorerNode | undefined): void { this.changed.fire(node); }

  inProgress(): ResourceNode<K>[] {
    return this.nodes.filter((n) => this.spec.inProgress(n.data));
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node instanceof ResourceNode ? node.parent : undefined;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      if (node === undefined) return await this.rootChildren();
      if (node instanceof ResourceNode && this.spec.children && node.kind === this.spec.kind) {
        return await this.spec.children(await this.host.current(), node as ResourceNode<K>);
      }
      return [];
    } catch (err) {
      // Children failing (e.g. sub-steps of one job) must not break the tree either.
      const source = await this.host.current().catch(() => undefined);
      const message = source ? source.describeError(err, 'loading details') : String(err);
      this.opts.log.error(message);
      return [new MessageNode(ContextValue.Error, 'Failed to load details', message, () => this.changed.fire(node))];
    }
  }

  private async rootChildren(): Promise<ExplorerNode[]> {
    // No credentials at all: an empty tree lets the view's welcome content ("Choose profile") show.
    if (this.host.noCredentials()) return [];
    await this.ensureLoaded();
    const out: ExplorerNode[] = [...this.nodes];
    if (this.failure !== undefined) {
      out.push(new MessageNode(ContextValue.Error, `Failed to load ${this.spec.noun}`, this.failure, () => this.retry()));
    } else if (this.nextToken !== undefined) {
      out.push(new LoadMoreNode(() => this.loadMore()));
    } else if (this.nodes.length === 0) {
      const action = this.spec.emptyAction;
      out.push(new MessageNode(ContextValue.Placeholder, `No ${this.spec.noun}${action ? ` (${action.label})` : ''}`,
        `No ${this.spec.noun} in this account and region.`, undefined, action ? { command: action.command, title: action.label } : undefined));
    }
    return out;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    if (node instanceof ResourceNode) {
      return node.kind === this.spec.kind ? this.spec.treeItem(node as ResourceNode<K>, new Date()) : this.opts.renderOther(node);
    }
    if (node instanceof InfoNode) {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
      item.contextValue = node.contextValue;
      if (node.tooltip !== undefined) item.tooltip = node.tooltip;
      return item;
    }
    if (node instanceof LoadMoreNode) {
      const item = new vscode.TreeItem('Load more...', vscode.TreeItemCollapsibleState.None);
      item.contextValue = ContextValue.LoadMore;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: COMMANDS.explorerLoadMore, title: 'Load more', arguments: [node] };
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = node.contextValue;
    item.tooltip = node.detail;
    if (node.contextValue === ContextValue.Error) {
      item.description = 'click for log';
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.command = { command: COMMANDS.showLog, title: 'Show Log' };
    } else {
      item.iconPath = new vscode.ThemeIcon('info');
      if (node.command) item.command = node.command;
    }
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): Promise<vscode.TreeItem> {
    if (!(node instanceof ResourceNode) || !this.spec.tooltip || node.kind !== this.spec.kind) return item;
    try {
      item.tooltip = await this.spec.tooltip(await this.host.current(), node as ResourceNode<K>);
    } catch (err) {
      item.tooltip = `Could not load details: ${String(err)}`;
    }
    return item;
  }
}
