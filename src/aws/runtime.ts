import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { AwsUserError } from '../core/awsRules/userError';
import type { CallScope } from './bedrock';
import { callAws } from './errors';

/** Output lengths Titan Multimodal Embeddings G1 offers. */
export type EmbeddingLength = 256 | 384 | 1024;

export interface EmbedRequest {
  /** `amazon.titan-embed-image-v1` for the base model, the provisioned throughput ARN for a fine-tuned one. */
  readonly modelId: string;
  readonly text?: string | undefined;
  /** The image file's bytes, base64-encoded. */
  readonly imageBase64?: string | undefined;
  readonly length: EmbeddingLength;
  readonly signal?: AbortSignal | undefined;
}

export interface Embedding {
  readonly vector: Float32Array;
  readonly inputTextTokenCount: number | undefined;
}

/** Bedrock runtime: InvokeModel for Titan Multimodal Embeddings (model-parameters-titan-embed-mm). One call each. */
export class BedrockRuntime {
  constructor(private readonly client: BedrockRuntimeClient, private readonly scope: CallScope) {}

  async embed(request: EmbedRequest): Promise<Embedding> {
    const ctx = { action: 'bedrock:InvokeModel', resource: request.modelId, profile: this.scope.profile, region: this.scope.region };
    if (request.text === undefined && request.imageBase64 === undefined) {
      throw new AwsUserError('validation', 'An embedding needs a text, an image, or both.', { retryable: false, iamAction: ctx.action });
    }
    const body = JSON.stringify(invokeBody(request, request.length));
    const out = await callAws(ctx, () => this.client.send(
      new InvokeModelCommand({ modelId: request.modelId, contentType: 'application/json', accept: 'application/json', body }),
      request.signal ? { abortSignal: request.signal } : {},
    ));
    return parseEmbedding(new TextDecoder().decode(out.body), request.length, request.modelId);
  }
}

/** The InvokeModel body: also a batch record's `modelInput`, so both routes send exactly the same input. */
export function invokeBody(input: { text?: string | undefined; imageBase64?: string | undefined }, length: EmbeddingLength): Record<string, unknown> {
  return {
    ...(input.text !== undefined ? { inputText: input.text } : {}),
    ...(input.imageBase64 !== undefined ? { inputImage: input.imageBase64 } : {}),
    embeddingConfig: { outputEmbeddingLength: length },
  };
}

/** Checks the response has an embedding of the requested length: a wrong shape must not reach an index. */
function parseEmbedding(text: string, length: number, modelId: string): Embedding {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AwsUserError('internal', `${modelId} returned a response that is not JSON.`, { retryable: true });
  }
  const record = (parsed ?? {}) as { embedding?: unknown; inputTextTokenCount?: unknown };
  const embedding = record.embedding;
  if (!Array.isArray(embedding) || embedding.length !== length || !embedding.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const got = Array.isArray(embedding) ? `${embedding.length} values` : 'no embedding';
    throw new AwsUserError('internal', `${modelId} returned ${got}; expected ${length} numbers.`, { retryable: false });
  }
  return {
    vector: Float32Array.from(embedding as number[]),
    inputTextTokenCount: typeof record.inputTextTokenCount === 'number' ? record.inputTextTokenCount : undefined,
  };
}
