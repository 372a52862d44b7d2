import {
  BatchGetCollectionCommand,
  CreateAccessPolicyCommand,
  CreateCollectionCommand,
  CreateSecurityPolicyCommand,
  DeleteAccessPolicyCommand,
  DeleteCollectionCommand,
  DeleteSecurityPolicyCommand,
  GetAccessPolicyCommand,
  GetSecurityPolicyCommand,
  ListTagsForResourceCommand,
  ListCollectionsCommand,
  OpenSearchServerlessClient,
  type AccessPolicyDetail,
  type CollectionDetail,
  type CollectionErrorDetail,
  type CollectionFilters,
  type CollectionSummary,
  type CreateCollectionDetail,
  type DeleteCollectionDetail,
  type SecurityPolicyDetail,
  type Tag as AossTag,
} from '@aws-sdk/client-opensearchserverless';
import type { CallScope } from './bedrock';
import { callAws } from './errors';
import { iteratePages, type Page } from './pages';

export type { AccessPolicyDetail, CollectionDetail, CollectionErrorDetail, CollectionSummary, CreateCollectionDetail, DeleteCollectionDetail, SecurityPolicyDetail, AossTag };

export type SecurityPolicyKind = 'encryption' | 'network';

export interface PolicyInput {
  readonly name: string;
  /** The policy document: an object or array (serialized here) or its JSON text. */
  readonly policy: unknown;
  readonly description?: string | undefined;
  readonly clientToken?: string | undefined;
}

export interface CreateCollectionInput {
  readonly name: string;
  readonly type?: 'VECTORSEARCH' | 'SEARCH' | 'TIMESERIES';
  readonly description?: string | undefined;
  readonly tags?: AossTag[] | undefined;
  readonly standbyReplicas?: 'ENABLED' | 'DISABLED' | undefined;
  readonly clientToken?: string | undefined;
}

/** OpenSearch Serverless control plane (awsJson1_0, docs/reference/opensearch.md §1). One API call per method. */
export class AossControlPlane {
  constructor(private readonly client: OpenSearchServerlessClient, private readonly scope: CallScope) {}

  async createSecurityPolicy(type: SecurityPolicyKind, input: PolicyInput): Promise<SecurityPolicyDetail | undefined> {
    const out = await this.call('CreateSecurityPolicy', input.name, () => this.client.send(new CreateSecurityPolicyCommand({
      name: input.name, type, policy: policyText(input.policy), description: input.description, clientToken: input.clientToken,
    })));
    return out.securityPolicyDetail;
  }

  async deleteSecurityPolicy(type: SecurityPolicyKind, name: string): Promise<void> {
    await this.call('DeleteSecurityPolicy', name, () => this.client.send(new DeleteSecurityPolicyCommand({ name, type })));
  }

  async createAccessPolicy(input: PolicyInput): Promise<AccessPolicyDetail | undefined> {
    const out = await this.call('CreateAccessPolicy', input.name, () => this.client.send(new CreateAccessPolicyCommand({
      name: input.name, type: 'data', policy: policyText(input.policy), description: input.description, clientToken: input.clientToken,
    })));
    return out.accessPolicyDetail;
  }

  async deleteAccessPolicy(name: string): Promise<void> {
    await this.call('DeleteAccessPolicy', name, () => this.client.send(new DeleteAccessPolicyCommand({ name, type: 'data' })));
  }

  async createCollection(input: CreateCollectionInput): Promise<CreateCollectionDetail | undefined> {
    const out = await this.call('CreateCollection', input.name, () => this.client.send(new CreateCollectionCommand({
      name: input.name, type: input.type ?? 'VECTORSEARCH', description: input.description, tags: input.tags,
      standbyReplicas: input.standbyReplicas, clientToken: input.clientToken,
    })));
    return out.createCollectionDetail;
  }

  /** Poll this until the collection is ACTIVE; names or ids that do not exist come back in `errors`. */
  async batchGetCollections(by: { ids: string[] } | { names: string[] }): Promise<{ collections: CollectionDetail[]; errors: CollectionErrorDetail[] }> {
    const out = await this.call('BatchGetCollection', undefined, () => this.client.send(new BatchGetCollectionCommand(by)));
    return { collections: out.collectionDetails ?? [], errors: out.collectionErrorDetails ?? [] };
  }

  async listCollectionsPage(filters: CollectionFilters = {}, nextToken?: string, maxResults?: number): Promise<Page<CollectionSummary>> {
    const out = await this.call('ListCollections', undefined, () => this.client.send(new ListCollectionsCommand({ collectionFilters: filters, nextToken, maxResults })));
    return { items: out.collectionSummaries ?? [], nextToken: out.nextToken };
  }

  listCollections(filters: CollectionFilters = {}, pageSize?: number): AsyncGenerator<CollectionSummary> {
    return iteratePages((token) => this.listCollectionsPage(filters, token, pageSize));
  }

  async deleteCollection(id: string): Promise<DeleteCollectionDetail | undefined> {
    const out = await this.call('DeleteCollection', id, () => this.client.send(new DeleteCollectionCommand({ id })));
    return out.deleteCollectionDetail;
  }

  // ---- read-backs used by the clean-up (existence checks and tag discovery)
  async getSecurityPolicy(type: SecurityPolicyKind, name: string): Promise<SecurityPolicyDetail | undefined> {
    const out = await this.call('GetSecurityPolicy', name, () => this.client.send(new GetSecurityPolicyCommand({ name, type })));
    return out.securityPolicyDetail;
  }

  async getAccessPolicy(name: string): Promise<AccessPolicyDetail | undefined> {
    const out = await this.call('GetAccessPolicy', name, () => this.client.send(new GetAccessPolicyCommand({ name, type: 'data' })));
    return out.accessPolicyDetail;
  }

  async listTagsForResource(resourceArn: string): Promise<AossTag[]> {
    const out = await this.call('ListTagsForResource', resourceArn, () => this.client.send(new ListTagsForResourceCommand({ resourceArn })));
    return out.tags ?? [];
  }

  private call<T>(operation: string, resource: string | undefined, send: () => Promise<T>): Promise<T> {
    return callAws({ action: `aoss:${operation}`, resource, profile: this.scope.profile, region: this.scope.region }, send);
  }
}

function policyText(policy: unknown): string {
  return typeof policy === 'string' ? policy : JSON.stringify(policy);
}
