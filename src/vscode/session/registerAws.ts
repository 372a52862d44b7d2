import * as vscode from 'vscode';
import type { FeatureRegistration } from '../shell/services';
import { selectProfile, selectRegion } from './pickers';
import { SELECT_PROFILE_COMMAND } from './statusBar';

export const SELECT_REGION_COMMAND = 'bedrockCustomizer.selectRegion';

/** The AWS profile and region commands (the status bar belongs to the AwsContext, created in extension.ts). */
export const registerAws: FeatureRegistration = ({ aws, config }) => [
  vscode.commands.registerCommand(SELECT_PROFILE_COMMAND, (options?: { thenRegion?: boolean }) => selectProfile(aws, config, options ?? {})),
  vscode.commands.registerCommand(SELECT_REGION_COMMAND, () => selectRegion(aws, config)),
];
