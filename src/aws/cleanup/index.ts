// The clean-up over the AWS layer: discovery, and a target per resource kind for the core executor.
import { IAMClient } from '@aws-sdk/client-iam';
import type { CleanupTarget } from '../../core/cleanup/executor';
import type { ResourceKind } from '../../core/cleanup/plan';
import { credentialsFor, type AwsCredentialIdentityProvider } from '../credentials';
import type { AwsSession } from '../session';
import { batchJobTarget, jobTarget, modelTarget, throughputTarget } from './bedrockTargets';
import { iamRoleTarget } from './iamTarget';
import { accessPolicyTarget, collectionTarget, indexTarget, securityPolicyTarget } from './opensearchTargets';
import { s3PrefixTarget, type S3TargetOptions } from './s3Target';

export { AWS_ERRORS, classifyAwsError, explainAwsError } from './errors';
export { discover } from './discover';
export type { Discovery, DiscoveryInput } from './discover';

export interface TargetOptions extends S3TargetOptions {
  /** An IAM endpoint override (tests); IAM is global, so no region-specific endpoint otherwise. */
  iamEndpoint?: string;
  /** Credentials for IAM when the session was built with explicit ones (tests); default: the profile's chain. */
  iamCredentials?: AwsCredentialIdentityProvider;
}

/** One target per kind, all bound to one session. The IAM client is created only if a role is actually handled. */
export function cleanupTargets(session: AwsSession, opts: TargetOptions): Record<ResourceKind, CleanupTarget> {
  let iam: CleanupTarget | undefined;
  // The session's IAM client (its endpoint override included) unless the caller overrides endpoint or credentials.
  const iamClient = (): IAMClient => (opts.iamEndpoint || opts.iamCredentials ? new IAMClient({
    region: session.region, credentials: opts.iamCredentials ?? credentialsFor(session.profile), ...(opts.iamEndpoint ? { endpoint: opts.iamEndpoint } : {}),
  }) : session.iamClient);
  const lazyIam = (): CleanupTarget => (iam ??= iamRoleTarget(iamClient()));
  return {
    'customization-job': jobTarget(session.bedrock),
    'batch-job': batchJobTarget(session.bedrock),
    'provisioned-throughput': throughputTarget(session.bedrock),
    'custom-model': modelTarget(session.bedrock),
    'opensearch-index': indexTarget((endpoint, service) => session.openSearch(endpoint, service)),
    'aoss-collection': collectionTarget(session.aoss),
    'aoss-security-policy': securityPolicyTarget(session.aoss),
    'aoss-access-policy': accessPolicyTarget(session.aoss),
    's3-prefix': s3PrefixTarget(session.s3, opts),
    'iam-role': { exists: (r, s) => lazyIam().exists(r, s), delete: (r, c) => lazyIam().delete(r, c) },
  };
}
