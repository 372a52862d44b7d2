import type { AwsErrorKind } from '../../core/awsRules/userError';

/** What the extension knows about the current profile's credentials. */
export type CredentialState =
  | { readonly kind: 'unknown' } // not checked yet (nothing has used AWS)
  | { readonly kind: 'ok' }
  | { readonly kind: 'missing'; readonly message: string } // nothing in the provider chain: the welcome view shows
  | { readonly kind: 'failed'; readonly message: string; readonly signInCommand?: string | undefined };

/** Error kinds that mean "these credentials do not work", as opposed to a failing call. */
const CREDENTIAL_KINDS: ReadonlySet<AwsErrorKind> = new Set(['noCredentials', 'ssoExpired', 'credentialsExpired', 'credentialsInvalid']);

export function credentialStateFor(error: { kind: AwsErrorKind; message: string; details: { signInCommand?: string | undefined } }): CredentialState | undefined {
  if (!CREDENTIAL_KINDS.has(error.kind)) return undefined;
  if (error.kind === 'noCredentials') return { kind: 'missing', message: error.message };
  return { kind: 'failed', message: error.message, signInCommand: error.details.signInCommand };
}

/**
 * A cheap first guess made without loading the SDK: no credential variables in the environment, and either no
 * profile in the files or a chosen profile that is not there. The full check happens on first AWS use.
 */
export function guessNoCredentials(env: NodeJS.ProcessEnv, profileNames: readonly string[], chosenProfile: string): boolean {
  if (chosenProfile !== '') return !profileNames.includes(chosenProfile);
  const envCredentials = ['AWS_ACCESS_KEY_ID', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE']
    .some((k) => (env[k] ?? '') !== '');
  if (envCredentials) return false;
  const envProfile = env['AWS_PROFILE'] ?? '';
  return envProfile !== '' ? !profileNames.includes(envProfile) : profileNames.length === 0;
}
