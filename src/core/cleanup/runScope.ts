// What one pipeline run created, for `bedrock-mm cleanup --from-spec` and `--from-report`: a narrowing of the
// workspace ledger before discovery and of the plan after it. Proof stays the ledger's; a spec or report only
// says which of the ledger's entries (and what they made) belong to the run.
import type { LedgerEntry } from './ledger';
import type { CleanupPlan } from './plan';

export interface RunScope {
  /** Which ledger entries may prove resources of this run. */
  keepEntry(entry: LedgerEntry): boolean;
  /** The plan narrowed to this run (and each resource's `after` to what is still in it). */
  narrow(plan: CleanupPlan): CleanupPlan;
}

const isJobOrThroughput = (e: LedgerEntry): boolean => e.kind === 'customization-job' || e.kind === 'provisioned-throughput';

function keep(plan: CleanupPlan, wanted: (r: CleanupPlan['resources'][number]) => boolean): CleanupPlan {
  const resources = plan.resources.filter(wanted);
  const keys = new Set(resources.map((r) => r.key));
  return { ...plan, resources: resources.map((r) => ({ ...r, after: r.after.filter((k) => keys.has(k)) })) };
}

/** A job spec's run: the job of that name (its model and output folder follow), and the throughputs serving that model. */
export function specScope(jobName: string): RunScope {
  return {
    keepEntry: (e) => (e.kind === 'customization-job' && e.identity.name === jobName) || e.kind === 'provisioned-throughput',
    narrow(plan) {
      // A throughput belongs to the run when the run's model waits for it (planner: a model goes after its throughputs).
      const servingModel = new Set(plan.resources.filter((r) => r.kind === 'custom-model').flatMap((r) => r.after));
      return keep(plan, (r) => r.kind !== 'provisioned-throughput' || servingModel.has(r.key));
    },
  };
}

/** A report's run: the provisioned throughputs its models ran on (what bills by the hour), and the models they serve. */
export function reportScope(modelIds: readonly string[]): RunScope {
  const arns = new Set(modelIds);
  return {
    keepEntry: (e) => isJobOrThroughput(e) && (e.kind === 'customization-job' || arns.has(e.identity.arn ?? '')),
    narrow(plan) {
      const throughputs = new Set(plan.resources.filter((r) => r.kind === 'provisioned-throughput' && arns.has(r.identity.arn ?? '')).map((r) => r.key));
      return keep(plan, (r) => throughputs.has(r.key) || (r.kind === 'custom-model' && r.after.some((k) => throughputs.has(k))));
    },
  };
}
