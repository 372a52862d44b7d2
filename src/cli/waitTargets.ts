// What `wait` polls: a customization job (status and its sub-steps) or a provisioned throughput.
import { jobOutcome, jobSteps, throughputOutcome } from '../core/lifecycle/waitProgress';
import type { AwsLayer } from './awsLayer';
import type { WaitTarget } from './waiter';

export function jobTarget(session: AwsLayer.AwsSession, job: string, label = job): WaitTarget {
  return {
    subject: `job ${label}`,
    async read() {
      const j = await session.bedrock.getJob(job);
      return { status: j.status ?? 'Unknown', steps: jobSteps(j.statusDetails), ...(j.failureMessage ? { failureMessage: j.failureMessage } : {}) };
    },
    outcome: jobOutcome,
    resume: `bedrock-mm wait ${label}`,
    stop: `bedrock-mm jobs stop ${label}`,
  };
}

export function throughputTarget(session: AwsLayer.AwsSession, throughput: string, label = throughput): WaitTarget {
  return {
    subject: `throughput ${label}`,
    async read() {
      const t = await session.bedrock.getProvisionedThroughput(throughput);
      return { status: t.status ?? 'Unknown', ...(t.failureMessage ? { failureMessage: t.failureMessage } : {}) };
    },
    outcome: throughputOutcome,
    resume: `bedrock-mm wait --throughput ${label}`,
    stop: `bedrock-mm cleanup (or delete it in the console): it bills every hour while it exists`,
  };
}
