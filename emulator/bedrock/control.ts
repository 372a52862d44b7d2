// The Bedrock control plane (restJson1): a route table from method + path to handler, then the shared error
// mapping. Every request first advances simulated time so reads see current states.
import type { EmuResponse, ServiceDefinition } from '../http';
import type { Handler } from './context';
import { createBatchJob, getBatchJob, listBatchJobs, stopBatchJob } from './batchApi';
import { bedrockFault, errorResponse, toResponse } from './errors';
import { createJob, getJob, listJobs, stopJob } from './jobsApi';
import { getFoundationModel, listFoundationModels, listTags, tagResource, untagResource } from './miscApi';
import {
  createThroughput, deleteModel, deleteThroughput, getModel, getThroughput, listModels, listThroughputs, updateThroughput,
} from './modelsApi';
import type { BedrockState } from './state';

interface Route { op: string; method: string; path: (string | null)[]; handler: Handler }

// `null` is a path label (one segment, percent-decoded).
const ROUTES: Route[] = [
  { op: 'CreateModelCustomizationJob', method: 'POST', path: ['model-customization-jobs'], handler: createJob },
  { op: 'ListModelCustomizationJobs', method: 'GET', path: ['model-customization-jobs'], handler: listJobs },
  { op: 'GetModelCustomizationJob', method: 'GET', path: ['model-customization-jobs', null], handler: getJob },
  { op: 'StopModelCustomizationJob', method: 'POST', path: ['model-customization-jobs', null, 'stop'], handler: stopJob },
  { op: 'CreateModelInvocationJob', method: 'POST', path: ['model-invocation-job'], handler: createBatchJob },
  { op: 'ListModelInvocationJobs', method: 'GET', path: ['model-invocation-jobs'], handler: listBatchJobs },
  { op: 'GetModelInvocationJob', method: 'GET', path: ['model-invocation-job', null], handler: getBatchJob },
  { op: 'StopModelInvocationJob', method: 'POST', path: ['model-invocation-job', null, 'stop'], handler: stopBatchJob },
  { op: 'ListCustomModels', method: 'GET', path: ['custom-models'], handler: listModels },
  { op: 'GetCustomModel', method: 'GET', path: ['custom-models', null], handler: getModel },
  { op: 'DeleteCustomModel', method: 'DELETE', path: ['custom-models', null], handler: deleteModel },
  { op: 'CreateProvisionedModelThroughput', method: 'POST', path: ['provisioned-model-throughput'], handler: createThroughput },
  { op: 'ListProvisionedModelThroughputs', method: 'GET', path: ['provisioned-model-throughputs'], handler: listThroughputs },
  { op: 'GetProvisionedModelThroughput', method: 'GET', path: ['provisioned-model-throughput', null], handler: getThroughput },
  { op: 'UpdateProvisionedModelThroughput', method: 'PATCH', path: ['provisioned-model-throughput', null], handler: updateThroughput },
  { op: 'DeleteProvisionedModelThroughput', method: 'DELETE', path: ['provisioned-model-throughput', null], handler: deleteThroughput },
  { op: 'GetFoundationModel', method: 'GET', path: ['foundation-models', null], handler: getFoundationModel },
  { op: 'ListFoundationModels', method: 'GET', path: ['foundation-models'], handler: listFoundationModels },
  { op: 'TagResource', method: 'POST', path: ['tagResource'], handler: tagResource },
  { op: 'UntagResource', method: 'POST', path: ['untagResource'], handler: untagResource },
  { op: 'ListTagsForResource', method: 'POST', path: ['listTagsForResource'], handler: listTags },
];

/** The operations this control plane answers (the conformance test covers each). */
export const BEDROCK_OPERATIONS: readonly string[] = ROUTES.map((r) => r.op);

function match(route: Route, method: string, segments: string[]): string[] | undefined {
  if (route.method !== method || route.path.length !== segments.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < route.path.length; i++) {
    const want = route.path[i];
    const got = segments[i] ?? '';
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
        const params = match(route, req.method, req.segments);
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
    iamPrefix: 'bedrock',
    operation: (method, segments) => ROUTES.find((r) => match(r, method, segments))?.op ?? `${method} /${segments.join('/')}`,
  };
}
