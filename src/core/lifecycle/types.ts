// Plain records for the customization lifecycle (jobs, custom models, provisioned throughput), as the explorer
// and the launch flow see them. Field names follow Bedrock's API (docs/reference/bedrock-tmme.md §4).

export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
export type SubStepStatus = 'NotStarted' | 'InProgress' | 'Completed' | 'Stopping' | 'Stopped' | 'Failed';
export type ModelStatus = 'Active' | 'Creating' | 'Failed';
export type ThroughputStatus = 'Creating' | 'InService' | 'Updating' | 'Failed';
export type Commitment = 'OneMonth' | 'SixMonths';

export interface JobSummary {
  jobArn: string;
  jobName: string;
  status: string;
  baseModelArn?: string;
  creationTime?: Date;
  lastModifiedTime?: Date;
  endTime?: Date;
  customModelArn?: string;
  customModelName?: string;
}

export interface SubStep { label: string; status: string; creationTime?: Date; lastModifiedTime?: Date }

export interface JobDetail extends JobSummary {
  failureMessage?: string;
  roleArn?: string;
  hyperParameters?: Record<string, string>;
  trainingDataUri?: string;
  validationDataUris?: string[];
  outputDataUri?: string;
  outputModelArn?: string;
  outputModelName?: string;
  trainingLoss?: number;
  subSteps: SubStep[];
  /** Everything GetModelCustomizationJob returned, for the read-only details view. */
  raw: unknown;
}

export interface ModelSummary {
  modelArn: string;
  modelName: string;
  baseModelArn?: string;
  baseModelName?: string;
  creationTime?: Date;
  /** From GetCustomModel when known; list summaries do not carry them. */
  modelStatus?: string;
  trainingLoss?: number;
  jobArn?: string;
}

export interface ThroughputSummary {
  provisionedModelArn: string;
  provisionedModelName: string;
  modelArn: string;
  status: string;
  modelUnits?: number;
  desiredModelUnits?: number;
  commitmentDuration?: string;
  commitmentExpirationTime?: Date;
  creationTime?: Date;
  lastModifiedTime?: Date;
  failureMessage?: string;
}

/** A batch inference job (ModelInvocationJobSummary / GetModelInvocationJobResponse carry the same members). */
export interface BatchJobSummary {
  jobArn: string;
  jobName: string;
  modelId: string;
  status: string;
  message?: string;
  submitTime?: Date;
  lastModifiedTime?: Date;
  endTime?: Date;
  totalRecordCount?: number;
  processedRecordCount?: number;
  successRecordCount?: number;
  errorRecordCount?: number;
  inputDataUri?: string;
  outputDataUri?: string;
  /** How we know this work submitted it: a ledger entry, our tag, or not (undefined: not known to be ours). */
  ours?: 'ledger' | 'tag';
}

export interface Page<T> { items: T[]; nextToken?: string }

/** The body of CreateModelCustomizationJob (§4.1), as the launch flow sends it. */
export interface CreateJobRequest {
  jobName: string;
  customModelName: string;
  roleArn: string;
  baseModelIdentifier: string;
  customizationType: 'FINE_TUNING';
  hyperParameters: Record<string, string>;
  trainingDataConfig: { s3Uri: string };
  validationDataConfig?: { validators: { s3Uri: string }[] };
  outputDataConfig: { s3Uri: string };
  clientRequestToken: string;
  customModelKmsKeyId?: string;
  jobTags: { key: string; value: string }[];
  customModelTags: { key: string; value: string }[];
  vpcConfig?: { subnetIds: string[]; securityGroupIds: string[] };
}

export interface CreateThroughputRequest {
  provisionedModelName: string;
  modelId: string;
  modelUnits: number;
  commitmentDuration?: Commitment;
  clientRequestToken: string;
  tags: { key: string; value: string }[];
}
