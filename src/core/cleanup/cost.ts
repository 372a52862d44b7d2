// What each planned resource costs while it exists, in words. No prices are invented: the sentences say how the
// resource is billed, and for a commitment, until when (deleting a committed throughput does not end its charge).
import type { CostFacts, PlanResource } from './plan';

function day(iso: string): string {
  return iso.slice(0, 10);
}

function bytesWording(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u += 1; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** True when a throughput has a commitment whose term has not ended at `now`. */
export function hasActiveCommitment(cost: CostFacts, now: Date): boolean {
  if (cost.kind !== 'throughput' || !cost.commitment) return false;
  if (!cost.commitmentExpiresAt) return true; // unknown end: assume it still runs, the careful reading
  const end = Date.parse(cost.commitmentExpiresAt);
  return Number.isNaN(end) || end > now.getTime();
}

export function costWording(cost: CostFacts, now: Date): string {
  switch (cost.kind) {
    case 'throughput': {
      const units = `${cost.modelUnits} model unit${cost.modelUnits === 1 ? '' : 's'}`;
      if (!cost.commitment) return `Billed every hour while it exists (${units}, no commitment); deleting it stops the charge.`;
      if (hasActiveCommitment(cost, now)) {
        const until = cost.commitmentExpiresAt ? ` until ${day(cost.commitmentExpiresAt)}` : '';
        return `Committed (${cost.commitment}, ${units})${until}: billed for the whole term; deleting it does not end the commitment's charge.`;
      }
      return `Commitment (${cost.commitment}) ended ${day(cost.commitmentExpiresAt ?? '')}; ${units} billed while it exists.`;
    }
    case 'model-storage': return 'Custom model storage, billed monthly while it exists.';
    case 'job-training': return 'Training is billed until the job stops.';
    case 'batch-inference': return 'Batch inference bills per record processed until the job stops.';
    case 'collection-ocu': return 'OpenSearch Compute Units (OCUs), billed every hour while the collection exists.';
    case 's3-storage': {
      if (cost.objectCount === undefined) return 'S3 storage, billed monthly.';
      const more = cost.truncated ? ' or more' : '';
      const size = cost.bytes === undefined ? '' : `, ${bytesWording(cost.bytes)}`;
      return `S3 storage, billed monthly: ${cost.objectCount}${more} object${cost.objectCount === 1 ? '' : 's'}${size}.`;
    }
    case 'none': return cost.note ?? 'No charge of its own.';
  }
}

/** The one-line "where" of a resource: region plus what addresses it. */
export function whereWording(r: PlanResource): string {
  const id = r.identity;
  switch (r.kind) {
    case 's3-prefix': return `s3://${id.bucket ?? ''}/${id.prefix ?? ''}`;
    case 'opensearch-index': return `${id.endpoint ?? ''} (index ${id.name ?? ''})`;
    case 'aoss-security-policy':
    case 'aoss-access-policy': return `${r.region}, ${id.policyType ?? ''} policy`;
    case 'iam-role': return id.arn ?? `role ${id.name ?? ''}`;
    default: return r.region;
  }
}
