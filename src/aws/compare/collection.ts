// An OpenSearch Serverless VECTORSEARCH collection for the comparison: found by name, or created on request with
// an encryption policy (AWS-owned key), a PRIVATE network policy (public access only when the spec explicitly asks,
// with a warning) and a data access policy for the caller only. Polls BatchGetCollection until ACTIVE.

import type { Clock } from '../../core/eval/pacer';
import { realClock } from '../../core/eval/pacer';
import type { AossControlPlane } from '../aoss';

export interface CollectionRequest {
  name: string;
  create: boolean;
  allowPublicAccess: boolean;
  sourceVpce?: string | undefined;
  /** IAM principal ARN given the data access policy (the caller, from STS GetCallerIdentity). */
  principal: string;
}

export function collectionPolicies(r: CollectionRequest): { encryption: unknown; network: unknown; data: unknown } {
  const collection = `collection/${r.name}`;
  return {
    encryption: { Rules: [{ ResourceType: 'collection', Resource: [collection] }], AWSOwnedKey: true },
    network: [{
      Rules: [{ ResourceType: 'collection', Resource: [collection] }],
      AllowFromPublic: r.allowPublicAccess,
      ...(!r.allowPublicAccess && r.sourceVpce ? { SourceVPCEs: [r.sourceVpce] } : {}),
    }],
    data: [{
      Rules: [
        { ResourceType: 'index', Resource: [`index/${r.name}/*`], Permission: ['aoss:CreateIndex', 'aoss:DeleteIndex', 'aoss:UpdateIndex', 'aoss:DescribeIndex', 'aoss:ReadDocument', 'aoss:WriteDocument'] },
        { ResourceType: 'collection', Resource: [collection], Permission: ['aoss:CreateCollectionItems'] },
      ],
      Principal: [r.principal],
    }],
  };
}

/** Returns the collection's data endpoint, and warnings for the report. */
export async function ensureCollection(aoss: AossControlPlane, r: CollectionRequest, clock: Clock = realClock, timeoutMs = 20 * 60_000): Promise<{ endpoint: string; warnings: string[] }> {
  const warnings: string[] = [];
  const found = await aoss.batchGetCollections({ names: [r.name] });
  if (found.collections.length === 0) {
    if (!r.create) throw new Error(`OpenSearch Serverless collection "${r.name}" does not exist: create it, or set "create": true in the spec's vectorStore.`);
    const p = collectionPolicies(r);
    await aoss.createSecurityPolicy('encryption', { name: r.name, policy: p.encryption, description: 'bedrock-mm comparison: AWS-owned key' });
    await aoss.createSecurityPolicy('network', { name: r.name, policy: p.network, description: r.allowPublicAccess ? 'bedrock-mm comparison: PUBLIC access (explicitly requested)' : 'bedrock-mm comparison: private' });
    await aoss.createAccessPolicy({ name: r.name, policy: p.data, description: 'bedrock-mm comparison: the caller only' });
    await aoss.createCollection({ name: r.name, type: 'VECTORSEARCH', description: 'bedrock-mm comparison', standbyReplicas: 'DISABLED' });
  }
  if (r.allowPublicAccess) warnings.push(`collection ${r.name} allows access from the public internet (allowPublicAccess: true); delete it after the comparison`);
  const start = clock.now();
  let wait = 500;
  for (;;) {
    const { collections } = await aoss.batchGetCollections({ names: [r.name] });
    const c = collections[0];
    if (c?.status === 'ACTIVE' && c.collectionEndpoint) return { endpoint: c.collectionEndpoint, warnings };
    if (c?.status === 'FAILED' || c?.status === 'DELETING') throw new Error(`OpenSearch Serverless collection "${r.name}" is ${c.status}; delete it and run again.`);
    if (clock.now() - start > timeoutMs) throw new Error(`OpenSearch Serverless collection "${r.name}" is still ${c?.status ?? 'missing'} after ${Math.round(timeoutMs / 60_000)} minutes.`);
    await clock.sleep(wait);
    wait = Math.min(wait * 2, 15_000);
  }
}
