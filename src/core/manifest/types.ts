// The plain records the manifest validator returns. Lines and columns are 0-based; columns count UTF-16 code units
// (what VS Code and JavaScript strings use); end positions are exclusive. The CLI adds 1 for people.

export type Severity = 'error' | 'warning' | 'info';

export type ManifestRole = 'training' | 'validation';

/** Every stable diagnostic code the validator can emit. Quick fixes and tests match on these. */
export type ManifestCode =
  | 'json-syntax' | 'not-object' | 'missing-image-ref' | 'missing-caption' | 'image-ref-type' | 'caption-type'
  | 'unknown-key' | 'duplicate-key' | 's3-uri' | 'image-extension' | 'caption-too-long' | 'caption-tokens'
  | 'empty-caption' | 'blank-line' | 'bom' | 'encoding'
  | 'duplicate-image' | 'conflicting-caption' | 'record-count' | 'too-many-problems'
  | 'image-missing' | 'image-access-denied' | 'image-format' | 'image-too-large' | 'image-side' | 'image-pixels'
  | 'image-aspect' | 'image-corrupt' | 'image-unreadable';

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
}

export interface ManifestDiagnostic extends TextRange {
  severity: Severity;
  code: ManifestCode;
  message: string;
  related?: RelatedInfo;
  fix?: ManifestFix;
}

/** Limits AWS documents two ways are options; the defaults are the stricter values (bedrock-tmme.md section 1). */
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

export interface ValidateOptions {
  /** The file's role; undefined = unknown, so no record-count check. */
  role?: ManifestRole | undefined;
  limits?: Partial<ManifestLimits>;
  /** S3 prefix (`s3://bucket/prefix`) under which a local image path is offered as an S3 URI quick fix. */
  s3Prefix?: string | undefined;
}
