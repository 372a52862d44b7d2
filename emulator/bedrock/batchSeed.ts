// `POST /seed {batchJobs: [...]}`: batch inference jobs put directly in any status (for views and clean-up tests),
// kept in that status (`frozen`) unless `"frozen": false`. A seeded job has no input files and writes no output.
import { resourceId } from '../ids';
import { batchJobArn } from './arns';
import { validation } from './errors';
import type { BedrockState } from './state';
import type { BatchJobRecord, BatchJobStatus, Tag } from './types';

type Seed = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const time = (v: unknown, fallback: number): number => (typeof v === 'string' || typeof v === 'number' ? new Date(v).getTime() : fallback);

export function seedBatchJobs(state: BedrockState, seeds: unknown): string[] {
  if (seeds === undefined) return [];
  if (!Array.isArray(seeds)) throw validation('batchJobs must be a list');
  const now = state.clock.now();
  return (seeds as Seed[]).map((s) => {
    const id = resourceId();
    const submitTime = time(s['submitTime'], now);
    const status = (str(s['status']) ?? 'InProgress') as BatchJobStatus;
    const ended = ['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'].includes(status);
    const total = num(s['totalRecordCount']) ?? 100;
    const job: BatchJobRecord = {
      jobArn: batchJobArn(id),
      jobId: id,
      jobName: str(s['jobName']) ?? `seeded-batch-${id}`,
      modelId: str(s['modelId']) ?? 'amazon.titan-embed-image-v1',
      clientRequestToken: str(s['clientRequestToken']),
      roleArn: str(s['roleArn']) ?? 'arn:aws:iam::123456789012:role/BedrockBatchRole',
      inputDataConfig: { s3InputDataConfig: { s3Uri: str(s['inputS3Uri']) ?? 's3://bedrock-mm-demo/batch/input/' } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: str(s['outputS3Uri']) ?? 's3://bedrock-mm-demo/batch/output/' } },
      vpcConfig: undefined,
      timeoutDurationInHours: num(s['timeoutDurationInHours']) ?? 24,
      modelInvocationType: undefined,
      inputFiles: [],
      totalRecordCount: total,
      submitTime,
      lastModifiedTime: time(s['lastModifiedTime'], submitTime),
      endTime: ended ? time(s['endTime'], submitTime) : undefined,
      status,
      message: str(s['message']),
      durationMs: state.options.batchDurationMs,
      stopRequestedAt: undefined,
      successRecordCount: num(s['successRecordCount']) ?? (ended ? total - (num(s['errorRecordCount']) ?? 0) : undefined),
      errorRecordCount: num(s['errorRecordCount']) ?? (ended ? 0 : undefined),
      processedAtEnd: num(s['processedRecordCount']) ?? (ended ? total : undefined),
      frozen: s['frozen'] !== false,
    };
    state.batch.jobs.set(job.jobArn, job);
    if (job.clientRequestToken !== undefined) state.batch.tokens.set(job.clientRequestToken, job.jobArn);
    const tags = s['tags'];
    if (Array.isArray(tags)) state.tags.set(job.jobArn, tags as Tag[]);
    return job.jobArn;
  });
}
