// What the AWS SDK itself would send each service to: `AWS_ENDPOINT_URL_<SERVICE ID>`, `AWS_ENDPOINT_URL`, the
// `services` section or `endpoint_url` of the shared config file (AWS_IGNORE_CONFIGURED_ENDPOINT_URLS honoured).
// Asked of a real client of each service, so the answer is the SDK's own resolution, not a copy of its rules.
// Note the SDK (as installed) reads the config file of AWS_PROFILE (or default), never a client's `profile`.
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { IAMClient } from '@aws-sdk/client-iam';
import { OpenSearchServerlessClient } from '@aws-sdk/client-opensearchserverless';
import { S3Client } from '@aws-sdk/client-s3';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsEndpoints } from './session';

type Service = keyof AwsEndpoints;

interface ConfiguredClient {
  config: { serviceId?: string; serviceConfiguredEndpoint?: () => Promise<string | undefined> };
  destroy(): void;
}

// Region and dummy credentials: the clients are only asked about their configuration, never sent anything.
const make = (C: new (c: object) => ConfiguredClient) => (): ConfiguredClient =>
  new C({ region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });

const CLIENTS: Readonly<Record<Service, () => ConfiguredClient>> = {
  bedrock: make(BedrockClient),
  bedrockRuntime: make(BedrockRuntimeClient),
  s3: make(S3Client),
  opensearchServerless: make(OpenSearchServerlessClient),
  iam: make(IAMClient),
  sts: make(STSClient),
  serviceQuotas: make(ServiceQuotasClient),
};

export interface ConfiguredEndpoint {
  /** The SDK's service id ('Bedrock Runtime'); its variable is AWS_ENDPOINT_URL_ + the id upper-cased, '_' for ' '. */
  readonly serviceId: string;
  /** Where the SDK sends this service; undefined: AWS's public endpoint. */
  readonly url: string | undefined;
}

/** Every service's endpoint as the SDK resolves it from the environment and the shared config file. */
export async function sdkConfiguredEndpoints(): Promise<Record<Service, ConfiguredEndpoint>> {
  const out: Partial<Record<Service, ConfiguredEndpoint>> = {};
  for (const [service, create] of Object.entries(CLIENTS) as [Service, () => ConfiguredClient][]) {
    const client = create();
    try {
      const url = await client.config.serviceConfiguredEndpoint?.();
      out[service] = { serviceId: client.config.serviceId ?? service, url: url || undefined };
    } finally {
      client.destroy();
    }
  }
  return out as Record<Service, ConfiguredEndpoint>;
}
