import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { AwsUserError } from '../core/awsRules/userError';
import { parseEmbeddings, titanFamily, type EmbedInput, type EmbedParams, type EmbedPurpose, type ModelFamily } from '../core/eval/families';
import type { CallScope } from './bedrock';
import { callAws } from './errors';

/** An embedding's dimension (the family says which it offers; Titan G1: 256, 384, 1024). */
export type EmbeddingLength = number;

export interface EmbedRequest {
  /** `amazon.titan-embed-image-v1` for the base model, the provisioned throughput ARN for a fine-tuned one. */
  readonly modelId: string;
  readonly text?: string | undefined;
  /** The image file's bytes, base64-encoded. */
  readonly imageBase64?: string | undefined;
  readonly length: EmbeddingLength;
  /** Default: Titan Multimodal Embeddings G1. */
  readonly family?: ModelFamily | undefined;
  /** Default: `document` (Titan embeds both alike). */
  readonly purpose?: EmbedPurpose | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface EmbedManyRequest {
  readonly modelId: string;
  readonly family: ModelFamily;
  /** At most family.maxItemsPerCall inputs, of one modality. */
  readonly inputs: readonly EmbedInput[];
  readonly params: EmbedParams;
  readonly signal?: AbortSignal | undefined;
}

export interface Embedding {
  readonly vector: Float32Array;
  readonly inputTextTokenCount: number | undefined;
}

/**
 * Bedrock runtime: InvokeModel for an embedding model. The family (src/core/eval/families) builds the body and
 * parses the response; one call per request (a Cohere call carries up to 96 inputs).
 */
export class BedrockRuntime {
  constructor(private readonly client: BedrockRuntimeClient, private readonly scope: CallScope) {}

  async embed(request: EmbedRequest): Promise<Embedding> {
    const out = await this.call({
      modelId: request.modelId,
      family: request.family ?? titanFamily,
      inputs: [{ text: request.text, imageBase64: request.imageBase64 }],
      params: { dimension: request.length, purpose: request.purpose ?? 'document' },
      signal: request.signal,
    });
    return { vector: out.vectors[0] as Float32Array, inputTextTokenCount: out.inputTextTokenCount };
  }

  /** One call for up to family.maxItemsPerCall inputs: their vectors in input order. */
  async embedMany(request: EmbedManyRequest): Promise<Float32Array[]> {
    return (await this.call(request)).vectors;
  }

  private async call(r: EmbedManyRequest): Promise<{ vectors: Float32Array[]; inputTextTokenCount: number | undefined }> {
    const ctx = { action: 'bedrock:InvokeModel', resource: r.modelId, profile: this.scope.profile, region: this.scope.region };
    let body: string;
    try {
      body = JSON.stringify(r.family.requestBodyMany(r.inputs, r.params));
    } catch (e) {
      // A refused input is refused before the call, with the action it would have needed.
      if (e instanceof AwsUserError) throw new AwsUserError(e.kind, e.message, { ...e.details, iamAction: ctx.action });
      throw e;
    }
    const out = await callAws(ctx, () => this.client.send(
      new InvokeModelCommand({ modelId: r.modelId, contentType: 'application/json', accept: 'application/json', body }),
      r.signal ? { abortSignal: r.signal } : {},
    ));
    return parseEmbeddings(r.family, new TextDecoder().decode(out.body), { count: r.inputs.length, dimension: r.params.dimension, modelId: r.modelId });
  }
}
