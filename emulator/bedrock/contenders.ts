// InvokeModel for the emulated off-the-shelf contenders: Nova Multimodal Embeddings and Cohere Embed v4, with their
// request validation (AWS's ValidationException texts) and response shapes (docs/reference/model-families.md).
// Their vectors are deterministic and generic: each "knows" the sample set's letters from its own drawings (not the
// user's training data), so on the sample set it ranks between the emulated base and fine-tuned Titan. Emulations
// for offline tests and demos, not Nova or Cohere.
import { drawImage, randomVariation } from '../dataset/draw';
import { json, type EmuResponse } from '../http';
import { adaptImage, fitAdapter, type Adapter } from '../model/adapter';
import { embedText } from '../model/embed';
import { decodeImage, imageFeatures, sniffFormat } from '../model/image';
import { hashString, seededRandom } from '../rng';
import { COHERE_V4_ID, NOVA_MME_ID } from './catalogue';
import { validation, type BedrockError } from './errors';
import type { EmulatedModel } from './invokeModels';

const malformed = (detail: string): BedrockError => validation(`Malformed input request: ${detail}, please reformat your input and try again.`);

interface Contender { labelWords: (letter: string) => string; blend: number; temperature: number; seed: string }

// Nova is the stronger emulation (AWS presents it as state of the art); both are weaker than the fine-tuned Titan.
const NOVA: Contender = { labelWords: (l) => `letter ${l} sign`, blend: 0.3, temperature: 0.2, seed: 'nova' };
const COHERE: Contender = { labelWords: (l) => `${l} hand sign`, blend: 0.25, temperature: 0.25, seed: 'cohere' };

const adapters = new Map<string, Adapter>();

/** The contender's generic knowledge: three drawings per letter of its own, captioned in its own words. */
function adapterOf(c: Contender): Adapter {
  let a = adapters.get(c.seed);
  if (!a) {
    const records = [];
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const random = seededRandom(hashString(`${c.seed}/${letter}`));
      for (let n = 0; n < 3; n++) records.push({ caption: c.labelWords(letter), features: imageFeatures(decodeImage(drawImage(letter, randomVariation(random)))) });
    }
    a = { ...fitAdapter(records), temperature: c.temperature, blend: c.blend };
    adapters.set(c.seed, a);
  }
  return a;
}

function imageVector(c: Contender, bytes: Buffer, length: number): Float64Array {
  let features;
  try {
    features = imageFeatures(decodeImage(bytes));
  } catch {
    throw validation('Unable to process the provided image: the image data could not be decoded.');
  }
  return adaptImage(adapterOf(c), features, length);
}

const base64 = (s: unknown): s is string => typeof s === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0;
const f32 = (v: Float64Array): number[] => Array.from(v, (x) => Math.fround(x));

const NOVA_DIMENSIONS = [256, 384, 1024, 3072];
const NOVA_PURPOSES = ['GENERIC_INDEX', 'GENERIC_RETRIEVAL', 'TEXT_RETRIEVAL', 'IMAGE_RETRIEVAL', 'VIDEO_RETRIEVAL', 'DOCUMENT_RETRIEVAL', 'AUDIO_RETRIEVAL', 'CLASSIFICATION', 'CLUSTERING'];
const NOVA_IMAGE_FORMATS = ['png', 'jpeg', 'gif', 'webp'];

function nova(body: Record<string, unknown>): EmuResponse {
  if (body['schemaVersion'] !== undefined && body['schemaVersion'] !== 'nova-multimodal-embed-v1') throw malformed(`#/schemaVersion: ${String(body['schemaVersion'])} is not a valid enum value (nova-multimodal-embed-v1)`);
  if (body['taskType'] !== 'SINGLE_EMBEDDING') throw malformed(`#/taskType: ${String(body['taskType'])} is not a valid enum value (SINGLE_EMBEDDING)`);
  const p = body['singleEmbeddingParams'];
  if (p === null || typeof p !== 'object' || Array.isArray(p)) throw malformed('#: required key [singleEmbeddingParams] not found');
  const params = p as Record<string, unknown>;
  if (!NOVA_PURPOSES.includes(params['embeddingPurpose'] as string)) throw malformed(`#/singleEmbeddingParams/embeddingPurpose: ${String(params['embeddingPurpose'])} is not a valid enum value`);
  const dim = params['embeddingDimension'] ?? 3072;
  if (typeof dim !== 'number' || !NOVA_DIMENSIONS.includes(dim)) throw malformed(`#/singleEmbeddingParams/embeddingDimension: ${String(dim)} is not a valid enum value (256, 384, 1024, 3072)`);
  const modalities = ['text', 'image', 'audio', 'video'].filter((k) => params[k] !== undefined);
  if (modalities.length !== 1) throw malformed(`#/singleEmbeddingParams: exactly one of text, image, audio or video is required; found ${modalities.length} (${modalities.join(', ') || 'none'})`);
  if (params['text'] !== undefined) {
    const t = params['text'] as Record<string, unknown>;
    if (t['truncationMode'] === undefined) throw malformed('#/singleEmbeddingParams/text: required key [truncationMode] not found');
    if (!['START', 'END', 'NONE'].includes(t['truncationMode'] as string)) throw malformed(`#/singleEmbeddingParams/text/truncationMode: ${String(t['truncationMode'])} is not a valid enum value (START, END, NONE)`);
    if (typeof t['value'] !== 'string') throw malformed('#/singleEmbeddingParams/text: required key [value] not found');
    return json(200, { embeddings: [{ embeddingType: 'TEXT', embedding: f32(embedText(t['value'], dim)) }] });
  }
  if (params['image'] === undefined) throw malformed(`#/singleEmbeddingParams/${modalities[0]}: this emulator embeds text and image only`);
  const img = params['image'] as Record<string, unknown>;
  if (!NOVA_IMAGE_FORMATS.includes(img['format'] as string)) throw malformed(`#/singleEmbeddingParams/image/format: ${String(img['format'])} is not a valid enum value (png, jpeg, gif, webp)`);
  if (!['STANDARD_IMAGE', 'DOCUMENT_IMAGE'].includes((img['detailLevel'] ?? 'STANDARD_IMAGE') as string)) throw malformed(`#/singleEmbeddingParams/image/detailLevel: ${String(img['detailLevel'])} is not a valid enum value (STANDARD_IMAGE, DOCUMENT_IMAGE)`);
  const bytes = (img['source'] as Record<string, unknown> | undefined)?.['bytes'];
  if (!base64(bytes)) throw malformed('#/singleEmbeddingParams/image/source/bytes: expected a base64 string');
  return json(200, { embeddings: [{ embeddingType: 'IMAGE', embedding: f32(imageVector(NOVA, Buffer.from(bytes, 'base64'), dim)) }] });
}

const COHERE_DIMENSIONS = [256, 512, 1024, 1536];
const COHERE_INPUT_TYPES = ['search_document', 'search_query', 'classification', 'clustering'];
const COHERE_MAX_INPUTS = 96;
const COHERE_MAX_IMAGE_BYTES = 5 * 1024 * 1024;

function cohere(body: Record<string, unknown>): EmuResponse {
  if (!COHERE_INPUT_TYPES.includes(body['input_type'] as string)) throw malformed(`#/input_type: ${String(body['input_type'])} is not a valid enum value (search_document, search_query, classification, clustering)`);
  const dim = body['output_dimension'] ?? 1536;
  if (typeof dim !== 'number' || !COHERE_DIMENSIONS.includes(dim)) throw malformed(`#/output_dimension: ${String(dim)} is not a valid enum value (256, 512, 1024, 1536)`);
  const types = body['embedding_types'] ?? ['float'];
  if (!Array.isArray(types) || !types.includes('float')) throw malformed('#/embedding_types: this emulator answers float embeddings only');
  const texts = body['texts'];
  const images = body['images'];
  if (texts !== undefined && images !== undefined) throw malformed('#: texts and images cannot be sent in the same request');
  const list = texts ?? images;
  if (!Array.isArray(list) || list.length === 0) throw malformed('#: one of texts, images or inputs is required');
  if (list.length > COHERE_MAX_INPUTS) throw malformed(`#/${texts !== undefined ? 'texts' : 'images'}: expected maxItems: ${COHERE_MAX_INPUTS}, actual: ${list.length}`);
  let vectors: Float64Array[];
  if (texts !== undefined) {
    if (!list.every((t) => typeof t === 'string')) throw malformed('#/texts: expected a list of strings');
    vectors = (list as string[]).map((t) => embedText(t, dim));
  } else {
    vectors = list.map((uri, n) => {
      const m = typeof uri === 'string' ? /^data:image\/(png|jpeg|gif|webp);base64,(.*)$/s.exec(uri) : null;
      if (!m || !base64(m[2])) throw malformed(`#/images/${n}: expected a data URI (data:image/png;base64,...)`);
      const bytes = Buffer.from(m[2] as string, 'base64');
      if (bytes.length > COHERE_MAX_IMAGE_BYTES) throw validation(`Image ${n} exceeds the 5 MB limit (${bytes.length} bytes).`);
      if (sniffFormat(bytes) === undefined) throw validation(`Image ${n}: this emulator decodes PNG and JPEG only.`);
      return imageVector(COHERE, bytes, dim);
    });
  }
  const embeddings = vectors.map(f32);
  // The by-type form when embedding_types is given (as the family sends it), else the plain list.
  return json(200, body['embedding_types'] !== undefined
    ? { id: 'emulated', response_type: 'embeddings_by_type', embeddings: { float: embeddings }, texts: texts ?? [], ...(images ? { images: [] } : {}) }
    : { id: 'emulated', response_type: 'embeddings_floats', embeddings, texts: texts ?? [] });
}

/**
 * A contender as batch inference runs it (invokeModels.ts): each record's modelInput answered exactly as
 * InvokeModel answers that body, or undefined when the id is not a contender.
 */
export function contenderModel(modelId: string): EmulatedModel | undefined {
  if (modelId !== NOVA_MME_ID && modelId !== COHERE_V4_ID) return undefined;
  return {
    invoke(body) {
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw malformed('expected a JSON object');
      return { body: (invokeContender(modelId, body as Record<string, unknown>) as EmuResponse).body as object, inputTokens: 0 };
    },
  };
}

/** The contender's answer, or undefined when the id is not one. `body` is the parsed JSON object. */
export function invokeContender(modelId: string, body: Record<string, unknown>): EmuResponse | undefined {
  if (modelId === NOVA_MME_ID) return nova(body);
  if (modelId === COHERE_V4_ID) return cohere(body);
  return undefined;
}
