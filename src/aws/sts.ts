// STS: who the session's credentials belong to (the principal of an OpenSearch Serverless data access policy).
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { CallScope } from './bedrock';
import { callAws } from './errors';

/** The caller's IAM ARN, one GetCallerIdentity call. */
export async function callerArnOf(client: STSClient, scope: CallScope): Promise<string> {
  const out = await callAws({ action: 'sts:GetCallerIdentity', profile: scope.profile, region: scope.region }, () => client.send(new GetCallerIdentityCommand({})));
  if (!out.Arn) throw new Error('STS GetCallerIdentity returned no ARN; set vectorStore.principal in the spec');
  return out.Arn;
}
