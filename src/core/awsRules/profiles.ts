import { parseIni } from './ini';

/** How a profile gets its credentials, for the profile picker's description. */
export type ProfileKind = 'sso' | 'role' | 'static' | 'process' | 'webIdentity' | 'other';

export interface AwsProfile {
  readonly name: string;
  /** The profile's `region`, when its config names one. */
  readonly region: string | undefined;
  readonly kind: ProfileKind;
  /** For SSO profiles: what to run to sign in again. */
  readonly ssoLoginCommand: string | undefined;
}

export interface AwsConfigPaths {
  readonly config: string;
  readonly credentials: string;
}

/** The I/O a profile reader needs, injected so this module stays pure and testable. */
export interface ProfileFileIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** The file's text, or `undefined` when it does not exist or cannot be read. */
  readText(path: string): Promise<string | undefined>;
}

/** Where the SDK looks: `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/config|credentials`. */
export function awsConfigPaths(env: ProfileFileIo['env'], homeDir: string): AwsConfigPaths {
  const expand = (p: string): string => (p.startsWith('~/') ? joinPath(homeDir, p.slice(2)) : p);
  return {
    config: expand(nonEmpty(env['AWS_CONFIG_FILE']) ?? joinPath(homeDir, '.aws', 'config')),
    credentials: expand(nonEmpty(env['AWS_SHARED_CREDENTIALS_FILE']) ?? joinPath(homeDir, '.aws', 'credentials')),
  };
}

/** The profile the SDK uses when none is chosen: `AWS_PROFILE`, else `default`. */
export function defaultProfileName(env: ProfileFileIo['env']): string {
  return nonEmpty(env['AWS_PROFILE']) ?? nonEmpty(env['AWS_DEFAULT_PROFILE']) ?? 'default';
}

/**
 * Every profile named in the config file (`[default]`, `[profile x]`) or the credentials file (`[x]`),
 * sorted by name with `default` first. Sections such as `[sso-session x]` and `[services x]` are not profiles.
 */
export function profilesFromIni(configText: string, credentialsText: string): AwsProfile[] {
  const config = parseIni(configText);
  const credentials = parseIni(credentialsText);
  const byName = new Map<string, Map<string, string>>();
  for (const [section, values] of config) {
    const name = configSectionProfile(section);
    if (name === undefined) continue;
    const earlier = byName.get(name); // `[default]` and `[profile default]` may both exist
    byName.set(name, earlier ? new Map([...earlier, ...values]) : values);
  }
  for (const [name, values] of credentials) {
    // Config wins over credentials for shared keys, as in the SDK's merge.
    const fromConfig = byName.get(name);
    byName.set(name, fromConfig ? new Map([...values, ...fromConfig]) : values);
  }
  return [...byName.entries()]
    .map(([name, values]) => toProfile(name, values))
    .sort(byNameDefaultFirst);
}

/** Reads both files once (missing files count as empty) and returns their profiles. */
export async function readAwsProfiles(io: ProfileFileIo): Promise<AwsProfile[]> {
  const paths = awsConfigPaths(io.env, io.homeDir);
  const [configText, credentialsText] = await Promise.all([io.readText(paths.config), io.readText(paths.credentials)]);
  return profilesFromIni(configText ?? '', credentialsText ?? '');
}

/** The region for a session: the setting, else the profile's region, else `AWS_REGION`, else us-east-1. */
export function resolveRegion(setting: string, profile: AwsProfile | undefined, env: ProfileFileIo['env'], fallback: string): string {
  return nonEmpty(setting.trim()) ?? profile?.region ?? nonEmpty(env['AWS_REGION']) ?? nonEmpty(env['AWS_DEFAULT_REGION']) ?? fallback;
}

/** `default` first, then code-point order (localeCompare costs ~50 ms on 5,000 names). */
function byNameDefaultFirst(a: AwsProfile, b: AwsProfile): number {
  if (a.name === b.name) return 0;
  if (a.name === 'default') return -1;
  if (b.name === 'default') return 1;
  return a.name < b.name ? -1 : 1;
}

function configSectionProfile(section: string): string | undefined {
  if (section === 'default') return 'default';
  const m = /^profile\s+(.+)$/.exec(section);
  return m ? (m[1] ?? '').trim() : undefined;
}

function toProfile(name: string, values: Map<string, string>): AwsProfile {
  const kind = profileKind(values);
  return {
    name,
    region: nonEmpty(values.get('region')),
    kind,
    ssoLoginCommand: kind === 'sso' ? ssoLoginCommand(name) : undefined,
  };
}

function profileKind(values: Map<string, string>): ProfileKind {
  if (values.has('sso_start_url') || values.has('sso_session')) return 'sso';
  if (values.has('role_arn') && values.has('web_identity_token_file')) return 'webIdentity';
  if (values.has('role_arn')) return 'role';
  if (values.has('credential_process')) return 'process';
  if (values.has('aws_access_key_id')) return 'static';
  return 'other';
}

/** The command a user runs to refresh an expired SSO session. */
export function ssoLoginCommand(profile: string): string {
  return profile === '' || profile === 'default' ? 'aws sso login' : `aws sso login --profile ${profile}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** POSIX-or-Windows join without node:path, so core stays free of Node APIs. */
function joinPath(...parts: string[]): string {
  const sep = parts[0]?.includes('\\') && !parts[0].includes('/') ? '\\' : '/';
  return parts.map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, '') : p.replace(/^[\\/]+|[\\/]+$/g, ''))).join(sep);
}
