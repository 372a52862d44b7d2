// What the explorer and the lifecycle commands need from AWS, as one small interface. The implementation over the
// AWS layer is awsSource.ts; keeping this seam lets the trees be written and reasoned about without the SDK.
import type {
  BatchJobSummary, CreateJobRequest, CreateThroughputRequest, JobDetail, JobSummary, ModelSummary, Page, ThroughputSummary,
} from '../../core/lifecycle/types';
import type { RoleWithTrust } from '../../core/lifecycle/roles';

export interface ExplorerSource {
  readonly region: string;
  listJobs(nextToken: string | undefined, pageSize: number): Promise<Page<JobSummary>>;
  getJob(jobArn: string): Promise<JobDetail>;
  stopJob(jobArn: string): Promise<void>;
  createJob(request: CreateJobRequest): Promise<string>;
  /** Every IAM role of the account (all pages of ListRoles), with its decoded trust policy. */
  listRoles(): Promise<RoleWithTrust[]>;
  listModels(nextToken: string | undefined, pageSize: number): Promise<Page<ModelSummary>>;
  getModel(modelArn: string): Promise<ModelSummary>;
  deleteModel(modelArn: string): Promise<void>;
  listThroughputs(nextToken: string | undefined, pageSize: number): Promise<Page<ThroughputSummary>>;
  /** Every throughput serving `modelArn` (walks all pages, filtered by the service where it can). */
  throughputsForModel(modelArn: string): Promise<ThroughputSummary[]>;
  getThroughput(provisionedModelArn: string): Promise<ThroughputSummary>;
  createThroughput(request: CreateThroughputRequest): Promise<string>;
  deleteThroughput(provisionedModelArn: string): Promise<void>;
  /** Batch inference jobs, newest first (ListModelInvocationJobs; its summaries carry the record counts). */
  listBatchJobs(nextToken: string | undefined, pageSize: number): Promise<Page<BatchJobSummary>>;
  getBatchJob(jobArn: string): Promise<BatchJobSummary>;
  stopBatchJob(jobArn: string): Promise<void>;
  /** True when the resource carries our `created-by` tag (ListTagsForResource). */
  hasOurTag(arn: string): Promise<boolean>;
  /** Keys under an S3 prefix (s3://bucket/prefix), up to `limit`. */
  listS3Keys(uri: string, limit: number): Promise<string[]>;
  getS3Text(uri: string): Promise<string>;
  putText(uri: string, text: string): Promise<void>;
  /** True when the object exists and may be read (a HEAD request). */
  s3ObjectExists(uri: string): Promise<boolean>;
  /** Writes and deletes a small probe object under the prefix: the only sure test that the output is writable. */
  probeWritable(uri: string): Promise<{ writable: boolean; reason?: string }>;
  /** An actionable message for any error this source threw. */
  describeError(err: unknown, context: string): string;
  /**
   * The failure to throw or present for it: `prefix` + describeError's message, caused by the translated
   * AwsUserError, so the error presenter offers the action that fixes it ("Choose Profile", "Open Model Access").
   */
  failure(err: unknown, context: string, prefix?: string): Error;
}

/** The current source (per profile + region), and the event when the profile/region changes. */
export interface SourceHost {
  current(): Promise<ExplorerSource>;
  onDidChange(listener: () => void): { dispose(): void };
  /** True when there are no credentials at all: views show their welcome content instead of an error. */
  noCredentials(): boolean;
  onDidChangeCredentials(listener: () => void): { dispose(): void };
}
