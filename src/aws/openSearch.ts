import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { CallScope } from './bedrock';
import { callAws } from './errors';

/** `aoss` for an OpenSearch Serverless collection, `es` for a managed OpenSearch Service domain. */
export type OpenSearchService = 'aoss' | 'es';
export type SpaceType = 'innerproduct' | 'l2' | 'cosinesimil';

export interface VectorIndexSpec {
  readonly index: string;
  readonly field: string;
  readonly dimension: number;
  /** Always explicit: left out, OpenSearch picks `l2` (the gap of AWS's reference run). */
  readonly spaceType: SpaceType;
  readonly engine?: 'faiss' | 'nmslib' | 'lucene' | undefined;
  /** Other fields of the documents (e.g. `{label: {type: 'keyword'}}`). */
  readonly otherFields?: Record<string, unknown> | undefined;
}

export interface KnnHit {
  readonly id: string;
  readonly score: number;
  readonly source: Record<string, unknown>;
}

export interface BulkResult {
  readonly indexed: number;
  readonly errors: { position: number; type: string; reason: string }[];
}

export interface OpenSearchConnection {
  readonly endpoint: string;
  readonly service: OpenSearchService;
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly maxRetries: number;
  readonly requestTimeoutMs: number;
}

/**
 * The OpenSearch data plane subset the comparison needs, SigV4-signed (docs/reference/opensearch.md §2-3).
 * Never calls `GET /` (it does not exist on Serverless). Documents go in through `_bulk` without ids so
 * classic Serverless vector collections accept them; callers poll `count` until it matches what they wrote.
 */
export class OpenSearchDataPlane {
  private readonly client: Client;

  private readonly service: OpenSearchService;

  constructor(connection: OpenSearchConnection, private readonly scope: CallScope) {
    this.service = connection.service;
    this.client = new Client({
      ...AwsSigv4Signer({ region: connection.region, service: connection.service, getCredentials: () => connection.credentials() }),
      node: connection.endpoint,
      maxRetries: connection.maxRetries,
      requestTimeout: connection.requestTimeoutMs,
    });
  }

  async createVectorIndex(spec: VectorIndexSpec): Promise<void> {
    const body = {
      settings: { 'index.knn': true },
      mappings: {
        properties: {
          ...(spec.otherFields ?? {}),
          [spec.field]: {
            type: 'knn_vector',
            dimension: spec.dimension,
            method: { name: 'hnsw', engine: spec.engine ?? 'faiss', space_type: spec.spaceType },
          },
        },
      },
    };
    await this.call('CreateIndex', spec.index, () => this.client.indices.create({ index: spec.index, body: body as never }));
  }

  async indexExists(index: string): Promise<boolean> {
    const out = await this.call('DescribeIndex', index, () => this.client.indices.exists({ index }));
    return out.body === true;
  }

  async deleteIndex(index: string): Promise<void> {
    await this.call('DeleteIndex', index, () => this.client.indices.delete({ index }));
  }

  /** One `_bulk` call; documents without ids (Serverless classic collections refuse ids). */
  async bulkIndex(index: string, documents: readonly Record<string, unknown>[]): Promise<BulkResult> {
    const body = documents.flatMap((doc) => [{ index: { _index: index } }, doc]);
    const out = await this.call('WriteDocument', index, () => this.client.bulk({ body: body as never }));
    const items = (out.body as { items?: Record<string, { status?: number; error?: { type?: string; reason?: string } }>[] }).items ?? [];
    const errors: BulkResult['errors'] = [];
    items.forEach((item, position) => {
      const result = Object.values(item)[0];
      if (result?.error) errors.push({ position, type: result.error.type ?? 'error', reason: result.error.reason ?? '' });
    });
    return { indexed: items.length - errors.length, errors };
  }

  async count(index: string): Promise<number> {
    const out = await this.call('ReadDocument', index, () => this.client.count({ index }));
    return (out.body as { count?: number }).count ?? 0;
  }

  async knnSearch(index: string, field: string, vector: ArrayLike<number>, k: number): Promise<KnnHit[]> {
    const body = { size: k, query: { knn: { [field]: { vector: Array.from(vector), k } } } };
    const out = await this.call('ReadDocument', index, () => this.client.search({ index, body: body as never }));
    const hits = (out.body as { hits?: { hits?: { _id?: string; _score?: number; _source?: Record<string, unknown> }[] } }).hits?.hits ?? [];
    return hits.map((h) => ({ id: h._id ?? '', score: h._score ?? 0, source: h._source ?? {} }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private call<T>(operation: string, index: string, send: () => Promise<T>): Promise<T> {
    // Serverless checks its data access policy (aoss:<Permission>); a domain checks es:ESHttp* actions.
    const action = this.service === 'aoss' ? `aoss:${operation}` : 'es:ESHttp*';
    return callAws({ action, resource: `index/${index}`, profile: this.scope.profile, region: this.scope.region }, send);
  }
}
