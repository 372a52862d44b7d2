// The plain records the manifest validator returns. Lines and columns are 0-based; columns count UTF-16 code units
// (what VS Code and JavaScript strings use); end positions are exclusive. The CLI adds 1 for people.

export type Severity = 'error' | 'warning' | 'info';

export type ManifestRole = 'training' | 'validation';

/** Every stable diagnostic code the validator can emit. Quick fixes and tests match on these. */
export type ManifestCode =
  | 'json-syntax' | 'not-object' | 'missing-image-ref' | 'missing-caption' | 'image-ref-type' | 'caption-type'
  | 'unknown-key' | 'duplicate-key' | 's3-uri' | 'image-extension' | 'caption-too-long' | 'caption-tokens'
  | 'empty-caption' | 'blank-line' | 'bom' | 'encoding' | 'line-too-long'
  | 'duplicate-image' | 'conflicting-caption' | 'record-count' | 'too-many-problems'
  | 'image-missing' | 'image-access-denied' | 'image-format' | 'image-too-large' | 'image-side' | 'image-pixels'
  | 'image-aspect' | 'image-corrupt' | 'image-unreadable' | 'image-shared';

export interface TextRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface TextEdit extends TextRange {
  newText: string;
}

/** A machine-applicable fix: the editor offers it as a quick fix. */
export interface ManifestFix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedInfo extends TextRange {
  message: string;
  /** The absolute path of the file the range is in, when it is not the diagnostic's own file. */
  file?: string;
}

export interface ManifestDiagnostic extends TextRange {
  severity: Severity;
  code: ManifestCode;
  message: string;
  related?: RelatedInfo;
  fix?: ManifestFix;
}

/**
 * Limits AWS documents two ways are options; the defaults are the stricter values
 * (docs/reference/bedrock-tmme.md section 1).
 */
export interface ManifestLimits {
  captionMaxChars: number;
  captionMaxTokens: number;
  /** English averages about 4.7 characters a token; the real tokenizer is not public. */
  charsPerToken: number;
  trainingRecords: readonly [number, number];
  validationRecords: readonly [number, number];
}

export const DEFAULT_MANIFEST_LIMITS: ManifestLimits = {
  captionMaxChars: 2560,
  captionMaxTokens: 128,
  charsPerToken: 4.7,
  trainingRecords: [1000, 500_000],
  validationRecords: [8, 50_000],
};

/**
 * The longest line the file validator reads into memory, in bytes. A valid record is far shorter: a caption of at
 * most 2,560 characters (12 bytes each even when every one is a JSON-escaped surrogate pair), an S3 URI of at most
 * 1,093 bytes (s3:// + 63-byte bucket + / + 1,024-byte key) and two keys come to under 40 KB. A longer line is
 * reported (`line-too-long`) with its length, read through without being kept (a 300 MB line once took 2.9 GB).
 */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface ValidateOptions {
  /** The file's role; undefined = unknown, so no record-count check. */
  role?: ManifestRole | undefined;
  limits?: Partial<ManifestLimits>;
  /** S3 prefix (`s3://bucket/prefix`) under which a local image path is offered as an S3 URI quick fix. */
  s3Prefix?: string | undefined;
}
