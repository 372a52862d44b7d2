// The options and outcome of a comparison run (runCompare.ts), shared with its pre-run checks (preflight.ts).
import type { LedgerSink } from '../../core/cleanup/ledger';
import type { CollectionCreationFacts } from '../../core/eval/collectionNotice';
import type { BatchLimits } from '../../core/eval/batch/limits';
import type { InferenceSetting } from '../../core/eval/batch/route';
import type { RoutePlanFacts } from '../../core/eval/batch/routePlan';
import type { Clock } from '../../core/eval/pacer';
import type { Prices } from '../../core/eval/prices';
import type { WriteIssue } from '../../core/files/placement';
import type { ComparisonReport } from '../../protocol/report';
import type { BedrockRuntime } from '../runtime';
import type { AwsSession } from '../session';
import type { ThumbnailSink } from './leakage';

export interface CompareOptions {
  specPath: string;
  session: AwsSession;
  /** The runtime to embed with (default: the session's); see embeddingRuntime.ts. */
  runtime?: BedrockRuntime;
  concurrency: number;
  requestsPerMinute: number;
  /** Default: the spec's cacheDir, else `.bedrock-mm-cache` next to the spec. */
  cacheDir?: string;
  /** The caller's IAM ARN for a collection's data policy (STS GetCallerIdentity), asked only when needed. */
  callerArn?: () => Promise<string>;
  signal?: AbortSignal;
  clock?: Clock;
  log?(message: string): void;
  /** Also write each model's embeddings as `<model>.embeddings.jsonl` here (for `bedrock-mm evaluate`). */
  exportDir?: string;
  /** Called after each vector is cached (or found cached), per model. */
  onProgress?(model: string, done: number, total: number): void;
  /** The folder every written file must stay in (default: the spec's folder; VS Code: the workspace folder). */
  root?: string;
  /**
   * Asked once, before any AWS call, when a write would land outside `root` or replace a file bedrock-mm did not
   * write; false (or no approver) stops the run with WriteRefused and nothing written.
   */
  approveWrites?(issues: WriteIssue[]): Promise<boolean>;
  /**
   * The user's own endpoint settings (VS Code: bedrockCustomizer.endpoints.*; the CLI: its endpoint variables). A
   * spec's `vectorStore.endpoint` gets signed requests only if it is one of these or an AWS endpoint.
   */
  configuredEndpoints?: readonly string[];
  /** Asked before creating a collection the spec asks for (it bills while it exists); without it, none is created. */
  confirmCreate?: (facts: CollectionCreationFacts) => Promise<boolean>;
  /** Where a created collection and its policies are recorded, at once; without it, none is created. */
  ledger?: LedgerSink;
  /** Hamming distance of perceptual hashes at or below which a test image is a near duplicate of a training image
   * (setting bedrockCustomizer.compare.nearDuplicateDistance; default 6). */
  nearDuplicateDistance?: number;
  /** The report's thumbnail cache: the leakage check's decode of each test image also fills it (VS Code only). */
  thumbnails?: ThumbnailSink;
  /** The workspace folder: ledger sources are spec paths relative to it, the project tag is its name. */
  workspaceDir?: string;
  /** Overrides every model's `inference` (the CLI's --inference). */
  inference?: InferenceSetting;
  /** Overrides the spec's batch role and prefix (the CLI's --batch-role, --batch-s3). */
  batch?: { roleArn?: string; s3Uri?: string };
  /** `auto` picks batch above this many records to embed (bedrockCustomizer.compare.batchThreshold). */
  batchThreshold?: number;
  batchLimits?: BatchLimits;
  /**
   * The user's prices (VS Code: the bedrockCustomizer.pricing.* settings; the CLI: --prices), for the batch
   * confirmation's estimate and the report's per-model cost lines. None set: no amounts, nothing invented.
   */
  prices?: Prices;
  /** Between GetModelInvocationJob calls while a job moves (default 30 s). */
  batchPollMs?: number;
  /** Asks for the batch role or prefix the spec and overrides lack (the editor); undefined keeps them missing. */
  askBatch?(known: { roleArn?: string; s3Uri?: string }): Promise<{ roleArn?: string; s3Uri?: string } | undefined>;
  /** Asked once before any batch job is submitted, with the per-model plan; without it none is (BatchDeclined). */
  confirmBatch?(facts: RoutePlanFacts, notice: { message: string; detail: string }): Promise<boolean>;
  /** A batch job's status as it is polled. */
  onBatchStatus?(model: string, job: { jobArn: string; status: string; processed?: number; total?: number }): void;
}

export interface CompareOutcome {
  report: ComparisonReport;
  reportPath: string;
  /** Embedding calls made (0 when everything came from the cache). */
  calls: number;
  embedded: number;
  cached: number;
  /** Batch jobs this run submitted (0 when it re-attached or nothing was embedded by batch). */
  batchJobsSubmitted: number;
  /** Every batch job the run used (submitted or re-attached). */
  batchJobArns: string[];
}
