// Bedrock runtime InvokeModel (`POST /model/{modelId}/invoke`): the model comes from invokeModels.ts (base
// foundation models on demand, provisioned-model ARNs of emulated fine-tuned models), the answer from its family.
import { json, type EmuRequest, type EmuResponse, type ServiceDefinition } from '../http';
import { BedrockError, bedrockFault, errorResponse, toResponse } from './errors';
import { onDemandModel } from './invokeModels';
import type { RateLimiter } from './rateLimit';
import type { BedrockState } from './state';
import { malformed } from './titanModel';

async function invoke(state: BedrockState, req: EmuRequest, modelId: string, limiter: RateLimiter): Promise<EmuResponse> {
  const { model, base } = await onDemandModel(state, modelId);
  if (base && !limiter.admit(state.clock.now())) {
    throw new BedrockError('ThrottlingException', 'Too many requests, please wait before trying again. You have sent too many requests in a short period of time.');
  }
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw malformed('the body is not valid JSON');
  }
  return json(200, model.invoke(body).body);
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
