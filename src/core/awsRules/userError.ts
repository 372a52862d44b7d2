/** What a failed AWS call means for the user; the UI picks its buttons from the kind. */
export type AwsErrorKind =
  | 'noCredentials' // nothing in the provider chain: offer "Choose profile"
  | 'ssoExpired' // offer "Sign in again" (runs `signInCommand`)
  | 'credentialsExpired'
  | 'credentialsInvalid'
  | 'scpDenied' // an organization's service control policy: only an administrator can lift it
  | 'accessDenied'
  | 'modelAccess' // model access not enabled in the Bedrock console for this region
  | 'throttled'
  | 'quota'
  | 'notFound'
  | 'conflict'
  | 'validation'
  | 'network'
  | 'internal'
  | 'unknown';

/** Where the failure happened, as the caller knows it. Never put credentials here. */
export interface AwsErrorContext {
  /** The IAM action of the call, e.g. `bedrock:CreateModelCustomizationJob`, `s3:GetObject`. */
  readonly action: string;
  /** The resource the call was about (ARN, `s3://bucket/key`, name). */
  readonly resource?: string | undefined;
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
}

/** Where AWS answered: the HTTP status and the request id (what AWS support asks for). */
export interface AwsResponseIds {
  readonly httpStatus?: number | undefined;
  readonly requestId?: string | undefined;
}

/** The facts of an error, as read from an SDK or HTTP error (see src/aws/errors.ts). */
export interface AwsErrorFacts extends AwsResponseIds {
  /** The AWS error code (`AccessDeniedException`, `NoSuchKey`) or the error's class name. */
  readonly name?: string | undefined;
  readonly message?: string | undefined;
  /** A Node system error code (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, `ETIMEDOUT`). */
  readonly errno?: string | undefined;
  /** How many attempts the SDK made before giving up (includes retries). */
  readonly attempts?: number | undefined;
}

/** An actionable error: `message` is shown as is; `fix` says what to do; no credentials ever appear in either. */
export class AwsUserError extends Error {
  override readonly name = 'AwsUserError';
  constructor(
    readonly kind: AwsErrorKind,
    message: string,
    readonly details: AwsResponseIds & {
      readonly code?: string | undefined;
      /** The IAM action that was denied or attempted. */
      readonly iamAction?: string | undefined;
      readonly resource?: string | undefined;
      /** What the user can do, one sentence. */
      readonly fix?: string | undefined;
      /** For `ssoExpired`: the shell command that signs in again. */
      readonly signInCommand?: string | undefined;
      /** True when retrying the same call later may succeed. */
      readonly retryable: boolean;
    },
  ) {
    super(message);
  }
}

const NETWORK_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
const THROTTLE_CODES = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'SlowDown', 'RequestLimitExceeded', 'ProvisionedThroughputExceededException', 'RequestThrottled', 'RequestThrottledException']);
const EXPIRED_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const INVALID_CRED_CODES = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'InvalidAccessKeyId', 'IncompleteSignature', 'MissingAuthenticationToken']);
const NOT_FOUND_CODES = new Set(['ResourceNotFoundException', 'NoSuchKey', 'NoSuchBucket', 'NotFound', 'NoSuchUpload', 'index_not_found_exception']);
const CONFLICT_CODES = new Set(['ConflictException', 'ResourceInUseException', 'BucketNotEmpty', 'BucketAlreadyOwnedByYou', 'resource_already_exists_exception', 'version_conflict_engine_exception']);
const INTERNAL_CODES = new Set(['InternalServerException', 'InternalServerError', 'InternalFailure', 'InternalError', 'ServiceUnavailableException', 'ServiceUnavailable', 'ModelNotReadyException', 'ModelTimeoutException']);

/**
 * Turns the facts of a failed call into a message a user can act on. Pure: the wording lives here so it is
 * unit-tested; src/aws/errors.ts only reads the facts off SDK errors.
 */
export function describeAwsError(facts: AwsErrorFacts, ctx: AwsErrorContext): AwsUserError {
  const code = facts.name ?? '';
  const raw = redactSecrets(facts.message ?? '');
  const status = facts.httpStatus;
  const where = ctx.region ? ` in ${ctx.region}` : '';
  const profile = ctx.profile && ctx.profile !== '' ? ctx.profile : 'default';
  const base = { code: code || undefined, httpStatus: status, requestId: facts.requestId, iamAction: ctx.action, resource: ctx.resource };
  const suffix = requestSuffix(code, facts.requestId);

  if (isSsoExpired(code, raw)) {
    const signInCommand = profile === 'default' ? 'aws sso login' : `aws sso login --profile ${profile}`;
    return new AwsUserError('ssoExpired', `The AWS SSO session of profile "${profile}" has expired. Sign in again: run \`${signInCommand}\`, then retry.`, {
      ...base, signInCommand, fix: `Run \`${signInCommand}\` in a terminal.`, retryable: true,
    });
  }
  if (code === 'CredentialsProviderError' || /could not load credentials|unable to load credentials|profile .* could not be found/i.test(raw)) {
    const detail = /profile/i.test(raw) ? ` (${raw})` : '';
    return new AwsUserError('noCredentials', `No AWS credentials found for profile "${profile}"${detail}. Choose a profile (Bedrock Customizer: Select AWS Profile) or configure one with \`aws configure\`.`, {
      ...base, fix: 'Choose another profile, or add credentials to ~/.aws/config.', retryable: false,
    });
  }
  if (EXPIRED_CODES.has(code) || /security token included in the request is expired/i.test(raw)) {
    return new AwsUserError('credentialsExpired', `The AWS credentials of profile "${profile}" have expired. Refresh them (sign in again or renew the session) and retry.${suffix}`, {
      ...base, fix: 'Refresh the profile\'s credentials.', retryable: true,
    });
  }
  if (INVALID_CRED_CODES.has(code)) {
    return new AwsUserError('credentialsInvalid', `AWS rejected the credentials of profile "${profile}"${where}: ${raw || code}. Check the access key of the profile, or choose another profile.${suffix}`, {
      ...base, fix: 'Choose another profile or fix its keys.', retryable: false,
    });
  }
  if (/explicit deny in a service control policy/i.test(raw)) {
    const denied = parseDenied(raw) ?? { action: ctx.action, resource: ctx.resource };
    return new AwsUserError('scpDenied', `Your AWS Organization's service control policy explicitly denies ${denied.action}${onResource(denied.resource)}${where}. No IAM policy in your account can override it: ask your organization's administrator to allow it.${suffix}`, {
      ...base, iamAction: denied.action, resource: denied.resource, fix: 'Ask your AWS Organization administrator to change the service control policy.', retryable: false,
    });
  }
  if (isModelAccess(code, raw)) {
    const region = ctx.region ?? 'this region';
    return new AwsUserError('modelAccess', `Model access is not enabled for ${ctx.resource ?? 'this model'} in ${region}. Enable it in the Amazon Bedrock console → Model access (region ${region}), then retry.${suffix}`, {
      ...base, fix: `Open the Bedrock console in ${region}, choose Model access, and request access to the model.`, retryable: false,
    });
  }
  if (code === 'AccessDeniedException' || code === 'AccessDenied' || code === 'Forbidden' || code === 'security_exception' || status === 403) {
    const denied = parseDenied(raw) ?? { action: ctx.action, resource: ctx.resource };
    const explicit = /explicit deny/i.test(raw) ? ' An IAM policy explicitly denies it.' : '';
    return new AwsUserError('accessDenied', `Access denied: your identity is not allowed ${denied.action}${onResource(denied.resource)}${where}.${explicit} Ask for an IAM policy that allows ${denied.action}.${suffix}`, {
      ...base, iamAction: denied.action, resource: denied.resource, fix: `Add ${denied.action} to your IAM policy.`, retryable: false,
    });
  }
  if (THROTTLE_CODES.has(code) || status === 429) {
    const tries = facts.attempts && facts.attempts > 1 ? ` after ${facts.attempts} attempts` : '';
    return new AwsUserError('throttled', `AWS is throttling ${ctx.action}${where}; it still failed${tries}. Wait a minute and retry, or request a higher quota in Service Quotas.${suffix}`, {
      ...base, fix: 'Retry later.', retryable: true,
    });
  }
  if (code === 'ServiceQuotaExceededException' || code === 'TooManyTagsException' || code === 'LimitExceededException') {
    return new AwsUserError('quota', `${ctx.action} exceeds an AWS quota${where}: ${raw || code}. Free some capacity or request an increase in Service Quotas.${suffix}`, {
      ...base, fix: 'Request a quota increase in Service Quotas.', retryable: false,
    });
  }
  if (NOT_FOUND_CODES.has(code) || status === 404) {
    const what = ctx.resource ?? 'The resource';
    return new AwsUserError('notFound', `${what} was not found${where}${raw ? `: ${raw}` : ''}. Check the name and the region, then refresh.${suffix}`, {
      ...base, fix: 'Check the name and region.', retryable: false,
    });
  }
  if (CONFLICT_CODES.has(code) || status === 409) {
    return new AwsUserError('conflict', `${ctx.action} conflicts with the current state${onResource(ctx.resource)}: ${raw || code}.${suffix}`, {
      ...base, fix: 'Resolve the conflict (the message says what is in the way), then retry.', retryable: false,
    });
  }
  if (facts.errno !== undefined && NETWORK_ERRNOS.has(facts.errno) || code === 'TimeoutError' || code === 'RequestTimeout' || /socket hang up|network|ECONNRESET/i.test(raw) && status === undefined) {
    return new AwsUserError('network', `Could not reach AWS for ${ctx.action}${where} (${facts.errno ?? code ?? 'network error'}). Check your network, proxy or endpoint settings, then retry.`, {
      ...base, fix: 'Check the network and the bedrockCustomizer.endpoints.* settings.', retryable: true,
    });
  }
  if (INTERNAL_CODES.has(code) || (status !== undefined && status >= 500)) {
    return new AwsUserError('internal', `AWS had an internal error on ${ctx.action}${where}: ${raw || code}. Retry in a moment.${suffix}`, {
      ...base, fix: 'Retry later.', retryable: true,
    });
  }
  if (code === 'ValidationException' || code === 'InvalidRequest' || code === 'InvalidParameterValue' || code === 'BadRequest' || status === 400) {
    return new AwsUserError('validation', `AWS rejected ${ctx.action}${onResource(ctx.resource)}: ${raw || code}.${suffix}`, {
      ...base, fix: 'Correct the value the message names.', retryable: false,
    });
  }
  return new AwsUserError('unknown', `${ctx.action} failed${where}: ${raw || code || 'unknown error'}.${suffix}`, { ...base, retryable: false });
}

function isSsoExpired(code: string, message: string): boolean {
  if (code === 'SSOTokenProviderFailure' || code === 'TokenProviderError' && /sso/i.test(message)) return true;
  return /sso session .*(expired|invalid)|sso token .*(expired|invalid)|token is expired.*sso|aws sso login/i.test(message);
}

/** Bedrock says "You don't have access to the model with the specified model ID." when model access is off. */
function isModelAccess(code: string, message: string): boolean {
  if (code !== 'AccessDeniedException' && code !== 'AccessDenied') return false;
  return /(don'?t|not) have access to the model|model access/i.test(message);
}

/** Reads "User: ... is not authorized to perform: <action> on resource: <resource>" from an AWS message. */
export function parseDenied(message: string): { action: string; resource: string | undefined } | undefined {
  const m = /not authorized to perform:?\s*([a-z0-9-]+:[A-Za-z0-9*]+)(?:\s+on resource:?\s*("[^"]+"|\S+))?/i.exec(message);
  if (!m) return undefined;
  const resource = m[2]?.replace(/^"|"$/g, '').replace(/[.,]$/, '');
  return { action: m[1] ?? '', resource };
}

function onResource(resource: string | undefined): string {
  return resource ? ` on ${resource}` : '';
}

function requestSuffix(code: string, requestId: string | undefined): string {
  const parts = [code, requestId ? `request id ${requestId}` : ''].filter((p) => p !== '');
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * Removes anything that looks like a credential from text shown to users or written to logs: access key ids,
 * 40-character secrets, session tokens, and signature query parameters of presigned URLs.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|AKPA)[A-Z0-9]{12,}\b/g, '[redacted key id]')
    .replace(/(X-Amz-(?:Credential|Signature|Security-Token)=)[^&\s"]+/gi, '$1[redacted]')
    .replace(/(aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1$2[redacted]')
    // A secret access key: 40 base64 characters mixing upper case, lower case and digits (not a hex digest).
    .replace(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) && /\d/.test(m) ? '[redacted secret]' : m));
}
