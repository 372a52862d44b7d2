// The caller's IAM ARN (STS GetCallerIdentity), the principal of an OpenSearch Serverless data access policy.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { credentialsFor } from '../credentials';
import { callAws } from '../errors';

export async function callerArn(o: { profile?: string | undefined; region: string; endpoint?: string | undefined }): Promise<string> {
  const client = new STSClient({ region: o.region, credentials: credentialsFor(o.profile), ...(o.endpoint ? { endpoint: o.endpoint } : {}) });
  try {
    const out = await callAws({ action: 'sts:GetCallerIdentity', profile: o.profile, region: o.region }, () => client.send(new GetCallerIdentityCommand({})));
    if (!out.Arn) throw new Error('STS GetCallerIdentity returned no ARN; set vectorStore.principal in the spec');
    return out.Arn;
  } finally {
    client.destroy();
  }
}
