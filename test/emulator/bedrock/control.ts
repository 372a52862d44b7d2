// The Bedrock control plane (restJson1): a route table from method + path to handler, then the shared error
// mapping. Every request first advances simulated time so reads see current states.
import type { EmuRequest, EmuResponse, ServiceDefinition } from '../http';
import type { Handler } from './context';
import { bedrockFault, errorResponse, toResponse } from './errors';
import { createJob, getJob, listJobs, stopJob } from './jobsApi';
import { getFoundationModel, listTags, tagResource, untagResource } from './miscApi';
import {
  createThroughput, deleteModel, deleteThroughput, getModel, getThroughput, listModels, listThroughputs, updateThroughput,
} from './modelsApi';
import type { BedrockState } from './state';

interface Route { method: string; path: (string | null)[]; handler: Handler }

// `null` is a path label (one segment, percent-decoded).
const ROUTES: Route[] = [
  { method: 'POST', path: ['model-customization-jobs'], handler: createJob },
  { method: 'GET', path: ['model-customization-jobs'], handler: listJobs },
  { method: 'GET', path: ['model-customization-jobs', null], handler: getJob },
  { method: 'POST', path: ['model-customization-jobs', null, 'stop'], handler: stopJob },
  { method: 'GET', path: ['custom-models'], handler: listModels },
  { method: 'GET', path: ['custom-models', null], handler: getModel },
  { method: 'DELETE', path: ['custom-models', null], handler: deleteModel },
  { method: 'POST', path: ['provisioned-model-throughput'], handler: createThroughput },
  { method: 'GET', path: ['provisioned-model-throughputs'], handler: listThroughputs },
  { method: 'GET', path: ['provisioned-model-throughput', null], handler: getThroughput },
  { method: 'PATCH', path: ['provisioned-model-throughput', null], handler: updateThroughput },
  { method: 'DELETE', path: ['provisioned-model-throughput', null], handler: deleteThroughput },
  { method: 'GET', path: ['foundation-models', null], handler: getFoundationModel },
  { method: 'POST', path: ['tagResource'], handler: tagResource },
  { method: 'POST', path: ['untagResource'], handler: untagResource },
  { method: 'POST', path: ['listTagsForResource'], handler: listTags },
];

function match(route: Route, req: EmuRequest): string[] | undefined {
  if (route.method !== req.method || route.path.length !== req.segments.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < route.path.length; i++) {
    const want = route.path[i];
    const got = req.segments[i] ?? '';
    if (want === null) params.push(got);
    else if (want !== got) return undefined;
  }
  return params;
}

export function bedrockControl(state: BedrockState, jobDurationMs: () => number): ServiceDefinition {
  return {
    name: 'bedrock',
    async handle(req): Promise<EmuResponse> {
      for (const route of ROUTES) {
        const params = match(route, req);
        if (!params) continue;
        try {
          await state.refresh();
          return await route.handler({ state, req, params, jobDurationMs: jobDurationMs() });
        } catch (err) {
          return toResponse(err);
        }
      }
      return errorResponse('UnknownOperationException', `No Bedrock operation matches ${req.method} ${req.rawPath}.`);
    },
    errorResponse: bedrockFault,
  };
}
