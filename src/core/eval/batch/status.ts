// A batch job's statuses (ModelInvocationJobStatus in the Bedrock service model) and what each means here.
export const BATCH_STATUSES = ['Submitted', 'Validating', 'Scheduled', 'InProgress', 'Completed', 'PartiallyCompleted', 'Failed', 'Stopping', 'Stopped', 'Expired'] as const;
export type BatchStatus = typeof BATCH_STATUSES[number];

/** Still moving: poll again. */
export const isRunning = (s: string): boolean => ['Submitted', 'Validating', 'Scheduled', 'InProgress', 'Stopping'].includes(s);
/** Finished with results to read (some records may have failed). */
export const hasResults = (s: string): boolean => s === 'Completed' || s === 'PartiallyCompleted';
/** Finished without results: the run cannot use this job. */
export const isDead = (s: string): boolean => s === 'Failed' || s === 'Stopped' || s === 'Expired';

export function statusWords(s: string): string {
  switch (s) {
    case 'Submitted': return 'submitted, waiting for validation';
    case 'Validating': return 'validating its input files';
    case 'Scheduled': return 'queued behind other jobs';
    case 'InProgress': return 'embedding';
    case 'Completed': return 'completed';
    case 'PartiallyCompleted': return 'completed with some records failed';
    case 'Failed': return 'failed';
    case 'Stopping': return 'stopping';
    case 'Stopped': return 'stopped';
    case 'Expired': return 'expired (did not finish within its timeout)';
    default: return s;
  }
}
