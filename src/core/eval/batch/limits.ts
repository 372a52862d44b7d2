// Batch-inference quotas a job must meet (docs/reference/bedrock-batch.md "Quotas"). Service Quotas is not read
// (no client in this project): these are settings whose defaults are AWS's documented defaults, and the confirmation
// says so.

export interface BatchLimits {
  /** Fewer records than this and CreateModelInvocationJob refuses the job. */
  minRecordsPerJob: number;
  recordsPerFile: number;
  recordsPerJob: number;
  /** Bytes of one input .jsonl file. */
  fileBytes: number;
  /** Bytes of all input files of one job. */
  jobBytes: number;
}

const GB = 1024 ** 3;

/** AWS's documented defaults (docs/reference/bedrock-batch.md "Quotas"). */
export const DEFAULT_BATCH_LIMITS: Readonly<BatchLimits> = {
  minRecordsPerJob: 100,
  recordsPerFile: 50_000,
  recordsPerJob: 50_000,
  fileBytes: 1 * GB,
  jobBytes: 5 * GB,
};

/** Where the limits came from, for the confirmation. */
export const LIMITS_SOURCE = 'settings with AWS\'s documented defaults (Service Quotas is not read; raise them in bedrockCustomizer.compare.batchLimits if your account has higher applied quotas)';

/** Default of `bedrockCustomizer.compare.batchThreshold`: `auto` picks batch above this many records to embed. */
export const DEFAULT_BATCH_THRESHOLD = 5_000;
