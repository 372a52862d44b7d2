// The emulated Bedrock account: jobs, custom models, provisioned throughputs and tags, with lazy time-driven
// progression. `refresh()` runs before every read, so a job moves on only when someone looks (no timers).
import type { Clock } from '../clock';
import { resourceId } from '../ids';
import { fitAdapter } from '../model/adapter';
import type { ObjectStore } from '../s3';
import { customModelArn, lastSegment } from './arns';
import { BatchJobs } from './batchState';
import { checkJobData, type DataCheckResult, type DataLimits } from './dataCheck';
import { writeJobMetrics } from './metrics';
import { parseS3Uri } from './s3uri';
import type { JobRecord, ModelRecord, Tag, ThroughputRecord } from './types';

export interface LifecycleOptions extends DataLimits {
  stopDurationMs: number;
  batchDurationMs: number;
  batchMinRecords: number;
  throughputDurationMs: number;
  maxConcurrentJobs: number;
}

/** Job phases as fractions of its duration: validation, then data processing, then training. */
export const PHASES = { validationEnd: 0.1, dataProcessingEnd: 0.3 } as const;

export class BedrockState {
  readonly jobs = new Map<string, JobRecord>();
  readonly models = new Map<string, ModelRecord>();
  readonly throughputs = new Map<string, ThroughputRecord>();
  readonly tags = new Map<string, Tag[]>();
  /** Foundation models this emulated region does not offer (POST /seed {"notOffered": [...]}). */
  readonly notOffered = new Set<string>();
  readonly jobTokens = new Map<string, string>();
  readonly throughputTokens = new Map<string, string>();
  readonly batch: BatchJobs;
  private readonly checks = new Map<string, Promise<DataCheckResult>>();
  private readonly completions = new Map<string, Promise<void>>();

  constructor(readonly clock: Clock, readonly store: ObjectStore, readonly options: LifecycleOptions) {
    this.batch = new BatchJobs(clock, store, options.stopDurationMs);
  }

  reset(): void {
    for (const m of [this.jobs, this.models, this.throughputs, this.tags, this.jobTokens, this.throughputTokens, this.checks, this.completions, this.notOffered]) m.clear();
    this.batch.reset();
  }

  /** Starts reading the job's data now, as Bedrock does at job start; the outcome shows once validation ends. */
  startJob(job: JobRecord): void {
    this.jobs.set(job.jobArn, job);
    const check = this.checkData(job);
    check.catch(() => undefined); // observed in refresh(); keep Node from reporting it as unhandled meanwhile
    this.checks.set(job.jobArn, check);
  }

  private async checkData(job: JobRecord): Promise<DataCheckResult> {
    const out = parseS3Uri(job.outputDataConfig.s3Uri);
    const validators = job.validationDataConfig?.validators.map((v) => v.s3Uri) ?? [];
    const result = await checkJobData(this.store, job.trainingDataConfig.s3Uri, validators, this.options);
    if (!result.failureMessage && (!out || !(await this.store.bucketExists(out.bucket)))) {
      return { ...result, failureMessage: `Unable to write to the output location ${job.outputDataConfig.s3Uri}. Check that the bucket exists and that the service role has s3:PutObject permission on it.` };
    }
    return result;
  }

  /**
   * Fits the emulated fine-tuning from a training manifest without running a job (for seeded models). Throws
   * with the job-style failure message when the data breaks the rules.
   */
  async fitFromManifest(s3Uri: string): Promise<ModelRecord['adapter']> {
    const result = await checkJobData(this.store, s3Uri, [], { ...this.options, minTrainingRecords: 1 });
    if (result.failureMessage) throw new Error(result.failureMessage);
    return fitAdapter(result.trainingRecords);
  }

  async refresh(): Promise<void> {
    for (const job of this.jobs.values()) await this.refreshJob(job);
    await this.batch.refresh();
    const now = this.clock.now();
    for (const t of this.throughputs.values()) {
      if (t.frozen || (t.status !== 'Creating' && t.status !== 'Updating') || now < t.readyAt) continue;
      t.status = 'InService';
      t.modelArn = t.desiredModelArn;
      t.modelUnits = t.desiredModelUnits;
      t.lastModifiedTime = t.readyAt;
    }
  }

  private async refreshJob(job: JobRecord): Promise<void> {
    if (job.frozen || job.status === 'Completed' || job.status === 'Failed' || job.status === 'Stopped') return;
    const now = this.clock.now();
    if (job.stopRequestedAt !== undefined) {
      const stoppedAt = job.stopRequestedAt + this.options.stopDurationMs;
      if (now >= stoppedAt) Object.assign(job, { status: 'Stopped', endTime: stoppedAt, lastModifiedTime: stoppedAt });
      return;
    }
    const validationEnd = job.creationTime + job.durationMs * PHASES.validationEnd;
    if (now < validationEnd) return;
    const check = this.checks.get(job.jobArn);
    const result = check ? await check : undefined;
    if (!result || result.failureMessage) {
      this.checks.delete(job.jobArn); // the outcome is recorded on the job; free the image features
      Object.assign(job, {
        status: 'Failed',
        failureMessage: result?.failureMessage ?? 'Internal error while reading the training data.',
        endTime: validationEnd,
        lastModifiedTime: validationEnd,
      });
      return;
    }
    if (now < job.creationTime + job.durationMs) return;
    let completion = this.completions.get(job.jobArn);
    if (!completion) {
      completion = this.complete(job, result);
      this.completions.set(job.jobArn, completion);
    }
    await completion;
    this.checks.delete(job.jobArn);
  }

  private async complete(job: JobRecord, result: DataCheckResult): Promise<void> {
    const end = job.creationTime + job.durationMs;
    const metrics = await writeJobMetrics(
      this.store, job.outputDataConfig.s3Uri, job.jobId, job.hyperParameters, result.trainingRecords.length, result.validationRecordCount > 0,
    );
    const modelArn = customModelArn(resourceId());
    this.models.set(modelArn, {
      modelArn,
      modelName: job.outputModelName,
      jobName: job.jobName,
      jobArn: job.jobArn,
      baseModelArn: job.baseModelArn,
      customizationType: job.customizationType,
      modelKmsKeyArn: job.outputModelKmsKeyArn,
      hyperParameters: job.hyperParameters,
      trainingDataConfig: job.trainingDataConfig,
      validationDataConfig: job.validationDataConfig,
      outputDataConfig: job.outputDataConfig,
      trainingLoss: metrics.trainingLoss,
      validationLoss: metrics.validationLoss,
      creationTime: end,
      modelStatus: 'Active',
      failureMessage: undefined,
      adapter: fitAdapter(result.trainingRecords),
    });
    if (job.customModelTags.length > 0) this.tags.set(modelArn, [...job.customModelTags]);
    Object.assign(job, {
      status: 'Completed',
      endTime: end,
      lastModifiedTime: end,
      outputModelArn: modelArn,
      trainingLoss: metrics.trainingLoss,
      validationLoss: metrics.validationLoss,
    });
  }

  findJob(identifier: string): JobRecord | undefined {
    return this.jobs.get(identifier) ?? [...this.jobs.values()].find((j) => j.jobName === identifier || j.jobId === identifier);
  }

  findModel(identifier: string): ModelRecord | undefined {
    return this.models.get(identifier) ?? [...this.models.values()].find((m) => m.modelName === identifier || lastSegment(m.modelArn) === identifier);
  }

  findThroughput(identifier: string): ThroughputRecord | undefined {
    return this.throughputs.get(identifier)
      ?? [...this.throughputs.values()].find((t) => t.provisionedModelName === identifier || lastSegment(t.provisionedModelArn) === identifier);
  }

  resourceExists(arn: string): boolean {
    return this.jobs.has(arn) || this.models.has(arn) || this.throughputs.has(arn) || this.batch.jobs.has(arn);
  }
}
