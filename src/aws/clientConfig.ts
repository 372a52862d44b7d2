import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Settings shared by every client of a session. */
export interface ClientSettings {
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  /** Total attempts per call including retries (the SDK's adaptive retry: backoff, jitter, client-side rate limit). */
  readonly maxAttempts: number;
  /** `adaptive` (default) adds a client-side rate limiter that slows down while AWS throttles. */
  readonly retryMode: 'adaptive' | 'standard';
  readonly requestTimeoutMs: number;
}

/** The configuration every SDK client of a session is built with; `endpoint` only when overridden. */
export function clientConfig(settings: ClientSettings, endpoint: string | undefined) {
  return {
    region: settings.region,
    credentials: settings.credentials,
    retryMode: settings.retryMode,
    maxAttempts: settings.maxAttempts,
    // HTTP/1.1 for every client: the Bedrock runtime client defaults to HTTP/2, which a plain-http endpoint
    // (the local emulator, a proxy) cannot speak; InvokeModel works the same over HTTP/1.1.
    requestHandler: new NodeHttpHandler({ connectionTimeout: Math.min(settings.requestTimeoutMs, 10_000), requestTimeout: settings.requestTimeoutMs }),
    ...(endpoint ? { endpoint } : {}),
  };
}
