// The clean-up plan: a versioned JSON document listing every resource a clean-up may touch, and nothing else.
// The executor only ever acts on resources named here, so this shape is the safety boundary.

import { asPrefix, parseS3Uri } from '../awsRules/s3Uri';

export const PLAN_VERSION = 2;

/** Kinds in the order a human reads them (grouping in the UI); deletion order is `order.ts`'s job. */
export const RESOURCE_KINDS = [
  'customization-job',
  'batch-job',
  'provisioned-throughput',
  'custom-model',
  'opensearch-index',
  'aoss-collection',
  'aoss-security-policy',
  'aoss-access-policy',
  's3-prefix',
  'iam-role',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const KIND_LABELS: Record<ResourceKind, string> = {
  'customization-job': 'Running customization jobs (stopped)',
  'batch-job': 'Batch inference jobs in progress (stopped)',
  'provisioned-throughput': 'Provisioned throughputs',
  'custom-model': 'Custom models',
  'opensearch-index': 'OpenSearch indexes',
  'aoss-collection': 'OpenSearch Serverless collections',
  'aoss-security-policy': 'OpenSearch Serverless encryption and network policies',
  'aoss-access-policy': 'OpenSearch Serverless data access policies',
  's3-prefix': 'S3 prefixes',
  'iam-role': 'IAM role',
};

/** How a resource is addressed. Which fields are needed depends on the kind (see `identityProblem`). */
export interface ResourceIdentity {
  /** Bedrock job/model/throughput ARN, AOSS collection ARN, IAM role ARN. */
  arn?: string;
  /** Collection, policy, role or index name. */
  name?: string;
  /** AOSS collection id (DeleteCollection takes the id). */
  id?: string;
  /** `encryption` | `network` for security policies, `data` for access policies. */
  policyType?: 'encryption' | 'network' | 'data';
  bucket?: string;
  prefix?: string;
  /** OpenSearch index: the data-plane endpoint and the signing service (`aoss` or `es`). */
  endpoint?: string;
  service?: 'aoss' | 'es';
}

/**
 * Why a resource is in the plan. Proof that this work created it: `tag`, `ledger`. Offered unticked:
 * `unconfirmed-ledger` (only in the workspace's ledger file), `related` (the service role an owned job used),
 * `dependency` (a throughput serving an owned model). `manual`: added by the user; `previous-plan`: left over.
 */
export const REASON_SOURCES = ['tag', 'ledger', 'unconfirmed-ledger', 'related', 'manual', 'dependency', 'previous-plan'] as const;
export type ReasonSource = (typeof REASON_SOURCES)[number];
export interface Reason {
  source: ReasonSource;
  /** e.g. `launched by this work (train.bedrock-job.json, 2026-12-01 10:00)`, `tag created-by=bedrock-mm-customizer`. */
  detail: string;
}

/** What a resource costs while it exists; `cost.ts` turns this into words. */
export type CostFacts =
  | { kind: 'throughput'; modelUnits: number; commitment?: string; commitmentExpiresAt?: string }
  | { kind: 'model-storage' }
  | { kind: 'job-training' }
  | { kind: 'batch-inference' }
  | { kind: 'collection-ocu' }
  | { kind: 's3-storage'; objectCount?: number; bytes?: number; truncated?: boolean }
  | { kind: 'none'; note?: string };

export interface PlanResource {
  /** Stable key, `<kind>:<identity>` (see `resourceKey`), unique in a plan. */
  key: string;
  kind: ResourceKind;
  /** Short human name (model name, `s3://bucket/prefix`, ...). */
  label: string;
  identity: ResourceIdentity;
  region: string;
  reasons: Reason[];
  cost: CostFacts;
  /** Keys of plan resources that must be gone before this one is deleted (e.g. a model waits for its throughput). */
  after: string[];
  /** Ticked by the user. Unticked resources stay in the file (so a re-run shows them) but are never touched. */
  selected: boolean;
}

export interface CleanupPlan {
  version: typeof PLAN_VERSION;
  createdAt: string;
  /** The account the plan was made in: running it under other credentials is refused. */
  account: string;
  region: string;
  resources: PlanResource[];
}

const IDENTITY_FIELDS = ['arn', 'name', 'id', 'policyType', 'bucket', 'prefix', 'endpoint', 'service'] as const;

/** Reads an identity from a JSON object (a plan file, a ledger line): the known fields, each a string; a bad field is named. */
export function readIdentityFields(v: Readonly<Record<string, unknown>>): { identity: ResourceIdentity; problems: string[] } {
  const identity: Record<string, string> = {};
  const problems: string[] = [];
  for (const f of IDENTITY_FIELDS) {
    const x = v[f];
    if (x === undefined) continue;
    if (typeof x !== 'string') problems.push(`identity.${f} must be a string`);
    else identity[f] = x;
  }
  return { identity: identity as ResourceIdentity, problems };
}

/** The identity part of the key: what makes two discoveries the same resource. */
export function resourceKey(kind: ResourceKind, id: ResourceIdentity): string {
  switch (kind) {
    case 's3-prefix': return `${kind}:s3://${id.bucket ?? ''}/${id.prefix ?? ''}`;
    case 'aoss-security-policy':
    case 'aoss-access-policy': return `${kind}:${id.policyType ?? ''}/${id.name ?? ''}`;
    case 'opensearch-index': return `${kind}:${id.endpoint ?? ''}/${id.name ?? ''}`;
    case 'aoss-collection': return `${kind}:${id.name ?? id.id ?? ''}`;
    default: return `${kind}:${id.arn ?? ''}`;
  }
}

/** Why an identity cannot be acted on, or undefined when it is complete. An empty S3 prefix is refused on purpose. */
export function identityProblem(kind: ResourceKind, id: ResourceIdentity): string | undefined {
  switch (kind) {
    case 'customization-job':
    case 'batch-job':
    case 'provisioned-throughput':
    case 'custom-model':
      return id.arn ? undefined : 'needs "arn" (the identity is the ARN)';
    case 'aoss-collection':
      return id.name ? undefined : 'needs "name"';
    case 'aoss-security-policy':
      return id.name && (id.policyType === 'encryption' || id.policyType === 'network') ? undefined : 'needs "name" and "policyType" encryption or network';
    case 'aoss-access-policy':
      return id.name && id.policyType === 'data' ? undefined : 'needs "name" and "policyType" data';
    case 'opensearch-index':
      return id.name && id.endpoint ? undefined : 'needs "name" and "endpoint"';
    case 's3-prefix':
      if (!id.bucket) return 'needs "bucket"';
      if (!id.prefix) return 'needs a non-empty "prefix" (a clean-up never empties a whole bucket)';
      return undefined;
    case 'iam-role': {
      if (!id.arn) return 'needs "arn" (the identity is the ARN)';
      const name = roleNameFromArn(id.arn);
      if (!name) return `"arn" ${id.arn} is not an IAM role ARN`;
      return id.name !== undefined && id.name !== name ? `"name" ${id.name} disagrees with its ARN (role ${name}): fix or remove the name` : undefined;
    }
  }
}

/**
 * Parses an `s3://bucket/prefix` URI into bucket and prefix, the prefix as a folder (ending in `/`, so `out` never
 * covers `outbound/`); undefined when it is not one. A bare bucket gives an empty prefix.
 */
export function parseS3Prefix(uri: string): { bucket: string; prefix: string } | undefined {
  const l = parseS3Uri(uri);
  return l && { bucket: l.bucket, prefix: asPrefix(l.key) };
}

/** The label a resource is shown with, derived from its identity (a label in a plan file is never trusted). */
export function labelFor(kind: ResourceKind, id: ResourceIdentity): string {
  switch (kind) {
    case 's3-prefix': return `s3://${id.bucket ?? ''}/${id.prefix ?? ''}`;
    case 'aoss-security-policy':
    case 'aoss-access-policy': return `${id.name ?? ''} (${id.policyType ?? ''} policy)`;
    case 'iam-role': return roleNameFromArn(id.arn ?? '') ?? id.arn ?? '';
    case 'aoss-collection':
    case 'opensearch-index': return id.name ?? '';
    default: return id.name ?? id.arn ?? ''; // a Bedrock name is checked against the live resource before deleting
  }
}

/** The IAM role name from a role ARN (`arn:aws:iam::123:role/path/Name` → `Name`). */
export function roleNameFromArn(arn: string): string | undefined {
  const m = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
  return m?.[1];
}
