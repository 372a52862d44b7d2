// What differs between the four trees (jobs, models, throughputs, batch inference jobs): how to list, refresh one item, draw it, and
// what its children are. resourceTree.ts does the rest (paging, placeholders, errors, targeted refresh) once.
import type * as vscode from 'vscode';
import type { Page } from '../../core/lifecycle/types';
import type { ExplorerNode, ResourceData, ResourceKindName, ResourceNode } from './nodes';
import type { ExplorerSource } from './source';

export interface ResourceKind<K extends ResourceKindName> {
  readonly kind: K;
  readonly viewId: string;
  /** Plural noun for messages: "customization jobs". */
  readonly noun: string;
  /** What clicking the empty list's placeholder does, if anything. */
  readonly emptyAction?: { label: string; command: string };
  list(source: ExplorerSource, nextToken: string | undefined, pageSize: number): Promise<Page<ResourceData[K]>>;
  /** Fetches the item again (for polling); may also set `node.detail`. */
  refresh(source: ExplorerSource, node: ResourceNode<K>): Promise<ResourceData[K]>;
  /** True while the item changes by itself: only such items are polled. */
  inProgress(data: ResourceData[K]): boolean;
  /** What a visible change is made of: when it is equal, no refresh event fires. */
  fingerprint(node: ResourceNode<K>): string;
  treeItem(node: ResourceNode<K>, now: Date): vscode.TreeItem;
  /** Loaded lazily on hover: details that need a Get call. */
  tooltip?(source: ExplorerSource, node: ResourceNode<K>): Promise<vscode.MarkdownString>;
  children?(source: ExplorerSource, node: ResourceNode<K>): Promise<ExplorerNode[]>;
}
