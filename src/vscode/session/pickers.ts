import * as vscode from 'vscode';
import type { Config } from '../shell/config';
import type { AwsContext } from './awsContext';
import { profileRows, regionRows, type PickRow } from './pickItems';

type Item = vscode.QuickPickItem & { value: string };

function toItems(rows: PickRow[]): Item[] {
  return rows.map((r) => ({ label: r.label, description: r.description, detail: r.detail, value: r.value, picked: r.picked }));
}

/** Picks a profile and writes `bedrockCustomizer.profile`; the context rebuilds its clients on the change. */
export async function selectProfile(aws: AwsContext, config: Config, options: { thenRegion?: boolean } = {}): Promise<boolean> {
  const current = config.get('profile');
  const items = toItems(profileRows(await aws.listProfiles(), current, aws.identity.profileLabel));
  const choice = await vscode.window.showQuickPick(items, {
    title: options.thenRegion ? 'AWS profile (1/2)' : 'AWS profile',
    placeHolder: items.length > 1 ? 'Choose the profile to use' : 'No profiles in ~/.aws/config or ~/.aws/credentials: the default chain is used',
    matchOnDescription: true,
  });
  if (!choice) return false;
  if (choice.value !== current) await config.update('profile', choice.value);
  if (options.thenRegion) await selectRegion(aws, config, { step: true });
  return true;
}

/** Picks a region among those offering TMME customization and writes `bedrockCustomizer.region`. */
export async function selectRegion(aws: AwsContext, config: Config, options: { step?: boolean } = {}): Promise<boolean> {
  const current = config.get('region');
  // The setting, not the context's identity: right after a profile pick the context may not have seen it yet.
  const name = config.get('profile') || aws.identity.profileLabel;
  const profile = (await aws.listProfiles()).find((p) => p.name === name);
  const choice = await vscode.window.showQuickPick(toItems(regionRows(current, profile?.region)), {
    title: options.step ? 'AWS region (2/2)' : 'AWS region',
    placeHolder: 'Titan Multimodal Embeddings fine-tuning is offered in these regions',
  });
  if (!choice) return false;
  if (choice.value !== current) await config.update('region', choice.value);
  return true;
}
