// The emulated services: the keys of the endpoints line, the admin API's `service` names and fault targets.

export const SERVICES = ['bedrock', 'bedrockRuntime', 's3', 'opensearchServerless', 'opensearch', 'sts', 'iam', 'serviceQuotas'] as const;
export type ServiceName = (typeof SERVICES)[number];

export function isServiceName(value: unknown): value is ServiceName {
  return typeof value === 'string' && (SERVICES as readonly string[]).includes(value);
}

/** The endpoints line printed once ready and returned by `startEmulator`. */
export interface Endpoints {
  bedrock: string;
  bedrockRuntime: string;
  s3: string;
  opensearchServerless: string;
  opensearch: string;
  /** STS GetCallerIdentity (for the data access policy's principal) and AssumeRole (role_arn + source_profile). */
  sts: string;
  /** IAM roles and inline role policies (the customization service role and its clean-up). */
  iam: string;
  /** Service Quotas GetServiceQuota and ListServiceQuotas (the batch-inference quotas, seedable). */
  serviceQuotas: string;
  admin: string;
}

export const REGION = 'us-east-1';
export const ACCOUNT_ID = '123456789012';

/** The identity every request is made as (STS GetCallerIdentity, access-denied messages). */
export const CALLER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/emulator`;
