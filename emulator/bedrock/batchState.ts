// Batch inference jobs and their time-driven lifecycle on the simulated clock, computed when read (no timers):
// Submitted -> Validating -> Scheduled (queued) -> InProgress -> Completed | PartiallyCompleted | Failed, or
// Stopping -> Stopped, or Expired once timeoutDurationInHours has passed. The output is written when the job ends,
// for the records processed by then.
import type { Clock } from '../clock';
import type { ObjectStore } from '../s3';
import { BatchRecordFaults } from './batchFaults';
import { writeBatchOutput } from './batchOutput';
import type { EmulatedModel } from './invokeModels';
import type { BatchJobRecord, BatchJobStatus } from './types';

/** Phase ends as fractions of the job's duration; records are processed evenly through InProgress. */
export const BATCH_PHASES = { submittedEnd: 0.05, validatingEnd: 0.15, scheduledEnd: 0.3 } as const;

export const ENDED: readonly BatchJobStatus[] = ['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'];
export const STOPPABLE: readonly BatchJobStatus[] = ['Submitted', 'Validating', 'Scheduled', 'InProgress'];

export class BatchJobs {
  readonly jobs = new Map<string, BatchJobRecord>();
  readonly tokens = new Map<string, string>();
  private readonly models = new Map<string, EmulatedModel>();
  private readonly endings = new Map<string, Promise<void>>();
  /** Records that fail inside a job although the model could embed them (POST /seed batchRecordFailures). */
  readonly recordFaults = new BatchRecordFaults();

  constructor(private readonly clock: Clock, private readonly store: ObjectStore, private readonly stopDurationMs: number) {}

  reset(): void {
    for (const m of [this.jobs, this.tokens, this.models, this.endings]) m.clear();
    this.recordFaults.reset();
  }

  submit(job: BatchJobRecord, model: EmulatedModel): void {
    this.jobs.set(job.jobArn, job);
    this.models.set(job.jobArn, model);
    if (job.clientRequestToken !== undefined) this.tokens.set(job.clientRequestToken, job.jobArn);
  }

  /** By ARN or by the 12-character job id (the forms GetModelInvocationJob accepts). */
  find(identifier: string): BatchJobRecord | undefined {
    return this.jobs.get(identifier) ?? [...this.jobs.values()].find((j) => j.jobId === identifier);
  }

  expirationTime(job: BatchJobRecord): number {
    return job.submitTime + job.timeoutDurationInHours * 3_600_000;
  }

  /** Records processed by simulated time `t` (none before InProgress, all at the job's end). */
  processedBy(job: BatchJobRecord, t: number): number {
    const f = (t - job.submitTime) / job.durationMs;
    if (f < BATCH_PHASES.scheduledEnd) return 0;
    return Math.min(job.totalRecordCount, Math.floor((job.totalRecordCount * (f - BATCH_PHASES.scheduledEnd)) / (1 - BATCH_PHASES.scheduledEnd)));
  }

  async refresh(): Promise<void> {
    for (const job of this.jobs.values()) await this.refreshJob(job);
  }

  private async refreshJob(job: BatchJobRecord): Promise<void> {
    if (job.frozen || ENDED.includes(job.status)) return;
    const now = this.clock.now();
    if (job.stopRequestedAt !== undefined) {
      const stoppedAt = job.stopRequestedAt + this.stopDurationMs;
      if (now >= stoppedAt) await this.end(job, 'Stopped', stoppedAt, this.processedBy(job, job.stopRequestedAt));
      return;
    }
    const doneAt = job.submitTime + job.durationMs;
    const expiresAt = this.expirationTime(job);
    if (expiresAt < doneAt && now >= expiresAt) {
      await this.end(job, 'Expired', expiresAt, this.processedBy(job, expiresAt));
      return;
    }
    if (now >= doneAt) {
      await this.end(job, 'Completed', doneAt, job.totalRecordCount);
      return;
    }
    const phases: [number, BatchJobStatus][] = [
      [BATCH_PHASES.scheduledEnd, 'InProgress'], [BATCH_PHASES.validatingEnd, 'Scheduled'], [BATCH_PHASES.submittedEnd, 'Validating'],
    ];
    const reached = phases.find(([start]) => now >= job.submitTime + start * job.durationMs);
    if (reached && job.status !== reached[1]) {
      job.status = reached[1];
      job.lastModifiedTime = job.submitTime + reached[0] * job.durationMs;
    }
  }

  /** Ends the job once, however many requests observe the moment at the same time. */
  private async end(job: BatchJobRecord, status: BatchJobStatus, at: number, upTo: number): Promise<void> {
    let ending = this.endings.get(job.jobArn);
    if (!ending) {
      ending = this.write(job, status, at, upTo);
      this.endings.set(job.jobArn, ending);
    }
    await ending;
  }

  private async write(job: BatchJobRecord, status: BatchJobStatus, at: number, upTo: number): Promise<void> {
    const model = this.models.get(job.jobArn);
    let final = status;
    let message: string | undefined;
    try {
      if (!model) throw new Error('no model');
      const counts = await writeBatchOutput(this.store, job, model, upTo, this.recordFaults);
      Object.assign(job, { processedAtEnd: counts.processed, successRecordCount: counts.success, errorRecordCount: counts.error });
      if (status === 'Completed' && counts.error > 0) {
        final = counts.success === 0 ? 'Failed' : 'PartiallyCompleted';
        message = counts.success === 0
          ? `All ${counts.error} records failed; each output line has the record's error.`
          : `${counts.error} of ${counts.processed} records failed; each failed output line has the record's error.`;
      }
      if (status === 'Expired') message = `The job did not finish within its timeout of ${job.timeoutDurationInHours} hours; ${counts.processed} of ${job.totalRecordCount} records were processed.`;
    } catch (err) {
      final = 'Failed';
      message = `Unable to write the output to ${job.outputDataConfig.s3OutputDataConfig.s3Uri}: ${err instanceof Error ? err.message : String(err)}`;
    }
    this.models.delete(job.jobArn); // the job has ended; free the model's reference
    Object.assign(job, { status: final, message, endTime: at, lastModifiedTime: at });
  }
}
