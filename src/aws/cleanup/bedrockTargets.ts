// Clean-up targets for Bedrock: stop running customization jobs, delete provisioned throughputs and custom models.
import type { CleanupTarget, Presence } from '../../core/cleanup/executor';
import type { PlanResource } from '../../core/cleanup/plan';
import type { BedrockControlPlane } from '../bedrock';
import { orAbsent } from './errors';

// The identity is the ARN: a name never chooses what is deleted.
const idOf = (r: PlanResource): string => r.identity.arn ?? '';

export function jobTarget(bedrock: BedrockControlPlane): CleanupTarget {
  return {
    verb: 'stop',
    // "Present" for a job means still running: a finished job has nothing left to stop (and cannot be deleted).
    async exists(r): Promise<Presence> {
      const job = await orAbsent(() => bedrock.getJob(idOf(r)));
      return job?.status === 'InProgress' ? { present: true, detail: 'status InProgress' } : { present: false };
    },
    async delete(r) { await bedrock.stopJob(idOf(r)); },
  };
}

/** A batch inference job still moving is stopped (records processed so far are billed; the rest are not). */
export function batchJobTarget(bedrock: BedrockControlPlane): CleanupTarget {
  return {
    verb: 'stop',
    async exists(r): Promise<Presence> {
      const job = await orAbsent(() => bedrock.getInvocationJob(idOf(r)));
      return job?.status && ['Submitted', 'Validating', 'Scheduled', 'InProgress'].includes(job.status) ? { present: true, detail: `status ${job.status}` } : { present: false };
    },
    async delete(r) { await bedrock.stopInvocationJob(idOf(r)); },
  };
}

export function throughputTarget(bedrock: BedrockControlPlane): CleanupTarget {
  return {
    async exists(r): Promise<Presence> {
      const pt = await orAbsent(() => bedrock.getProvisionedThroughput(idOf(r)));
      return pt ? { present: true, detail: `status ${pt.status ?? 'unknown'}` } : { present: false };
    },
    async delete(r) { await bedrock.deleteProvisionedThroughput(idOf(r)); },
  };
}

export function modelTarget(bedrock: BedrockControlPlane): CleanupTarget {
  return {
    async exists(r): Promise<Presence> {
      const m = await orAbsent(() => bedrock.getCustomModel(idOf(r)));
      return m ? { present: true, detail: `status ${m.modelStatus ?? 'Active'}` } : { present: false };
    },
    async delete(r) { await bedrock.deleteCustomModel(idOf(r)); },
  };
}
