// The caller's IAM ARN (STS GetCallerIdentity), the principal of an OpenSearch Serverless data access policy.
import { STSClient } from '@aws-sdk/client-sts';
import { credentialsFor } from '../credentials';
import { callerArnOf } from '../sts';

export async function callerArn(o: { profile?: string | undefined; region: string; endpoint?: string | undefined }): Promise<string> {
  const client = new STSClient({ region: o.region, credentials: credentialsFor(o.profile), ...(o.endpoint ? { endpoint: o.endpoint } : {}) });
  try {
    return await callerArnOf(client, { profile: o.profile, region: o.region });
  } finally {
    client.destroy();
  }
}
