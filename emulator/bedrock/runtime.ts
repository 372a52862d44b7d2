// Bedrock runtime InvokeModel (`POST /model/{modelId}/invoke`) for amazon.titan-embed-image-v1, for
// provisioned-model ARNs of emulated fine-tuned models, and for the emulated contenders (contenders.ts). Answers like Titan Multimodal Embeddings G1 does
// (docs/reference/bedrock-tmme.md section 6), with the emulated models of model/ (not Titan).
import { json, type EmuRequest, type EmuResponse, type ServiceDefinition } from '../http';
import { adaptImage } from '../model/adapter';
import { combine, EMBEDDING_LENGTHS, embedText, projectImage, tokenize } from '../model/embed';
import { decodeImage, imageFeatures, imageInfo } from '../model/image';
import type { Adapter } from '../model/adapter';
import { foundationModelId, TMME_CUSTOMIZABLE_ID } from './arns';
import { catalogueEntry, COHERE_V4_ID, NOVA_MME_ID } from './catalogue';
import { invokeContender } from './contenders';
import { BedrockError, bedrockFault, errorResponse, notFound, toResponse, validation } from './errors';
import type { RateLimiter } from './rateLimit';
import type { BedrockState } from './state';

const MAX_TEXT_CHARS = 2560;
const MAX_PIXELS = 2048 * 2048 * 3;
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

const malformed = (detail: string): BedrockError => validation(`Malformed input request: ${detail}, please reformat your input and try again.`);

/** Which emulated model serves the id: undefined adapter means the base model. */
async function resolveModel(state: BedrockState, modelId: string): Promise<{ adapter: Adapter | undefined }> {
  const fm = foundationModelId(modelId);
  if (fm === TMME_CUSTOMIZABLE_ID) {
    throw validation(`The provided model identifier is invalid. ${fm} is for customization and provisioned throughput; invoke amazon.titan-embed-image-v1 on demand.`);
  }
  if (fm) return { adapter: undefined };
  if (/^arn:aws:bedrock:[a-z0-9-]+:\d{12}:provisioned-model\/[a-z0-9]{12}$/.test(modelId)) {
    await state.refresh();
    const t = state.throughputs.get(modelId);
    if (!t) throw notFound(`Could not find the provisioned model ${modelId}.`);
    if (t.status !== 'InService') {
      throw new BedrockError('ModelNotReadyException', `The provisioned model ${t.provisionedModelName} is ${t.status}; invoke it once its status is InService.`);
    }
    return { adapter: state.models.get(t.modelArn)?.adapter };
  }
  if (/custom-model\//.test(modelId)) {
    throw validation('A custom Titan Multimodal Embeddings model can be invoked only through provisioned throughput: use the provisioned model ARN.');
  }
  throw validation('The provided model identifier is invalid.');
}

function parseBody(req: EmuRequest): { text: string | undefined; image: Buffer | undefined; length: number } {
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw malformed('the body is not valid JSON');
  }
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

/** A contender (Nova MME, Cohere Embed v4) answers from contenders.ts; undefined for every other id. */
function invokeOffTheShelf(state: BedrockState, req: EmuRequest, modelId: string, limiter: RateLimiter): EmuResponse | undefined {
  const id = modelId.replace(/^arn:aws:bedrock:[a-z0-9-]+::foundation-model\//, '');
  if (id !== NOVA_MME_ID && id !== COHERE_V4_ID) return undefined;
  if (!catalogueEntry(id, state.notOffered)) throw validation('The provided model identifier is invalid.');
  if (!limiter.admit(state.clock.now())) {
    throw new BedrockError('ThrottlingException', 'Too many requests, please wait before trying again. You have sent too many requests in a short period of time.');
  }
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw malformed('the body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw malformed('expected a JSON object');
  return invokeContender(id, body as Record<string, unknown>);
}

async function invoke(state: BedrockState, req: EmuRequest, modelId: string, limiter: RateLimiter): Promise<EmuResponse> {
  const contender = invokeOffTheShelf(state, req, modelId, limiter);
  if (contender) return contender;
  if (foundationModelId(modelId) && state.notOffered.has(foundationModelId(modelId) as string)) throw validation('The provided model identifier is invalid.');
  const { adapter } = await resolveModel(state, modelId);
  if (adapter === undefined && foundationModelId(modelId) && !limiter.admit(state.clock.now())) {
    throw new BedrockError('ThrottlingException', 'Too many requests, please wait before trying again. You have sent too many requests in a short period of time.');
  }
  const { text, image, length } = parseBody(req);
  const textVec = text !== undefined ? embedText(text, length) : undefined;
  const imageVec = image !== undefined ? imageVector(image, adapter, length) : undefined;
  const vec = textVec && imageVec ? combine(textVec, imageVec) : (textVec ?? imageVec ?? new Float64Array(length));
  return json(200, {
    embedding: Array.from(vec, (x) => Math.fround(x)),
    inputTextTokenCount: text === undefined ? 0 : tokenize(text).length,
    message: null,
  });
}

export function bedrockRuntime(state: BedrockState, limiter: RateLimiter): ServiceDefinition {
  return {
    name: 'bedrockRuntime',
    async handle(req) {
      const [first, modelId, action] = req.segments;
      if (req.method !== 'POST' || first !== 'model' || modelId === undefined || action !== 'invoke' || req.segments.length !== 3) {
        return errorResponse('UnknownOperationException', `No Bedrock runtime operation matches ${req.method} ${req.rawPath}.`);
      }
      try {
        return await invoke(state, req, modelId, limiter);
      } catch (err) {
        return toResponse(err);
      }
    },
    errorResponse: bedrockFault,
    iamPrefix: 'bedrock',
    operation: (method, segments) => (method === 'POST' && segments[0] === 'model' && segments[2] === 'invoke' ? 'InvokeModel' : `${method} /${segments.join('/')}`),
  };
}
