// The compare spec's types (schemas/compare-spec.schema.json): the file as written, and the two forms a parsed spec
// takes. `CompareSpecFile` lists the schema's properties; test/unit/eval/specSchema.test.ts keeps the two equal.
import type { EvalMode } from '../../protocol/report';
import type { FamilyId } from './families/types';

/** The report's embedding map: projection and seed. */
export interface MapSpec { method?: 'pca' | 'umap'; seed?: number }

export type EmbeddingLengthValue = 256 | 384 | 1024;

export type VectorStoreSpec =
  | { type: 'exact' }
  | { type: 'opensearch-serverless'; collection: string; create?: boolean; allowPublicAccess?: boolean; sourceVpce?: string; principal?: string }
  | { type: 'opensearch'; endpoint: string; service?: 'es' | 'aoss' };

/** A model embedded through Bedrock (base model id, a custom model ARN or a provisioned throughput ARN). */
export interface ModelById {
  name: string;
  modelId: string;
  baseline?: boolean;
  /** The model family (src/core/eval/families); default: inferred from modelId. */
  family?: FamilyId;
  /** This model's embedding dimension; default: embeddingLength when the family offers it, else the family's default. */
  dimension?: number;
  /** How its records are embedded (core/eval/batch/route.ts decides `auto`). */
  inference?: InferenceSetting;
}

export type InferenceSetting = 'auto' | 'on-demand' | 'batch';

/** Where batch inference jobs read and write; what is missing is asked for. */
export interface BatchSpec { roleArn?: string; s3Uri?: string }
/** A model given by an embeddings JSONL it already wrote (scored with no AWS call). */
export interface ModelFromFile { name: string; embeddings: string; baseline?: boolean }

/** The spec file as written: one schema, a model's source is `modelId` or `embeddings`. */
export interface CompareSpecFile {
  $schema?: string;
  testSet?: { manifest: string };
  gallery?: { manifest: string };
  trainingManifest?: string;
  validationManifest?: string;
  labelRegex?: string;
  queries?: { template?: string; texts?: { text: string; label: string }[] };
  models: (ModelById | ModelFromFile)[];
  embeddingLength?: EmbeddingLengthValue;
  modes?: EvalMode[];
  k?: number[];
  seed?: number;
  cacheDir?: string;
  map?: MapSpec;
  nearDuplicateDistance?: number;
  vectorStore?: VectorStoreSpec;
  batch?: BatchSpec;
  output?: string;
  /** The old embeddings-spec form: the baseline's name. Read, with a warning saying to flag the model instead. */
  baseline?: string;
}

/** Models by id: the pipeline embeds the test set and queries through Bedrock, then scores. */
export interface CompareSpec {
  kind: 'models';
  $schema?: string;
  testSet: { manifest: string };
  gallery?: { manifest: string };
  trainingManifest?: string;
  /** The fine-tuning job's validation manifest: test images found in it count as leaked too. */
  validationManifest?: string;
  labelRegex?: string;
  queries?: { template?: string; texts?: { text: string; label: string }[] };
  models: ModelById[];
  embeddingLength: EmbeddingLengthValue;
  modes: EvalMode[];
  k: number[];
  seed?: number;
  cacheDir?: string;
  map?: MapSpec;
  nearDuplicateDistance?: number;
  vectorStore: VectorStoreSpec;
  batch?: BatchSpec;
  /** Where the report is written (absolute). */
  output: string;
}

/** Models by embeddings file: read and scored as they are (src/core/eval/scoreFiles.ts). Paths are absolute. */
export interface EmbeddingsSpec {
  kind: 'embeddings';
  models: ModelFromFile[];
  baseline: string;
  modes: EvalMode[];
  k: number[];
  labelRegex?: string;
  seed?: number;
  trainingManifest?: string;
  map?: MapSpec;
  /** Where the report is written (absolute). */
  output: string;
}

export type ParsedCompareSpec = CompareSpec | EmbeddingsSpec;

export interface SpecProblem {
  line: number;
  column: number;
  message: string;
}

/** Where relative paths resolve and where the report goes when the spec says no `output`. */
export interface SpecPlace {
  baseDir: string;
  defaultOutput: string;
}
