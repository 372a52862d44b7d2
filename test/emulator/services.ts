// The emulated services: the keys of the endpoints line, the admin API's `service` names and fault targets.

export const SERVICES = ['bedrock', 'bedrockRuntime', 's3', 'opensearchServerless', 'opensearch'] as const;
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
  admin: string;
}

export const REGION = 'us-east-1';
export const ACCOUNT_ID = '123456789012';
