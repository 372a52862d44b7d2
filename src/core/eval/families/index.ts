// The model families behind one interface, and which family a model id belongs to.
import { cohereFamily } from './cohere';
import { novaFamily } from './nova';
import { titanFamily } from './titan';
import type { FamilyId, ModelFamily } from './types';

export type * from './types';
export { imageFormatOf } from './common';
export { parseEmbeddings } from './parse';
export { cohereFamily, novaFamily, titanFamily };

export const FAMILIES: readonly ModelFamily[] = [titanFamily, novaFamily, cohereFamily];
export const FAMILY_IDS: readonly FamilyId[] = FAMILIES.map((f) => f.id);

const supported = (): string => FAMILIES.map((f) => `${f.id} (${f.displayName})`).join(', ');

/**
 * The family of a model id: `amazon.titan-embed-image-v1`, a custom or provisioned model ARN (only Titan can be
 * fine-tuned), `amazon.nova-2-multimodal-embeddings-*`, `cohere.embed-v4*` (also behind an inference profile's
 * region prefix such as `us.`); `explicit` (the spec's `family`) wins. A problem lists the supported families.
 */
export function resolveFamily(modelId: string, explicit?: string): { family: ModelFamily } | { problem: string } {
  if (explicit !== undefined) {
    const f = FAMILIES.find((x) => x.id === explicit);
    return f ? { family: f } : { problem: `unknown model family "${explicit}"; supported: ${supported()}` };
  }
  const id = modelId.replace(/^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:(foundation-model|inference-profile)\//, '').replace(/^(us|eu|apac|global|us-gov|ca|jp|au)\./, '');
  if (/^amazon\.titan-embed-image-v1(:|$)/.test(id)) return { family: titanFamily };
  if (/^arn:aws[a-z-]*:bedrock:[^:]*:\d*:(custom-model|provisioned-model|custom-model-deployment)\//.test(id)) return { family: titanFamily };
  if (/^amazon\.nova-2-multimodal-embeddings-/.test(id)) return { family: novaFamily };
  if (/^cohere\.embed-v4/.test(id)) return { family: cohereFamily };
  return { problem: `no model family is known for "${modelId}"; name it with "family" (supported: ${supported()})` };
}

/** resolveFamily, throwing its problem. */
export function familyFor(modelId: string, explicit?: string): ModelFamily {
  const r = resolveFamily(modelId, explicit);
  if ('problem' in r) throw new Error(r.problem);
  return r.family;
}
