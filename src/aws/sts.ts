// STS: who the session's credentials belong to (the principal of an OpenSearch Serverless data access policy).
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { CallScope } from './bedrock';
import { callAws } from './errors';

/** Who the credentials are: the caller's IAM ARN and its account, one GetCallerIdentity call. */
export async function callerIdentityOf(client: STSClient, scope: CallScope): Promise<{ arn: string; account: string }> {
  const out = await callAws({ action: 'sts:GetCallerIdentity', profile: scope.profile, region: scope.region }, () => client.send(new GetCallerIdentityCommand({})));
  if (!out.Arn || !out.Account) throw new Error('STS GetCallerIdentity returned no ARN or account; set vectorStore.principal in the spec');
  return { arn: out.Arn, account: out.Account };
}

/** The caller's IAM ARN, one GetCallerIdentity call. */
export async function callerArnOf(client: STSClient, scope: CallScope): Promise<string> {
  return (await callerIdentityOf(client, scope)).arn;
}
