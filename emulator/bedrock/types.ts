// Records the emulated Bedrock keeps. Field names follow docs/reference/bedrock-tmme.md section 4 (the SDK's shapes);
// times are simulated epoch milliseconds here and become ISO-8601 strings on the wire.
import type { Adapter } from '../model/adapter';

export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
export type StepStatus = 'NotStarted' | 'InProgress' | 'Completed' | 'Stopping' | 'Stopped' | 'Failed';
export type ThroughputStatus = 'Creating' | 'InService' | 'Updating' | 'Failed';

export interface Tag { key: string; value: string }

export interface JobRecord {
  jobArn: string;
  jobId: string;
  jobName: string;
  outputModelName: string;
  outputModelArn: string | undefined;
  clientRequestToken: string | undefined;
  roleArn: string;
  baseModelArn: string;
  customizationType: string;
  hyperParameters: Record<string, string>;
  trainingDataConfig: { s3Uri: string };
  validationDataConfig: { validators: { s3Uri: string }[] } | undefined;
  outputDataConfig: { s3Uri: string };
  outputModelKmsKeyArn: string | undefined;
  vpcConfig: { subnetIds: string[]; securityGroupIds: string[] } | undefined;
  customModelTags: Tag[];
  creationTime: number;
  lastModifiedTime: number;
  endTime: number | undefined;
  status: JobStatus;
  failureMessage: string | undefined;
  /** How long the simulated run takes from creation to completion. */
  durationMs: number;
  stopRequestedAt: number | undefined;
  /** Seeded records keep the status they were given and never progress. */
  frozen: boolean;
  trainingLoss: number | undefined;
  validationLoss: number | undefined;
}

export interface ModelRecord {
  modelArn: string;
  modelName: string;
  jobName: string | undefined;
  jobArn: string | undefined;
  baseModelArn: string;
  customizationType: string;
  modelKmsKeyArn: string | undefined;
  hyperParameters: Record<string, string>;
  trainingDataConfig: { s3Uri: string } | undefined;
  validationDataConfig: { validators: { s3Uri: string }[] } | undefined;
  outputDataConfig: { s3Uri: string } | undefined;
  trainingLoss: number | undefined;
  validationLoss: number | undefined;
  creationTime: number;
  modelStatus: 'Active' | 'Creating' | 'Failed';
  failureMessage: string | undefined;
  /** The emulated fine-tuning result used by InvokeModel (undefined: behaves like the base model). */
  adapter: Adapter | undefined;
}

export interface ThroughputRecord {
  provisionedModelArn: string;
  provisionedModelName: string;
  modelArn: string;
  desiredModelArn: string;
  foundationModelArn: string;
  modelUnits: number;
  desiredModelUnits: number;
  commitmentDuration: 'OneMonth' | 'SixMonths' | undefined;
  commitmentExpirationTime: number | undefined;
  clientRequestToken: string | undefined;
  creationTime: number;
  lastModifiedTime: number;
  status: ThroughputStatus;
  failureMessage: string | undefined;
  /** Simulated time at which Creating/Updating becomes InService. */
  readyAt: number;
  frozen: boolean;
}

/** ModelInvocationJobStatus of botocore's bedrock model. */
export type BatchJobStatus =
  | 'Submitted' | 'Validating' | 'Scheduled' | 'InProgress' | 'Completed' | 'PartiallyCompleted' | 'Failed' | 'Stopping' | 'Stopped' | 'Expired';

export interface BatchInputFile { bucket: string; key: string; records: number }

export interface BatchJobRecord {
  jobArn: string;
  jobId: string;
  jobName: string;
  modelId: string;
  clientRequestToken: string | undefined;
  roleArn: string;
  inputDataConfig: { s3InputDataConfig: { s3Uri: string; s3InputFormat?: string; s3BucketOwner?: string } };
  outputDataConfig: { s3OutputDataConfig: { s3Uri: string; s3EncryptionKeyId?: string; s3BucketOwner?: string } };
  vpcConfig: { subnetIds: string[]; securityGroupIds: string[] } | undefined;
  timeoutDurationInHours: number;
  modelInvocationType: string | undefined;
  /** The input files read at submission, in key order, with their record counts. */
  inputFiles: BatchInputFile[];
  totalRecordCount: number;
  submitTime: number;
  lastModifiedTime: number;
  endTime: number | undefined;
  status: BatchJobStatus;
  message: string | undefined;
  /** Submission to the last record (BATCH_PHASES splits it). */
  durationMs: number;
  stopRequestedAt: number | undefined;
  /** Filled when the job ends (output written). */
  successRecordCount: number | undefined;
  errorRecordCount: number | undefined;
  processedAtEnd: number | undefined;
  /** Seeded records keep the status they were given. */
  frozen: boolean;
}
