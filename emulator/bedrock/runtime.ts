// Bedrock runtime InvokeModel (`POST /model/{modelId}/invoke`): the emulated contenders (contenders.ts) first, else
// the model from invokeModels.ts (base foundation models on demand, provisioned-model ARNs of emulated fine-tuned
// models), the answer from its family.
import { json, type EmuRequest, type EmuResponse, type ServiceDefinition } from '../http';
import { foundationModelId } from './arns';
import { catalogueEntry, COHERE_V4_ID, NOVA_MME_ID } from './catalogue';
import { invokeContender } from './contenders';
import { BedrockError, bedrockFault, errorResponse, toResponse, validation } from './errors';
import { onDemandModel } from './invokeModels';
import type { RateLimiter } from './rateLimit';
import type { BedrockState } from './state';
import { malformed } from './titanModel';

/** The on-demand quota: a request over it is refused as AWS refuses it. */
function admitOrThrottle(state: BedrockState, limiter: RateLimiter): void {
  if (!limiter.admit(state.clock.now())) {
    throw new BedrockError('ThrottlingException', 'Too many requests, please wait before trying again. You have sent too many requests in a short period of time.');
  }
}

function parseBody(req: EmuRequest): unknown {
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch {
    throw malformed('the body is not valid JSON');
  }
}

/** A contender (Nova MME, Cohere Embed v4) answers from contenders.ts; undefined for every other id. */
function invokeOffTheShelf(state: BedrockState, req: EmuRequest, modelId: string, limiter: RateLimiter): EmuResponse | undefined {
  const id = modelId.replace(/^arn:aws:bedrock:[a-z0-9-]+::foundation-model\//, '');
  if (id !== NOVA_MME_ID && id !== COHERE_V4_ID) return undefined;
  if (!catalogueEntry(id, state.notOffered)) throw validation('The provided model identifier is invalid.');
  admitOrThrottle(state, limiter);
  const body = parseBody(req);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw malformed('expected a JSON object');
  return invokeContender(id, body as Record<string, unknown>);
}

async function invoke(state: BedrockState, req: EmuRequest, modelId: string, limiter: RateLimiter): Promise<EmuResponse> {
  const contender = invokeOffTheShelf(state, req, modelId, limiter);
  if (contender) return contender;
  const foundation = foundationModelId(modelId);
  if (foundation && state.notOffered.has(foundation)) throw validation('The provided model identifier is invalid.');
  const { model, base } = await onDemandModel(state, modelId);
  if (base) admitOrThrottle(state, limiter);
  return json(200, model.invoke(parseBody(req)).body);
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
