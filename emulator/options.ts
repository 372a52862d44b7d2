// Emulator options, shared by `startEmulator(options)` and the command-line flags of main.ts.
import type { FaultConfig } from './faults';

export interface EmulatorOptions {
  /** Simulated time from job creation to Completed (default 60 s, about right for a demo). */
  jobDurationMs: number;
  /** Simulated time from batch inference job submission to its end (Submitted, Validating, Scheduled, InProgress). */
  batchDurationMs: number;
  /** Minimum records a batch inference job accepts (AWS's default quota for Titan Multimodal Embeddings: 100). */
  batchMinRecords: number;
  /** Simulated time a stopped job spends in Stopping before Stopped. */
  stopDurationMs: number;
  /** Simulated time a provisioned throughput spends in Creating (or Updating) before InService. */
  throughputDurationMs: number;
  /** Simulated time an OpenSearch Serverless collection spends in CREATING before ACTIVE. */
  collectionDurationMs: number;
  /** Simulated delay before indexed documents become searchable (Serverless: up to about 60 s). */
  visibilityDelayMs: number;
  /** Minimum training records a job accepts (AWS: 1,000; lower it for tests with small data). */
  minTrainingRecords: number;
  /** Minimum validation records a job accepts (AWS: 8). */
  minValidationRecords: number;
  /** Jobs InProgress or Stopping at once before CreateModelCustomizationJob answers ServiceQuotaExceededException. */
  maxConcurrentJobs: number;
  /** On-demand InvokeModel requests per minute of simulated time before ThrottlingException (0: unlimited). */
  runtimeRequestsPerMinute: number;
  /** When true simulated time moves only through `POST /clock` (deterministic tests); else it follows real time. */
  manualClock: boolean;
  /** Seed for fault injection decisions. */
  seed: number;
  /** Faults applied to every service from the start (the admin API changes them per service later). */
  faults: Partial<FaultConfig>;
  /** Serverless collection flavour: `classic` refuses document ids, `nextgen` accepts them. */
  collectionKind: 'classic' | 'nextgen';
  /** Generate and upload the sample dataset at start (see dataset/). `true` uses the full default size. */
  sampleData: boolean | { imagesPerClass?: number; bucket?: string };
  /** Where s3rver keeps its files (default: a fresh temp directory removed on stop). */
  s3Directory: string | undefined;
}

export const DEFAULT_OPTIONS: EmulatorOptions = {
  jobDurationMs: 60_000,
  batchDurationMs: 60_000,
  batchMinRecords: 100,
  stopDurationMs: 5_000,
  throughputDurationMs: 10_000,
  collectionDurationMs: 5_000,
  visibilityDelayMs: 2_000,
  minTrainingRecords: 1_000,
  minValidationRecords: 8,
  maxConcurrentJobs: 10,
  runtimeRequestsPerMinute: 0,
  manualClock: false,
  seed: 1,
  faults: {},
  collectionKind: 'classic',
  sampleData: false,
  s3Directory: undefined,
};
