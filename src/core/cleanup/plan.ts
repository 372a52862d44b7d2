// The clean-up plan: a versioned JSON document listing every resource a clean-up may touch, and nothing else.
// The executor only ever acts on resources named here, so this shape is the safety boundary.

export const PLAN_VERSION = 1;

/** Kinds in the order a human reads them (grouping in the UI); deletion order is `order.ts`'s job. */
export const RESOURCE_KINDS = [
  'customization-job',
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

export type ReasonSource = 'tag' | 'job-spec' | 'comparison-run' | 'manual' | 'dependency' | 'previous-plan';
export interface Reason {
  source: ReasonSource;
  /** e.g. `train.bedrock-job.json`, `tag created-by=bedrock-mm-customizer`, `serves model X`. */
  detail: string;
}

/** What a resource costs while it exists; `cost.ts` turns this into words. */
export type CostFacts =
  | { kind: 'throughput'; modelUnits: number; commitment?: string; commitmentExpiresAt?: string }
  | { kind: 'model-storage' }
  | { kind: 'job-training' }
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
  region: string;
  resources: PlanResource[];
}

/** The identity part of the key: what makes two discoveries the same resource. */
export function resourceKey(kind: ResourceKind, id: ResourceIdentity): string {
  switch (kind) {
    case 's3-prefix': return `${kind}:s3://${id.bucket ?? ''}/${id.prefix ?? ''}`;
    case 'aoss-security-policy':
    case 'aoss-access-policy': return `${kind}:${id.policyType ?? ''}/${id.name ?? ''}`;
    case 'opensearch-index': return `${kind}:${id.endpoint ?? ''}/${id.name ?? ''}`;
    case 'aoss-collection': return `${kind}:${id.name ?? id.id ?? ''}`;
    default: return `${kind}:${id.arn ?? id.name ?? ''}`;
  }
}

/** Why an identity cannot be acted on, or undefined when it is complete. An empty S3 prefix is refused on purpose. */
export function identityProblem(kind: ResourceKind, id: ResourceIdentity): string | undefined {
  switch (kind) {
    case 'customization-job':
    case 'provisioned-throughput':
    case 'custom-model':
      return id.arn || id.name ? undefined : 'needs "arn" or "name"';
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
    case 'iam-role':
      return id.name || id.arn ? undefined : 'needs "name" or "arn"';
  }
}

/** Parses an `s3://bucket/prefix` URI into bucket and prefix; undefined when it is not one. */
export function parseS3Prefix(uri: string): { bucket: string; prefix: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri.trim());
  if (!m?.[1]) return undefined;
  return { bucket: m[1], prefix: m[2] ?? '' };
}

/** The IAM role name from a role ARN (`arn:aws:iam::123:role/path/Name` → `Name`). */
export function roleNameFromArn(arn: string): string | undefined {
  const m = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
  return m?.[1];
}
