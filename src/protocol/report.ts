// The versioned comparison report: the one JSON document the comparison engine writes (next to the compare spec,
// or on stdout from `bedrock-mm evaluate --format json`) and the comparison webview reads. Plain data only:
// no vscode, no DOM, no functions, so an old report can be reopened, diffed and trusted.
//
// Bump REPORT_SCHEMA_VERSION on any change; readers check it with `isComparisonReport`, which also accepts every
// older version in READABLE_REPORT_VERSIONS (what a version added is optional, so an old report reads as it is).
//   1: metrics, per-class, confusion, per-query, paired comparisons.
//   2: adds the embedding map and class separation, image leakage, and per-model route, family and costs.

export const REPORT_SCHEMA_VERSION = 2;
export const READABLE_REPORT_VERSIONS: readonly number[] = [1, 2];

/** The three evaluation modes of docs/reference/evaluation.md. */
export type EvalMode = 'text-to-image' | 'image-to-image' | 'classify';
export const EVAL_MODES: readonly EvalMode[] = ['text-to-image', 'image-to-image', 'classify'];

/**
 * Metric keys, e.g. `accuracy@1`, `precision@5`, `recall@5`, `mrr@10`, `ndcg@10`, `map@10`, plus `r-precision` and
 * (classify only) `mean-per-class-recall`. Values are means over the queries that have at least one relevant item.
 */
export type AtKMetric = 'accuracy' | 'precision' | 'recall' | 'mrr' | 'ndcg' | 'map';
export type MetricKey = `${AtKMetric}@${number}` | 'r-precision' | 'mean-per-class-recall';
export type MetricValues = Partial<Record<MetricKey, number>>;

/** SHA-256 (hex) of an input's bytes, with its size, so a report states exactly what it was computed from. */
export interface InputFingerprint {
  /** What the input is: 'embeddings', 'manifest', 'gallery', 'spec', 'queries'. */
  role: string;
  /** Path or URI as given by the user. */
  source: string;
  /** Model name for per-model inputs. */
  model?: string;
  sha256: string;
  bytes: number;
}

export interface ReportModel {
  /** User-facing name (`base`, `tuned`, ...). */
  name: string;
  /** Bedrock model id or provisioned ARN when known; for imported embeddings, the file it came from. */
  modelId?: string;
  embeddingLength?: number;
  baseline: boolean;
  /** Schema 2: the model family (titan-mm-g1, nova-mme, cohere-embed-v4) when embedded through Bedrock. */
  family?: string;
  /** Schema 2: what this evaluation's embeddings and serving the model cost, from the user's price settings only. */
  cost?: ModelCost;
}

/** A model's cost lines. A price the user has not set is absent: nothing is invented. */
export interface ModelCost {
  /** Images and text tokens this evaluation embedded (cache hits cost nothing and are not counted). */
  embeddedImages: number;
  embeddedTextTokens: number;
  /** USD for this evaluation's embeddings, when the prices of what was embedded are set. */
  evaluationUsd?: number;
  /** USD per 1,000 images embedded on demand (base and off-the-shelf models). */
  onDemandPer1000ImagesUsd?: number;
  /** USD per hour of the provisioned throughput a fine-tuned model is served by (one model unit, no commitment). */
  provisionedPerHourUsd?: number;
}

/** Schema 2: a spec model left out before any embedding call, and why (e.g. not offered in the region). */
export interface SkippedModel {
  name: string;
  modelId: string;
  reason: string;
}

/** One query's ranked result, for drill-down in the webview. */
export interface QueryResult {
  queryId: string;
  /** The query's text for text queries. */
  text?: string;
  label: string;
  /** Size of the relevant set (items in the corpus with the query's label, excluding the query itself). */
  relevantCount: number;
  /** Top-k (k = max of the report's k values) in rank order. */
  topIds: string[];
  topLabels: string[];
  topScores: number[];
  /** Per-query metric values (same keys as the mode's metrics). */
  metrics: MetricValues;
}

export interface ClassResult {
  label: string;
  /** Number of queries with this label that were scored. */
  queries: number;
  /** Recall at top-1 within the class for classify (correct / queries); for retrieval, mean accuracy@1. */
  top1: number;
  metrics: MetricValues;
}

export interface ConfusionMatrix {
  /** Row and column order: labels[i] is true label of row i and predicted label of column i. */
  labels: string[];
  /** counts[true][predicted]. */
  counts: number[][];
}

/** Class separation of one class over the corpus images (cosine similarity; silhouette on cosine distance). */
export interface ClassSeparation {
  label: string;
  /** Items of this class in the corpus. */
  count: number;
  /** Mean silhouette of this class's items. */
  silhouette: number;
  /** Mean similarity of an item to the other items of its class. */
  intraClass: number;
  /** Mean similarity of an item to the items of the nearest other class (the class with the highest mean). */
  nearestOtherClass: number;
}

/** Class separation of one model's corpus embeddings (schema 2). */
export interface Separation {
  /** Mean silhouette over every corpus image (sklearn.metrics.silhouette_score, metric="cosine"). */
  silhouette: number;
  intraClass: number;
  nearestOtherClass: number;
  /** Sorted by label. */
  perClass: ClassSeparation[];
  /** Against the baseline (absent for the baseline): per-item silhouette difference, paired over the same images. */
  vsBaseline?: { difference: number; ci95: [number, number]; worsenedClasses: string[] };
}

export interface ModelModeResult {
  model: string;
  metrics: MetricValues;
  /** Schema 2: class separation of this model's corpus in this mode. */
  separation?: Separation;
  perQuery: QueryResult[];
  perClass: ClassResult[];
  /** Classify mode only. */
  confusion?: ConfusionMatrix;
}

export interface PValues {
  /** Exact two-sided McNemar test on top-1 correctness (binary outcomes); null when not applicable. */
  mcnemarExact: number | null;
  /** Paired sign-flip randomization test on per-query differences of the metric. */
  randomization: number;
}

export interface MetricComparison {
  /** Mean of tuned(q) - baseline(q) over the paired queries. */
  difference: number;
  /** Paired-bootstrap 95% percentile interval of the mean difference. */
  ci95: [number, number];
  pValues: PValues;
  /** Whether the randomization p-value was computed by exact enumeration or Monte Carlo. */
  randomizationMethod: 'exact' | 'monte-carlo';
}

/** McNemar's 2x2 table on top-1 correctness. */
export interface PairedOutcomes {
  bothRight: number;
  /** b: baseline right, model wrong. */
  baselineOnly: number;
  /** c: baseline wrong, model right. */
  modelOnly: number;
  bothWrong: number;
}

export interface ModelComparison {
  model: string;
  baseline: string;
  /** The headline: accuracy@1 (the reference run's "precision"). */
  difference: number;
  ci95: [number, number];
  pValues: PValues;
  outcomes: PairedOutcomes;
  /** Every metric key, compared the same way. */
  metrics: Partial<Record<MetricKey, MetricComparison>>;
  bootstrap: { resamples: number; seed: number };
  randomization: { method: 'exact' | 'monte-carlo'; permutations: number; seed: number };
}

export interface ModeReport {
  mode: EvalMode;
  /** Image-to-image corpus: `leave-one-out` over the test images, or a gallery. */
  corpus?: 'leave-one-out' | 'gallery';
  queryCount: number;
  corpusSize: number;
  /** Queries dropped because no corpus item shares their label, with their ids. */
  droppedQueries: string[];
  results: ModelModeResult[];
  comparisons: ModelComparison[];
  /**
   * Schema 2, with three or more models: each model against the best *other* model (highest accuracy@1 among the
   * rest; `baseline` names it), so "fine-tuned vs the strongest contender" is a paired comparison too.
   */
  versusBestOther?: ModelComparison[];
  warnings: string[];
}

/** One item drawn on the embedding map: a corpus image or a query (schema 2). */
export interface MapItem {
  id: string;
  label: string;
  kind: 'image' | 'text';
  /** The image's S3 URI (thumbnails are made from it), or the query's text. */
  source: string;
}

/** The 2D embedding map (schema 2): one projection per model over the same items, coordinates in [-1, 1]. */
export interface EmbeddingMap {
  method: 'pca' | 'umap';
  seed: number;
  items: MapItem[];
  /** Per model: xy[2*i], xy[2*i+1] is item i; PCA's explained variance ratio of the two axes where known. */
  models: { model: string; xy: number[]; explainedVariance?: [number, number] }[];
}

/** A test image that is also (or nearly) a training or validation image (schema 2). */
export interface LeakedPair {
  testId: string;
  testUri: string;
  trainUri: string;
  /** exact: same ETag/content hash; near: perceptual hashes within the threshold. */
  kind: 'exact' | 'near';
  /** Hamming distance of the 64-bit perceptual hashes (0 for exact). */
  distance: number;
  /** The manifest (one of `against`) that holds `trainUri`, and its role; absent in reports written before them. */
  manifest?: string;
  role?: 'training' | 'validation';
}

export interface LeakageReport {
  /** The training (and validation) manifests the test images were checked against. */
  against: string[];
  /** Hamming distance at or below which two images are near duplicates. */
  threshold: number;
  /** Which perceptual hash, stated so it can be reproduced. */
  hash: string;
  pairs: LeakedPair[];
  /** The modes scored again without the leaked test images (absent when none leaked). */
  withoutLeaked?: ModeReport[];
}

export interface ComparisonReport {
  schemaVersion: number;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** Tool name and version that wrote it. */
  generator: string;
  inputs: InputFingerprint[];
  models: ReportModel[];
  baseline: string;
  k: number[];
  /** Similarity and conventions, stated so the numbers can be reproduced elsewhere. */
  conventions: {
    similarity: 'cosine on L2-normalised float32 vectors';
    tieBreak: string;
    averagePrecision: string;
    labelRule: string;
  };
  /** Vector store used for the ranking; approximate-store differences are listed per mode in warnings. */
  vectorStore: 'exact' | 'opensearch';
  modes: ModeReport[];
  /** Report-wide warnings (mode-specific ones are on each mode). */
  warnings: string[];
  /** Schema 2: the embedding map (absent in old reports: the panel offers to compute it). */
  embeddingMap?: EmbeddingMap;
  /** Schema 2: test images shared with the training set. */
  leakage?: LeakageReport;
  /** Schema 2, optional: records a batch inference job could not embed; left out of every model's scoring. */
  failedRecords?: FailedRecord[];
  /** Schema 2: spec models left out before embedding (pre-flight), with the reason. */
  skipped?: SkippedModel[];
}

/** One record a batch job returned an error for, with AWS's code and message. */
export interface FailedRecord {
  model: string;
  /** The image's reference or the query's text. */
  item: string;
  kind: 'image' | 'text';
  recordId: string;
  errorCode: string;
  errorMessage: string;
  /** The batch job that returned it. */
  jobArn: string;
}

export const TIE_BREAK_RULE = 'equal scores are ordered by corpus order (earlier item first)';
export const AP_CONVENTION =
  'AP@k = sum of precision@i at relevant ranks i<=k, divided by min(k, |R|) (sentence-transformers InformationRetrievalEvaluator; trec_eval divides by |R|)';

/** Cheap structural check for a report read from disk (the webview and `compare` reopen old reports). */
export function isComparisonReport(value: unknown): value is ComparisonReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['schemaVersion'] === 'number' && READABLE_REPORT_VERSIONS.includes(v['schemaVersion'])
    && Array.isArray(v['modes']) && Array.isArray(v['models']);
}
