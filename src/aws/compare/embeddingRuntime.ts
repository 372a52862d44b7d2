// The Bedrock runtime client the comparison embeds with. It uses the SDK's *standard* retry mode (backoff with
// jitter) rather than the session's adaptive mode: the SDK's adaptive limiter drops to about one request every two
// seconds after a throttle and recovers slowly, while embedAll's own pacer already adapts the rate under the
// user's requests-per-minute cap.

import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { clientConfig } from '../clientConfig';
import { credentialsFor } from '../credentials';
import { BedrockRuntime } from '../runtime';

export interface EmbeddingRuntimeOptions {
  profile?: string | undefined;
  region: string;
  endpoint?: string | undefined;
  credentials?: AwsCredentialIdentityProvider | undefined;
  maxAttempts?: number;
}

export function embeddingRuntime(o: EmbeddingRuntimeOptions): { runtime: BedrockRuntime; dispose(): void } {
  const client = new BedrockRuntimeClient(clientConfig({
    region: o.region,
    credentials: o.credentials ?? credentialsFor(o.profile),
    maxAttempts: o.maxAttempts ?? 4,
    retryMode: 'standard',
    requestTimeoutMs: 60_000,
  }, o.endpoint || undefined));
  return { runtime: new BedrockRuntime(client, { profile: o.profile, region: o.region }), dispose: () => client.destroy() };
}
