// Batch-inference quotas a job must meet (docs/reference/bedrock-batch.md "Quotas"): the setting's values, whose
// defaults are AWS's documented defaults; where Service Quotas can be read, the account's applied values replace them
// (quotas.ts), and the confirmation says where each came from.

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

/** Default of `bedrockCustomizer.compare.batchThreshold`: `auto` picks batch above this many records to embed. */
export const DEFAULT_BATCH_THRESHOLD = 5_000;
