import * as vscode from 'vscode';
import type { FeatureRegistration } from '../shell/services';

export const EXPLORER_VIEWS = ['bedrockCustomizer.jobs', 'bedrockCustomizer.models', 'bedrockCustomizer.throughputs'] as const;

/** Until a view has a real provider it shows its welcome content (an empty tree). */
class EmptyTree implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem { return element; }
  getChildren(): never[] { return []; }
}

export const registerExplorerViews: FeatureRegistration = () =>
  EXPLORER_VIEWS.map((id) => vscode.window.registerTreeDataProvider(id, new EmptyTree()));
