// The emulated OpenSearch Serverless account: security policies, access policies and collections. Collections go
// CREATING -> ACTIVE after `collectionDurationMs` of simulated time, computed when read.
import type { Clock } from '../clock';
import { resourceId } from '../ids';
import { ACCOUNT_ID, REGION } from '../services';

export interface Policy {
  name: string;
  type: string;
  policy: string;
  description: string | undefined;
  policyVersion: string;
  createdDate: number;
  lastModifiedDate: number;
}

export interface Collection {
  id: string;
  name: string;
  type: string;
  description: string | undefined;
  arn: string;
  kmsKeyArn: string;
  standbyReplicas: string;
  createdDate: number;
  lastModifiedDate: number;
  readyAt: number;
  status: 'CREATING' | 'ACTIVE' | 'DELETING' | 'FAILED';
  tags: { key: string; value: string }[];
}

export class AossState {
  readonly securityPolicies = new Map<string, Policy>();
  readonly accessPolicies = new Map<string, Policy>();
  readonly collections = new Map<string, Collection>();
  private dataEndpoint = '';

  constructor(readonly clock: Clock, private readonly options: { collectionDurationMs: number }) {}

  setDataEndpoint(url: string): void {
    this.dataEndpoint = url;
  }

  /** Where a collection's data plane answers: one emulator port, one path prefix per collection. */
  collectionEndpoint(id: string): string {
    return `${this.dataEndpoint}/_aoss/${id}`;
  }

  reset(): void {
    this.securityPolicies.clear();
    this.accessPolicies.clear();
    this.collections.clear();
  }

  refresh(): void {
    const now = this.clock.now();
    for (const c of this.collections.values()) {
      if (c.status === 'CREATING' && now >= c.readyAt) Object.assign(c, { status: 'ACTIVE', lastModifiedDate: c.readyAt });
    }
  }

  /** An ACTIVE collection by id (the data plane refuses the others). */
  activeCollection(id: string): Collection | undefined {
    this.refresh();
    const c = this.collections.get(id);
    return c?.status === 'ACTIVE' ? c : undefined;
  }

  addCollection(name: string, type: string, description: string | undefined, standbyReplicas: string, tags: Collection['tags']): Collection {
    const now = this.clock.now();
    const id = resourceId(20);
    const c: Collection = {
      id,
      name,
      type,
      description,
      arn: `arn:aws:aoss:${REGION}:${ACCOUNT_ID}:collection/${id}`,
      kmsKeyArn: 'auto',
      standbyReplicas,
      createdDate: now,
      lastModifiedDate: now,
      readyAt: now + this.options.collectionDurationMs,
      status: 'CREATING',
      tags,
    };
    this.collections.set(id, c);
    return c;
  }

  /** `POST /seed` `{collections: [{name, status?}]}`: ready-made collections, no policies needed. */
  seed(body: Record<string, unknown>): { collectionIds: string[] } {
    const list = Array.isArray(body['collections']) ? (body['collections'] as Record<string, unknown>[]) : [];
    const ids = list.map((s) => {
      const c = this.addCollection(String(s['name'] ?? `seeded-${resourceId(6)}`), String(s['type'] ?? 'VECTORSEARCH'), undefined, 'DISABLED', []);
      if (s['status'] !== 'CREATING') Object.assign(c, { status: s['status'] ?? 'ACTIVE', readyAt: c.createdDate });
      return c.id;
    });
    return { collectionIds: ids };
  }
}
