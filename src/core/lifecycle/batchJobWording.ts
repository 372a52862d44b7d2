// How a batch inference job reads in the explorer: status, records processed of total and errors (the counts
// ListModelInvocationJobs and GetModelInvocationJob return), model, age, and whether this work submitted it.
import { formatAge } from './time';
import type { BatchJobSummary } from './types';

/** The model's short name: a foundation model id as is, a custom model ARN's last part. */
export function shortModel(modelId: string): string {
  return modelId.startsWith('arn:') ? modelId.split('/').pop() ?? modelId : modelId;
}

/** "45/100 records", "100 records" when done without a processed count, "" when nothing is known. */
export function recordWording(j: Pick<BatchJobSummary, 'processedRecordCount' | 'totalRecordCount'>): string {
  if (j.totalRecordCount === undefined) return j.processedRecordCount !== undefined ? `${j.processedRecordCount} records` : '';
  return `${j.processedRecordCount ?? 0}/${j.totalRecordCount} records`;
}

export function batchJobDescription(j: BatchJobSummary, now: Date): string {
  const errors = j.errorRecordCount !== undefined && j.errorRecordCount > 0 ? `${j.errorRecordCount} error${j.errorRecordCount === 1 ? '' : 's'}` : '';
  const age = j.submitTime ? `submitted ${formatAge(j.submitTime, now)}` : '';
  return [j.status, recordWording(j), errors, shortModel(j.modelId), age, j.ours ? 'by this extension' : ''].filter((s) => s !== '').join(' · ');
}

/** The notification when a watched job ends. */
export function batchJobEndMessage(j: BatchJobSummary): string {
  const counts = recordWording(j);
  const errors = j.errorRecordCount ? `, ${j.errorRecordCount} failed` : '';
  const detail = counts ? ` (${counts}${errors})` : '';
  switch (j.status) {
    case 'Completed': return `Batch inference job "${j.jobName}" completed${detail}.`;
    case 'PartiallyCompleted': return `Batch inference job "${j.jobName}" completed with failed records${detail}.`;
    case 'Failed': return `Batch inference job "${j.jobName}" failed: ${j.message ?? 'no reason given'}`;
    case 'Expired': return `Batch inference job "${j.jobName}" expired before it finished${detail}; submit it again.`;
    default: return `Batch inference job "${j.jobName}" ${j.status.toLowerCase()}${detail}.`;
  }
}
