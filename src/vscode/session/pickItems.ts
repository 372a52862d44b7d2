import type { AwsProfile, ProfileKind } from '../../core/awsRules/profiles';
import { TMME_CUSTOMIZATION_REGIONS } from '../../core/awsRules/regions';

/** A quick-pick row as plain data (no vscode import), so the choices are unit-testable. */
export interface PickRow {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** The value written to the setting ('' = default chain / profile's region). */
  readonly value: string;
  readonly picked?: boolean;
}

const KIND_LABEL: Record<ProfileKind, string> = {
  sso: 'IAM Identity Center (SSO)',
  role: 'assumes a role',
  static: 'access keys',
  process: 'credential process',
  webIdentity: 'web identity',
  other: '',
};

export function profileRows(profiles: readonly AwsProfile[], current: string, defaultLabel: string): PickRow[] {
  const rows: PickRow[] = [{
    label: 'Default credential chain',
    description: `environment, AWS_PROFILE or "${defaultLabel}"`,
    value: '',
    picked: current === '',
  }];
  for (const p of profiles) {
    const description = [KIND_LABEL[p.kind], p.region ?? ''].filter((s) => s !== '').join(' · ');
    rows.push({ label: p.name, description, value: p.name, picked: p.name === current });
  }
  return rows;
}

/** Only regions that offer TMME customization, marked so; plus "the profile's region" and the current one if different. */
export function regionRows(current: string, profileRegion: string | undefined): PickRow[] {
  const rows: PickRow[] = [{
    label: 'Profile default',
    description: profileRegion ? `${profileRegion} (from the profile)` : 'the profile\'s region, else us-east-1',
    value: '',
    picked: current === '',
  }];
  for (const region of TMME_CUSTOMIZATION_REGIONS) {
    rows.push({ label: region, description: '$(check) offers Titan Multimodal Embeddings fine-tuning', value: region, picked: region === current });
  }
  if (current !== '' && !TMME_CUSTOMIZATION_REGIONS.includes(current)) {
    rows.push({ label: current, description: 'current · no Titan Multimodal Embeddings fine-tuning', value: current, picked: true });
  }
  return rows;
}
