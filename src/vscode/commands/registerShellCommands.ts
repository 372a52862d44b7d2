import * as vscode from 'vscode';
import type { FeatureRegistration } from '../shell/services';

/** Commands that belong to no feature: the log. */
export const registerShellCommands: FeatureRegistration = ({ log }) => [
  vscode.commands.registerCommand('bedrockCustomizer.showLog', () => log.show()),
];
