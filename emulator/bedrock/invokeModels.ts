// Which emulated model answers a model identifier, for on-demand InvokeModel and for batch inference: one place, so
// both routes give the same output for the same input (the contenders' answers come from contenders.ts either way). A new model family (another embedding model) plugs in by
// adding an entry to FAMILIES; the routes' own rules (provisioned ARNs on demand only, custom-model ARNs in batch
// only) stay here.
import { foundationModelId, TMME_CUSTOMIZABLE_ID, TMME_MODEL_ID } from './arns';
import { BedrockError, notFound, validation } from './errors';
import type { BedrockState } from './state';
import { titanMultimodal } from './titanModel';
import { COHERE_V4_ID } from './catalogue';
import { contenderModel } from './contenders';
import type { ModelRecord } from './types';

export interface EmulatedModel {
  /** The InvokeModel response body for one request body (parsed JSON); throws a ValidationException for input it refuses. */
  invoke(body: unknown): { body: object; inputTokens: number };
}

export interface ModelFamily {
  /** The base model for an on-demand foundation-model identifier of this family, else undefined. */
  foundation(identifier: string): EmulatedModel | undefined;
  /** The fine-tuned model of one of this family's custom models, else undefined. */
  custom(model: ModelRecord): EmulatedModel | undefined;
}

const titanFamily: ModelFamily = {
  foundation(identifier) {
    const fm = foundationModelId(identifier);
    if (fm === TMME_CUSTOMIZABLE_ID) {
      throw validation(`The provided model identifier is invalid. ${fm} is for customization and provisioned throughput; invoke ${TMME_MODEL_ID} on demand.`);
    }
    return fm === TMME_MODEL_ID ? titanMultimodal(undefined) : undefined;
  },
  custom: (model) => (model.baseModelArn.endsWith(`/${TMME_CUSTOMIZABLE_ID}`) ? titanMultimodal(model.adapter) : undefined),
};

const FAMILIES: ModelFamily[] = [titanFamily];

const PROVISIONED_ARN = /^arn:aws:bedrock:[a-z0-9-]+:\d{12}:provisioned-model\/[a-z0-9]{12}$/;
const CUSTOM_ARN = /^arn:aws:bedrock:[a-z0-9-]+:\d{12}:custom-model\//;

function foundation(identifier: string): EmulatedModel | undefined {
  for (const f of FAMILIES) {
    const m = f.foundation(identifier);
    if (m) return m;
  }
  return undefined;
}

function custom(model: ModelRecord): EmulatedModel {
  for (const f of FAMILIES) {
    const m = f.custom(model);
    if (m) return m;
  }
  throw validation(`The custom model ${model.modelArn} is not of a model family this emulator serves.`);
}

/** On demand: a foundation model, or a provisioned model (InService) of a custom model. `base` is true for the former. */
export async function onDemandModel(state: BedrockState, modelId: string): Promise<{ model: EmulatedModel; base: boolean }> {
  const fm = foundation(modelId);
  if (fm) return { model: fm, base: true };
  if (PROVISIONED_ARN.test(modelId)) {
    await state.refresh();
    const t = state.throughputs.get(modelId);
    if (!t) throw notFound(`Could not find the provisioned model ${modelId}.`);
    if (t.status !== 'InService') {
      throw new BedrockError('ModelNotReadyException', `The provisioned model ${t.provisionedModelName} is ${t.status}; invoke it once its status is InService.`);
    }
    const m = state.models.get(t.modelArn);
    // A seeded throughput may name a model the emulator never saw: it answers as the untuned model.
    return { model: m ? custom(m) : titanMultimodal(undefined), base: false };
  }
  if (CUSTOM_ARN.test(modelId)) {
    throw validation('A custom Titan Multimodal Embeddings model can be invoked only through provisioned throughput: use the provisioned model ARN.');
  }
  throw validation('The provided model identifier is invalid.');
}

/**
 * Batch inference: a foundation model (Titan; Nova Multimodal Embeddings, which AWS's batch page lists; not Cohere
 * Embed v4, which it does not: docs/reference/bedrock-batch.md "Which models") or an Active custom model;
 * provisioned models are refused, as AWS does.
 */
export function batchModel(state: BedrockState, modelId: string): EmulatedModel {
  const id = modelId.replace(/^arn:aws:bedrock:[a-z0-9-]+::foundation-model\//, '');
  if (id === COHERE_V4_ID) throw validation(`Batch inference isn't supported for the model ${id}. Use InvokeModel.`);
  const contender = contenderModel(id);
  if (contender) {
    if (state.notOffered.has(id)) throw validation(`The provided model identifier ${modelId} is invalid.`);
    return contender;
  }
  const fm = foundation(modelId);
  if (fm) return fm;
  if (PROVISIONED_ARN.test(modelId)) {
    throw validation(`Batch inference isn't supported for provisioned models (${modelId}). Use the custom model ARN or a base model ID as modelId.`);
  }
  if (CUSTOM_ARN.test(modelId)) {
    const m = state.models.get(modelId);
    if (!m) throw notFound(`Could not find the custom model ${modelId}.`);
    if (m.modelStatus !== 'Active') throw validation(`The custom model ${m.modelName} is ${m.modelStatus}; batch inference needs an Active model.`);
    return custom(m);
  }
  throw validation(`The provided model identifier ${modelId} is invalid.`);
}
