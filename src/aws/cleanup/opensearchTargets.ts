// Clean-up targets for OpenSearch: vector indexes (data plane), Serverless collections and their policies.
import type { CleanupTarget, Presence } from '../../core/cleanup/executor';
import type { PlanResource } from '../../core/cleanup/plan';
import type { AossControlPlane } from '../aoss';
import type { OpenSearchDataPlane, OpenSearchService } from '../openSearch';
import { orAbsent } from './errors';

export function indexTarget(openSearch: (endpoint: string, service: OpenSearchService) => OpenSearchDataPlane): CleanupTarget {
  const client = (r: PlanResource): OpenSearchDataPlane => openSearch(r.identity.endpoint ?? '', r.identity.service ?? 'aoss');
  return {
    async exists(r): Promise<Presence> {
      return (await client(r).indexExists(r.identity.name ?? '')) ? { present: true } : { present: false };
    },
    async delete(r) { await client(r).deleteIndex(r.identity.name ?? ''); },
  };
}

export function collectionTarget(aoss: AossControlPlane): CleanupTarget {
  const find = async (r: PlanResource) => {
    const { collections } = await aoss.batchGetCollections({ names: [r.identity.name ?? ''] });
    return collections.find((c) => c.name === r.identity.name);
  };
  return {
    settles: true, // DeleteCollection returns at once with status DELETING; policies can go only after it is gone
    async exists(r): Promise<Presence> {
      const c = await orAbsent(() => find(r));
      return c ? { present: true, detail: `status ${c.status ?? 'unknown'}` } : { present: false };
    },
    async delete(r) {
      const c = await find(r);
      if (!c || c.status === 'DELETING') return; // gone, or already on its way: nothing to send again
      await aoss.deleteCollection(c.id ?? r.identity.id ?? '');
    },
  };
}

export function securityPolicyTarget(aoss: AossControlPlane): CleanupTarget {
  const type = (r: PlanResource) => (r.identity.policyType === 'network' ? 'network' : 'encryption');
  return {
    async exists(r): Promise<Presence> {
      return (await orAbsent(() => aoss.getSecurityPolicy(type(r), r.identity.name ?? ''))) ? { present: true } : { present: false };
    },
    async delete(r) { await aoss.deleteSecurityPolicy(type(r), r.identity.name ?? ''); },
  };
}

export function accessPolicyTarget(aoss: AossControlPlane): CleanupTarget {
  return {
    async exists(r): Promise<Presence> {
      return (await orAbsent(() => aoss.getAccessPolicy(r.identity.name ?? ''))) ? { present: true } : { present: false };
    },
    async delete(r) { await aoss.deleteAccessPolicy(r.identity.name ?? ''); },
  };
}
