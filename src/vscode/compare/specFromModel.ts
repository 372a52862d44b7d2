// "Compare Models" from a custom model or provisioned throughput in the explorer: writes a compare spec that
// compares it with the base model (and the off-the-shelf contenders the user keeps ticked) on a test set the user
// picks, opens it for review, and leaves running it to the
// spec's "Run comparison" CodeLens (a comparison costs Bedrock calls, so the user sees what will run first).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InputDriver } from '../../core/lifecycle/steps';
import { placeWrite } from '../shell/writeGuard';
import { modelKindOf } from '../../core/eval/batch/route';
import { modelSpecText } from '../../core/eval/modelSpec';
import type { AwsContext } from '../session/awsContext';
import type { Config } from '../shell/config';
import { pickContenders } from './contendersPick';

export interface SpecFromModelDeps {
  extensionUri: vscode.Uri;
  driver: InputDriver;
  aws: AwsContext;
  config: Config;
}

export async function specFromModel(arn: string, { extensionUri, driver, aws, config }: SpecFromModelDeps): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // Presented by the command registry, like every command failure.
  if (!folder) throw new Error('Open a folder first: the compare spec and its report are saved in the workspace.');
  const picked = await vscode.window.showOpenDialog({
    title: 'Compare Models: choose the test-set manifest (JSONL of images with captions, local or downloaded from S3)',
    canSelectMany: false, filters: { 'Manifest (JSONL)': ['jsonl'] }, openLabel: 'Use as Test Set', defaultUri: folder,
  });
  const manifest = picked?.[0];
  if (!manifest) return undefined;
  const contenders = await pickContenders(driver, { aws, config }, manifest.fsPath);
  if (!contenders) return undefined;
  const name = (arn.split('/').pop() ?? 'model').replace(/[^A-Za-z0-9._-]/g, '-');
  // An existing spec of that name may hold the user's edits: replaced only when they say so.
  const target = await placeWrite(vscode.Uri.joinPath(folder, `${name}.compare.json`), {
    root: folder.fsPath, isOurs: () => false, what: 'the compare spec', driver, filters: { 'Compare spec': ['json'] },
  });
  if (!target) return undefined;
  const relative = path.relative(folder.fsPath, manifest.fsPath).split(path.sep).join('/');
  const schema = vscode.Uri.joinPath(extensionUri, 'schemas', 'compare-spec.schema.json').toString();
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(modelSpecText(arn, relative, schema, contenders)));
  await vscode.window.showTextDocument(target);
  const hourly = config.get('pricing.throughputHourlyNoCommitment');
  const throughput = hourly > 0 ? `$${hourly} per model unit per hour (your bedrockCustomizer.pricing.throughputHourlyNoCommitment)` : 'a price per hour (set bedrockCustomizer.pricing.throughputHourlyNoCommitment to see it)';
  const batch = modelKindOf(arn) === 'custom-model'
    ? ` The fine-tuned model runs through batch inference (billed per record, no provisioned throughput); the alternative, a provisioned throughput, bills ${throughput} every hour until it is deleted.`
    : '';
  const against = contenders.length > 0 ? ` It is compared with base Titan and ${contenders.map((c) => c.family.displayName).join(' and ')}.` : '';
  void vscode.window.showInformationMessage(`Wrote ${path.basename(target.fsPath)}: check the test set and models, then click "Run comparison" above the spec.${against}${batch}`);
  return target;
}
