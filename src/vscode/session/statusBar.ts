import * as vscode from 'vscode';
import { offersTmmeCustomization } from '../../core/awsRules/regions';
import { COMMANDS } from '../commands/ids';
import type { AwsContext } from './awsContext';

/** `AWS: <profile> · <region>`: click to pick a profile, then a region. Error background only when credentials fail. */
export class AwsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('bedrockCustomizer.aws', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly aws: AwsContext) {
    this.item.name = 'Bedrock Customizer: AWS profile and region';
    this.item.command = { command: COMMANDS.selectProfile, title: 'Select AWS Profile and Region', arguments: [{ thenRegion: true }] };
    this.subscriptions = [aws.onDidChangeSession(() => this.render()), aws.onDidChangeCredentialState(() => this.render())];
    this.render();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  get isError(): boolean {
    return this.item.backgroundColor instanceof vscode.ThemeColor && this.item.backgroundColor.id === 'statusBarItem.errorBackground';
  }

  private render(): void {
    const { profileLabel, region } = this.aws.identity;
    const state = this.aws.credentialState;
    this.item.text = `AWS: ${profileLabel} · ${region}`;
    const failed = state.kind === 'missing' || state.kind === 'failed';
    this.item.backgroundColor = failed ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**AWS profile:** ${profileLabel}  \n**Region:** ${region}`);
    tooltip.appendMarkdown(offersTmmeCustomization(region) ? ' (offers Titan Multimodal Embeddings fine-tuning)' : ' ($(warning) no Titan Multimodal Embeddings fine-tuning here)');
    if (failed) tooltip.appendMarkdown(`\n\n$(error) ${state.message}`);
    tooltip.appendMarkdown('\n\nClick to choose a profile and region.');
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
