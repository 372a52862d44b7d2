// The request/response shapes of one embedding model family (docs/reference/model-families.md). Pure: the AWS
// layer sends `requestBody` as the InvokeModel body (a batch record's `modelInput` is the same object) and hands
// the decoded response to `parseResponse`.

export type FamilyId = 'titan-mm-g1' | 'nova-mme' | 'cohere-embed-v4';

/**
 * What an embedding is for. Corpus items (the images searched) are `document`; the texts searched with are
 * `query`. Families that embed both alike (Titan) ignore it.
 */
export type EmbedPurpose = 'document' | 'query';

/** One input: a text, an image (base64 of the file's bytes), or, for families that take both at once, both. */
export interface EmbedInput {
  readonly text?: string | undefined;
  readonly imageBase64?: string | undefined;
}

export interface EmbedParams {
  readonly dimension: number;
  readonly purpose: EmbedPurpose;
}

export interface InputLimits {
  /** Characters of one text (undefined: the family states a token limit only). */
  readonly maxTextChars?: number;
  /** Bytes of one image file (undefined: the model-parameter page states none). */
  readonly maxImageBytes?: number;
  readonly imageFormats: readonly ImageFormat[];
  /** Whether one request may carry a text and an image together (Titan: yes). */
  readonly textAndImageTogether: boolean;
}

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface ParsedEmbeddings {
  /** One vector per input, in input order (not yet checked against the dimension asked for). */
  readonly vectors: readonly (readonly number[])[];
  readonly inputTextTokenCount?: number | undefined;
}

export interface ModelFamily {
  readonly id: FamilyId;
  readonly displayName: string;
  readonly dimensions: readonly number[];
  readonly defaultDimension: number;
  readonly limits: InputLimits;
  /** Whether the family embeds a document and a query differently (purpose / input type in the request). */
  readonly distinguishesPurpose: boolean;
  /** Inputs one InvokeModel call may carry (Cohere Embed v4: 96; the others: 1). */
  readonly maxItemsPerCall: number;
  /** Only the Titan family can be fine-tuned on Bedrock (custom and provisioned model ARNs are Titan). */
  readonly customizable: boolean;
  /** Whether AWS's batch-inference supported-models page lists the family (docs/reference/bedrock-batch.md "Which models"). */
  readonly batchInference: boolean;
  /** The InvokeModel JSON body for one input. Throws AwsUserError('validation') for an input the family refuses. */
  requestBody(input: EmbedInput, params: EmbedParams): Record<string, unknown>;
  /** The body for up to maxItemsPerCall inputs of one modality (for maxItemsPerCall 1: exactly one input). */
  requestBodyMany(inputs: readonly EmbedInput[], params: EmbedParams): Record<string, unknown>;
  /** Vectors from the decoded JSON response; throws AwsUserError('internal') for a shape it does not know. */
  parseResponse(json: unknown): ParsedEmbeddings;
  /**
   * The request parameters that change a vector (purpose, input type, dimension), as a cache-key prefix: a vector
   * is never reused across purposes. '' when none beyond the cache shard's (model, dimension) do.
   */
  cacheVariant(params: EmbedParams): string;
}
