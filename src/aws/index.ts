// The AWS layer's public surface, bundled as dist/aws.js and loaded lazily by the extension (loadAws()).
// Each service wrapper is one file in this folder; this index only re-exports. The vscode glue imports it
// as `import type` only; values come through loadAws().
export const AWS_LAYER_VERSION = 1;

export { AwsSession, createAwsSession, DEFAULT_MAX_ATTEMPTS } from './session';
export type { AwsEndpoints, AwsSessionOptions } from './session';

export { BedrockControlPlane } from './bedrock';
export type {
  CallScope, CreateModelCustomizationJobRequest, CreateProvisionedModelThroughputRequest, CustomModelFilter, CustomModelSummary,
  FoundationModelDetails, GetCustomModelResponse, GetModelCustomizationJobResponse, GetModelInvocationJobResponse, GetProvisionedModelThroughputResponse, JobFilter,
  ModelCustomizationJobSummary, ModelInvocationJobSummary, ProvisionedModelSummary, Tag, ThroughputFilter,
} from './bedrock';

export { BedrockRuntime } from './runtime';
export type { EmbedRequest, Embedding, EmbeddingLength } from './runtime';

export { IamRoles, decodePolicyDocument } from './iam';
export type { IamRoleSummary } from './iam';

export { S3Storage, DELETE_BATCH } from './s3';
export type { DeleteObjectsResult, ListObjectsOptions, S3ObjectHead, S3ObjectSummary, S3RangeRead } from './s3';

export { AossControlPlane } from './aoss';
export type {
  AccessPolicyDetail, AossTag, CollectionDetail, CollectionErrorDetail, CollectionSummary, CreateCollectionDetail, CreateCollectionInput,
  DeleteCollectionDetail, PolicyInput, SecurityPolicyDetail, SecurityPolicyKind,
} from './aoss';

export { OpenSearchDataPlane } from './openSearch';
export type { BulkResult, KnnHit, OpenSearchService, SpaceType, VectorIndexSpec } from './openSearch';

export { credentialsFor, listProfiles, regionForProfile } from './credentials';
export type { AwsCredentialIdentityProvider, AwsProfile, ProfileKind } from './credentials';

export { AwsUserError, toUserError, callAws } from './errors';
export type { AwsErrorContext, AwsErrorKind } from './errors';

export { iteratePages } from './pages';
export type { Page } from './pages';

// Pure helpers, re-exported so CLI and glue code can reach them through one entry.
export { TMME_CUSTOMIZATION_REGIONS, DEFAULT_REGION, offersTmmeCustomization } from '../core/awsRules/regions';
export { parseArn, resourceIdOf } from '../core/awsRules/arn';
export { parseS3Uri, formatS3Uri } from '../core/awsRules/s3Uri';

// The comparison pipeline (compare spec -> embeddings -> vector store -> report), for `Compare Models` in VS Code.
export { runCompare, reportPathFor, SpecError, WriteRefused, CreationDeclined, BatchDeclined } from './compare/runCompare';
export type { CompareOptions, CompareOutcome } from './compare/runCompare';
export { readImageIdentities } from './compare/leakage';
export { unavailability } from './compare/availability';
export { embeddingRuntime } from './compare/embeddingRuntime';
export { callerArn } from './compare/callerIdentity';

// Clean-up: discovery and per-kind targets for the executor in src/core/cleanup.
export { cleanupTargets, discover, AWS_ERRORS } from './cleanup/index';
export type { Discovery, DiscoveryInput, TargetOptions } from './cleanup/index';
export { checkPresence, discoverPlan, runPlan } from './cleanup/run';
export type { RunOptions } from './cleanup/run';
export { AccountMismatchError, verifyPlan } from './cleanup/verify';
export type { Grown, Verification } from './cleanup/verify';

// Endpoints as the SDK resolves them (AWS_ENDPOINT_URL_*, the config file's services), for the CLI's endpoint check.
export { sdkConfiguredEndpoints } from './configuredEndpoints';
export type { ConfiguredEndpoint } from './configuredEndpoints';
