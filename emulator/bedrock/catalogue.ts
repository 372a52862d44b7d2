// The emulated foundation-model catalogue (GetFoundationModel, ListFoundationModels): Titan Multimodal Embeddings G1
// and the two off-the-shelf contenders, each with the fields of botocore's FoundationModelDetails/Summary. A model
// the admin marks not offered (POST /seed {"notOffered": [...]}) is absent from both and refused by InvokeModel,
// as in a region that does not host it.

export interface CatalogueEntry {
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: string[];
  customizationsSupported: string[];
  inferenceTypesSupported: string[];
}

export const NOVA_MME_ID = 'amazon.nova-2-multimodal-embeddings-v1:0';
export const COHERE_V4_ID = 'cohere.embed-v4:0';

export const CATALOGUE: readonly CatalogueEntry[] = [
  { modelId: 'amazon.titan-embed-image-v1', modelName: 'Titan Multimodal Embeddings G1', providerName: 'Amazon', inputModalities: ['TEXT', 'IMAGE'], customizationsSupported: [], inferenceTypesSupported: ['ON_DEMAND'] },
  { modelId: 'amazon.titan-embed-image-v1:0', modelName: 'Titan Multimodal Embeddings G1', providerName: 'Amazon', inputModalities: ['TEXT', 'IMAGE'], customizationsSupported: ['FINE_TUNING'], inferenceTypesSupported: ['PROVISIONED'] },
  // Nova also takes audio and video, but the service model's ModelModality enum (botocore 1.43.11) has only TEXT, IMAGE
  // and EMBEDDING, so the emulator lists the two this extension sends (emulator/test/conformance.test.ts).
  { modelId: NOVA_MME_ID, modelName: 'Nova Multimodal Embeddings', providerName: 'Amazon', inputModalities: ['TEXT', 'IMAGE'], customizationsSupported: [], inferenceTypesSupported: ['ON_DEMAND'] },
  { modelId: COHERE_V4_ID, modelName: 'Embed v4', providerName: 'Cohere', inputModalities: ['TEXT', 'IMAGE'], customizationsSupported: [], inferenceTypesSupported: ['ON_DEMAND'] },
];

/** The catalogue entry an identifier (model id or foundation-model ARN) names, when offered here. */
export function catalogueEntry(identifier: string, notOffered: ReadonlySet<string>): CatalogueEntry | undefined {
  const id = identifier.replace(/^arn:aws:bedrock:[a-z0-9-]+::foundation-model\//, '');
  const e = CATALOGUE.find((c) => c.modelId === id);
  return e && !notOffered.has(e.modelId) ? e : undefined;
}
