import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { DEFAULT_REGION } from '../core/awsRules/regions';
import { awsConfigPaths, profilesFromIni, readAwsProfiles, resolveRegion, type AwsProfile } from '../core/awsRules/profiles';

export type { AwsProfile, ProfileKind } from '../core/awsRules/profiles';
export type { AwsCredentialIdentity, AwsCredentialIdentityProvider };

/**
 * The SDK's Node provider chain for a profile: environment, `~/.aws/config` + `~/.aws/credentials` (honouring
 * `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`), SSO, `role_arn` + `source_profile`, web identity, process,
 * container and instance metadata. An empty profile means the SDK default (`AWS_PROFILE`, else `default`).
 * The provider caches credentials and refreshes them before they expire.
 */
export function credentialsFor(profile: string | undefined): AwsCredentialIdentityProvider {
  // ignoreCache: the SDK otherwise keeps the first read of ~/.aws/config for the life of the process, so a
  // profile added with `aws configure` after that would stay "not found" until VS Code restarts. One read per
  // session is cheap: the provider itself caches the credentials it resolves.
  return fromNodeProviderChain({ ...(profile ? { profile } : {}), ignoreCache: true });
}

/** Every profile in the config and credentials files, read once per call (asynchronously). */
export function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfile[]> {
  return readAwsProfiles({ env, homeDir: homedir(), readText: (p) => readFile(p, 'utf8').catch(() => undefined) });
}

/**
 * The region a session uses: the given one, else the profile's `region`, else `AWS_REGION`, else us-east-1.
 * Synchronous so `createAwsSession` can stay synchronous; the files are read only when no region is given.
 */
export function regionForProfile(profile: string | undefined, region: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (region) return region;
  const paths = awsConfigPaths(env, homedir());
  const profiles = profilesFromIni(readTextSync(paths.config), readTextSync(paths.credentials));
  const name = profile || env['AWS_PROFILE'] || 'default';
  return resolveRegion('', profiles.find((p) => p.name === name), env, DEFAULT_REGION);
}

function readTextSync(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
