import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';

/** Settings shared by every client of a session. */
export interface ClientSettings {
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  /** Total attempts per call including retries (the SDK's adaptive retry: backoff, jitter, client-side rate limit). */
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
}

/** The configuration every SDK client of a session is built with; `endpoint` only when overridden. */
export function clientConfig(settings: ClientSettings, endpoint: string | undefined) {
  return {
    region: settings.region,
    credentials: settings.credentials,
    retryMode: 'adaptive' as const,
    maxAttempts: settings.maxAttempts,
    requestHandler: { connectionTimeout: Math.min(settings.requestTimeoutMs, 10_000), requestTimeout: settings.requestTimeoutMs },
    ...(endpoint ? { endpoint } : {}),
  };
}
