// An OpenSearch Serverless VECTORSEARCH collection for the comparison: found by name, or created on request with
// an encryption policy (AWS-owned key), a PRIVATE network policy (public access only when the spec explicitly asks,
// with a warning) and a data access policy for the caller only. Polls BatchGetCollection until ACTIVE.
// A created collection is tagged and reported through `onCreated` at once, before it is ACTIVE, so the caller's
// ledger holds it (and its three policies) before the first document is indexed.

import type { Clock } from '../../core/eval/pacer';
import { realClock } from '../../core/eval/pacer';
import type { AossControlPlane, AossTag } from '../aoss';

export interface CollectionRequest {
  name: string;
  create: boolean;
  allowPublicAccess: boolean;
  sourceVpce?: string | undefined;
  /** IAM principal ARN given the data access policy (the caller, from STS GetCallerIdentity). */
  principal: string;
  /** Tags on a created collection (resourceTags: ours, so Clean Up can prove it is ours). */
  tags?: AossTag[] | undefined;
}

/** What was just created: the collection (its ARN names account and region) and its three policies' names. */
export interface CreatedCollection {
  name: string;
  id: string;
  arn: string;
  policies: { encryption: string; network: string; data: string };
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
export async function ensureCollection(
  aoss: AossControlPlane, r: CollectionRequest, clock: Clock = realClock, timeoutMs = 20 * 60_000,
  onCreated: (c: CreatedCollection) => Promise<void> = async () => undefined,
): Promise<{ endpoint: string; warnings: string[] }> {
  const warnings: string[] = [];
  const found = await aoss.batchGetCollections({ names: [r.name] });
  if (found.collections.length === 0) {
    if (!r.create) throw new Error(`OpenSearch Serverless collection "${r.name}" does not exist: create it, or set "create": true in the spec's vectorStore.`);
    const p = collectionPolicies(r);
    await aoss.createSecurityPolicy('encryption', { name: r.name, policy: p.encryption, description: 'bedrock-mm comparison: AWS-owned key' });
    await aoss.createSecurityPolicy('network', { name: r.name, policy: p.network, description: r.allowPublicAccess ? 'bedrock-mm comparison: PUBLIC access (explicitly requested)' : 'bedrock-mm comparison: private' });
    await aoss.createAccessPolicy({ name: r.name, policy: p.data, description: 'bedrock-mm comparison: the caller only' });
    const created = await aoss.createCollection({ name: r.name, type: 'VECTORSEARCH', description: 'bedrock-mm comparison', standbyReplicas: 'DISABLED', tags: r.tags });
    if (!created?.id || !created.arn) throw new Error(`OpenSearch Serverless did not return the id and ARN of the new collection "${r.name}"; find it in the console and delete it if it exists.`);
    await onCreated({ name: r.name, id: created.id, arn: created.arn, policies: { encryption: r.name, network: r.name, data: r.name } });
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
