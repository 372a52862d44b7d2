// Titan Multimodal Embeddings G1 as emulated here: one InvokeModel body in, one response body out, with Titan-like
// validation (docs/reference/bedrock-tmme.md section 6). Used by on-demand InvokeModel and by batch inference, so
// both give the same vector for the same input. The vectors come from the emulated models of model/ (not Titan).
import { adaptImage, type Adapter } from '../model/adapter';
import { combine, EMBEDDING_LENGTHS, embedText, projectImage, tokenize } from '../model/embed';
import { decodeImage, imageFeatures, imageInfo } from '../model/image';
import { type BedrockError, validation } from './errors';
import type { EmulatedModel } from './invokeModels';

const MAX_TEXT_CHARS = 2560;
const MAX_PIXELS = 2048 * 2048 * 3;
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

export const malformed = (detail: string): BedrockError => validation(`Malformed input request: ${detail}, please reformat your input and try again.`);

function parseInput(body: unknown): { text: string | undefined; image: Buffer | undefined; length: number } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw malformed('expected a JSON object');
  const o = body as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!['inputText', 'inputImage', 'embeddingConfig'].includes(k)) throw malformed(`extraneous key [${k}] is not permitted`);
  }
  const text = o['inputText'];
  const image = o['inputImage'];
  if (text !== undefined && typeof text !== 'string') throw malformed('inputText must be a string');
  if (image !== undefined && typeof image !== 'string') throw malformed('inputImage must be a base64 string');
  if (text === undefined && image === undefined) throw malformed('at least one of inputText or inputImage is required');
  if (typeof text === 'string' && text.length > MAX_TEXT_CHARS) throw malformed(`expected maxLength: ${MAX_TEXT_CHARS}, actual: ${text.length}`);
  let length = 1024;
  const cfg = o['embeddingConfig'];
  if (cfg !== undefined) {
    const n = (cfg as Record<string, unknown> | null)?.['outputEmbeddingLength'];
    if (typeof n !== 'number' || !(EMBEDDING_LENGTHS as readonly number[]).includes(n)) {
      throw malformed(`#/embeddingConfig/outputEmbeddingLength: ${String(n)} is not a valid enum value (256, 384, 1024)`);
    }
    length = n;
  }
  let bytes: Buffer | undefined;
  if (typeof image === 'string') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(image) || image.length % 4 !== 0) throw malformed('inputImage is not valid base64');
    bytes = Buffer.from(image, 'base64');
  }
  return { text: text as string | undefined, image: bytes, length };
}

function imageVector(bytes: Buffer, adapter: Adapter | undefined, length: number): Float64Array {
  if (bytes.length > MAX_IMAGE_BYTES) throw validation('Image exceeds max size allowed.');
  let info;
  try {
    info = imageInfo(bytes);
  } catch {
    throw validation('Unable to process the provided image: use a PNG or JPEG image.');
  }
  if (info.width * info.height > MAX_PIXELS) throw validation('Image exceeds max pixels allowed.');
  let features;
  try {
    features = imageFeatures(decodeImage(bytes));
  } catch {
    throw validation('Unable to process the provided image: the image data could not be decoded.');
  }
  return adapter ? adaptImage(adapter, features, length) : projectImage(features, length);
}

/** The emulated base model (no adapter) or a fine-tuned one (the adapter its customization job fitted). */
export function titanMultimodal(adapter: Adapter | undefined): EmulatedModel {
  return {
    invoke(body) {
      const { text, image, length } = parseInput(body);
      const textVec = text !== undefined ? embedText(text, length) : undefined;
      const imageVec = image !== undefined ? imageVector(image, adapter, length) : undefined;
      const vec = textVec && imageVec ? combine(textVec, imageVec) : (textVec ?? imageVec ?? new Float64Array(length));
      const inputTokens = text === undefined ? 0 : tokenize(text).length;
      return {
        body: { embedding: Array.from(vec, (x) => Math.fround(x)), inputTextTokenCount: inputTokens, message: null },
        inputTokens,
      };
    },
  };
}
