// Conformance: every response body of the emulated Bedrock control plane, Bedrock runtime, OpenSearch Serverless
// control plane and Service Quotas, successes and errors, held against AWS's published service models (botocore 1.43.11, copied in
// test/fixtures/aws-models). Requests go through the real AWS SDK; a recording HTTP handler keeps each raw answer.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import * as bedrockSdk from '@aws-sdk/client-bedrock';
import * as runtimeSdk from '@aws-sdk/client-bedrock-runtime';
import * as aossSdk from '@aws-sdk/client-opensearchserverless';
import * as quotasSdk from '@aws-sdk/client-service-quotas';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpResponse } from '@smithy/types';
import { startEmulator } from '..';
import { AOSS_OPERATIONS } from '../aoss/control';
import { BEDROCK_OPERATIONS } from '../bedrock/control';
import { SERVICE_QUOTAS_OPERATIONS } from '../serviceQuotas';
import { credentials } from './harness';
import { checkError, checkOutput, checkValue, loadModel, type ServiceModel } from './serviceModel';

interface Recorded { status: number; headers: Record<string, string>; body: string }

/** The SDK's own HTTP handler, keeping a copy of each response body before the SDK parses it. */
class RecordingHandler extends NodeHttpHandler {
  last: Recorded | undefined;
  override async handle(request: Parameters<NodeHttpHandler['handle']>[0], options?: Parameters<NodeHttpHandler['handle']>[1]): Promise<{ response: HttpResponse }> {
    const { response } = await super.handle(request, options);
    const chunks: Buffer[] = [];
    for await (const c of response.body as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    const bytes = Buffer.concat(chunks);
    this.last = { status: response.statusCode, headers: response.headers, body: bytes.toString('utf8') };
    response.body = Readable.from([bytes]);
    return { response };
  }
}

interface Checked { model: ServiceModel; handler: RecordingHandler; covered: Set<string>; problems: string[]; op: string }

function recorder(model: ServiceModel): Checked {
  return { model, handler: new RecordingHandler(), covered: new Set<string>(), problems: [], op: '' };
}

/** A middleware noting which operation each request is (the SDK's commandName), for the checks. */
const noteOperation = (c: Checked) => <A, R>(next: (args: A) => Promise<R>, ctx: { commandName?: string }) => async (args: A): Promise<R> => {
  c.op = (ctx.commandName ?? '').replace(/Command$/, '');
  return next(args);
};

/** Runs one request, then checks its raw answer against the model; `expect` names an error the step wants. */
async function call<T>(c: Checked, send: () => Promise<T>, expect?: string): Promise<T | undefined> {
  c.handler.last = undefined;
  let result: T | undefined;
  let error: (Error & { name: string }) | undefined;
  try {
    result = await send();
  } catch (err) {
    error = err as Error & { name: string };
  }
  const op = c.op;
  const r = c.handler.last as Recorded | undefined;
  if (!r) throw error ?? new Error(`${op}: no response recorded`);
  if (r.status < 300) {
    c.problems.push(...checkOutput(c.model, op, r.status, r.body, r.headers));
    c.covered.add(op);
  } else {
    c.problems.push(...checkError(c.model, op, r.status, r.body, r.headers));
  }
  if (expect !== undefined) assert.equal(error?.name, expect, `${op} should fail with ${expect}`);
  else if (error) throw error;
  return result;
}

/**
 * Where AWS's own answers break its model, the emulator answers as AWS does: foundation-model names such as
 * "Titan Multimodal Embeddings G1" (30 characters, the name AWS's model catalogue shows) exceed BrandedName's max of 20.
 * The SDK does not enforce output constraints, so clients see no difference.
 */
const AS_AWS_ANSWERS = [
  /^GetFoundationModel\.modelDetails\.modelName: length \d+ above max 20 \(BrandedName\)$/,
  /^ListFoundationModels\.modelSummaries\[\d+\]\.modelName: length \d+ above max 20 \(BrandedName\)$/,
];
const deviations = (problems: string[]): string[] => problems.filter((p) => !AS_AWS_ANSWERS.some((re) => re.test(p)));

const common = { region: 'us-east-1', credentials, maxAttempts: 1 };
const ROLE = 'arn:aws:iam::123456789012:role/BedrockRole';
const BUCKET = 'bedrock-mm-demo';

describe('conformance of every emulator response to AWS\'s service models', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  const admin = async (method: string, path: string, body?: object): Promise<Record<string, unknown>> => {
    const res = await fetch(`${emulator.endpoints.admin}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return (await res.json()) as Record<string, unknown>;
  };
  const advance = (ms: number) => admin('POST', '/clock', { advanceMs: ms });

  before(async () => {
    emulator = await startEmulator({
      manualClock: true, jobDurationMs: 10_000, throughputDurationMs: 1_000, collectionDurationMs: 1_000, stopDurationMs: 1_000,
      batchDurationMs: 10_000, batchMinRecords: 2, minTrainingRecords: 10,
    });
    await emulator.uploadSampleData({ imagesPerClass: 3, testPerClass: 1, classes: 4 });
  });
  after(async () => { await emulator.stop(); });

  it('the checker itself finds a missing required member, an extra member, a bad enum, a bad timestamp and a wrong status', () => {
    const model = loadModel('bedrock', '2023-04-20');
    const problems: string[] = [];
    checkValue(model, 'ModelInvocationJobSummary', {
      jobArn: 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefabcdef', jobName: 'j', modelId: 'amazon.titan-embed-image-v1',
      roleArn: ROLE, submitTime: 1700000000, inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://bucket/in/' } }, status: 'Running', extra: 1,
    }, '$', problems);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.ok(problems.some((p) => /required member outputDataConfig/.test(p)));
    assert.ok(problems.some((p) => /member extra is not in the model/.test(p)));
    assert.ok(problems.some((p) => /Running is not one of/.test(p)));
    assert.ok(problems.some((p) => /expected an ISO-8601 string/.test(p)));
    assert.deepEqual(checkOutput(model, 'CreateModelCustomizationJob', 200, '{"jobArn":"arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.titan-embed-image-v1:0/abcdefabcdef"}', {}),
      ['CreateModelCustomizationJob: status 200, the model says 201']);
  });

  it('Bedrock control plane and runtime: every operation, in every state it reaches, and its errors', async () => {
    const c = recorder(loadModel('bedrock', '2023-04-20'));
    const rt = recorder(loadModel('bedrock-runtime', '2023-09-30'));
    const b = new bedrockSdk.BedrockClient({ ...common, endpoint: emulator.endpoints.bedrock, requestHandler: c.handler });
    b.middlewareStack.add(noteOperation(c), { step: 'initialize' });
    const runtime = new runtimeSdk.BedrockRuntimeClient({ ...common, endpoint: emulator.endpoints.bedrockRuntime, requestHandler: rt.handler });
    runtime.middlewareStack.add(noteOperation(rt), { step: 'initialize' });
    const s = bedrockSdk;
    try {
      for (const id of ['amazon.titan-embed-image-v1', 'amazon.titan-embed-image-v1:0']) await call(c, () => b.send(new s.GetFoundationModelCommand({ modelIdentifier: id })));
      await call(c, () => b.send(new s.GetFoundationModelCommand({ modelIdentifier: 'nope.model-v1' })), 'ValidationException');
      // The catalogue with every family's models (Titan, Nova, Cohere), unfiltered and filtered by modality.
      await call(c, () => b.send(new s.ListFoundationModelsCommand({})));
      await call(c, () => b.send(new s.ListFoundationModelsCommand({ byOutputModality: 'EMBEDDING', byProvider: 'Amazon' })));
      for (const id of ['amazon.nova-2-multimodal-embeddings-v1:0', 'cohere.embed-v4:0']) await call(c, () => b.send(new s.GetFoundationModelCommand({ modelIdentifier: id })));

      const job = (input: Partial<bedrockSdk.CreateModelCustomizationJobCommandInput>) => new s.CreateModelCustomizationJobCommand({
        jobName: 'conf-job', customModelName: 'conf-model', roleArn: ROLE, baseModelIdentifier: 'amazon.titan-embed-image-v1:0',
        hyperParameters: { epochCount: '1' }, trainingDataConfig: { s3Uri: `s3://${BUCKET}/manifests/training.jsonl` },
        validationDataConfig: { validators: [{ s3Uri: `s3://${BUCKET}/manifests/validation.jsonl` }] },
        outputDataConfig: { s3Uri: `s3://${BUCKET}/output/` }, jobTags: [{ key: 'created-by', value: 'bedrock-mm-customizer' }], ...input,
      });
      const jobArn = (await call(c, () => b.send(job({}))))?.jobArn ?? '';
      const stopArn = (await call(c, () => b.send(job({ jobName: 'conf-stop', customModelName: 'conf-stop-model' }))))?.jobArn ?? '';
      const failArn = (await call(c, () => b.send(job({ jobName: 'conf-fail', customModelName: 'conf-fail-model', trainingDataConfig: { s3Uri: `s3://${BUCKET}/none.jsonl` } }))))?.jobArn ?? '';
      await call(c, () => b.send(job({ hyperParameters: { epochCount: '0' } })), 'ValidationException');
      await call(c, () => b.send(job({})), 'ConflictException');
      await call(c, () => b.send(new s.GetModelCustomizationJobCommand({ jobIdentifier: jobArn })));
      await call(c, () => b.send(new s.StopModelCustomizationJobCommand({ jobIdentifier: stopArn })));
      await call(c, () => b.send(new s.GetModelCustomizationJobCommand({ jobIdentifier: stopArn })));
      await advance(10_000);
      for (const arn of [jobArn, stopArn, failArn]) await call(c, () => b.send(new s.GetModelCustomizationJobCommand({ jobIdentifier: arn })));
      await call(c, () => b.send(new s.StopModelCustomizationJobCommand({ jobIdentifier: jobArn })), 'ValidationException');
      await call(c, () => b.send(new s.GetModelCustomizationJobCommand({ jobIdentifier: 'missing' })), 'ResourceNotFoundException');
      await call(c, () => b.send(new s.ListModelCustomizationJobsCommand({})));
      await call(c, () => b.send(new s.ListModelCustomizationJobsCommand({ maxResults: 1 })));
      await call(c, () => b.send(new s.ListModelCustomizationJobsCommand({ nextToken: 'garbage' })), 'ValidationException');

      const models = await call(c, () => b.send(new s.ListCustomModelsCommand({})));
      const modelArn = models?.modelSummaries?.[0]?.modelArn ?? '';
      await call(c, () => b.send(new s.GetCustomModelCommand({ modelIdentifier: modelArn })));
      await call(c, () => b.send(new s.GetCustomModelCommand({ modelIdentifier: 'missing' })), 'ResourceNotFoundException');

      const pt = await call(c, () => b.send(new s.CreateProvisionedModelThroughputCommand({ provisionedModelName: 'conf-pt', modelId: modelArn, modelUnits: 1, tags: [{ key: 'k', value: 'v' }] })));
      const ptArn = pt?.provisionedModelArn ?? '';
      await call(c, () => b.send(new s.GetProvisionedModelThroughputCommand({ provisionedModelId: ptArn })));
      await call(rt, () => runtime.send(new runtimeSdk.InvokeModelCommand({ modelId: ptArn, body: JSON.stringify({ inputText: 'a' }) })), 'ModelNotReadyException');
      await advance(1_000);
      await call(c, () => b.send(new s.GetProvisionedModelThroughputCommand({ provisionedModelId: ptArn })));
      await call(c, () => b.send(new s.ListProvisionedModelThroughputsCommand({})));
      await call(c, () => b.send(new s.UpdateProvisionedModelThroughputCommand({ provisionedModelId: ptArn, desiredProvisionedModelName: 'conf-pt-2' })));
      await call(rt, () => runtime.send(new runtimeSdk.InvokeModelCommand({ modelId: ptArn, body: JSON.stringify({ inputText: 'The letter A in sign language' }) })));
      await call(rt, () => runtime.send(new runtimeSdk.InvokeModelCommand({ modelId: 'amazon.titan-embed-image-v1', body: JSON.stringify({ inputText: 'a' }) })));
      await call(rt, () => runtime.send(new runtimeSdk.InvokeModelCommand({ modelId: 'amazon.titan-embed-image-v1', body: JSON.stringify({ nope: 1 }) })), 'ValidationException');

      const records = ['A', 'B', 'C'].map((l, i) => JSON.stringify({ recordId: `r${i}`, modelInput: { inputText: `The letter ${l} in sign language` } }));
      await emulator.store.putObject(BUCKET, 'batch/in/part.jsonl', `${records.join('\n')}\n${JSON.stringify({ recordId: 'bad', modelInput: { inputImage: 'AAAA' } })}\n`, 'application/jsonl');
      const batch = (name: string, over: Partial<bedrockSdk.CreateModelInvocationJobCommandInput> = {}) => new s.CreateModelInvocationJobCommand({
        jobName: name, roleArn: ROLE, modelId: 'amazon.titan-embed-image-v1', inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${BUCKET}/batch/in/` } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${BUCKET}/batch/out/` } }, tags: [{ key: 'created-by', value: 'bedrock-mm-customizer' }], ...over,
      });
      const batchArn = (await call(c, () => b.send(batch('conf-batch'))))?.jobArn ?? '';
      const batchStop = (await call(c, () => b.send(batch('conf-batch-stop'))))?.jobArn ?? '';
      await call(c, () => b.send(batch('conf-batch-custom', { modelId: modelArn })));
      await call(c, () => b.send(batch('conf-batch-pt', { modelId: ptArn })), 'ValidationException');
      await call(c, () => b.send(batch('conf-batch')), 'ConflictException');
      for (let i = 0; i < 4; i++) {
        await call(c, () => b.send(new s.GetModelInvocationJobCommand({ jobIdentifier: batchArn })));
        await advance(1_000);
      }
      await call(c, () => b.send(new s.StopModelInvocationJobCommand({ jobIdentifier: batchStop })));
      await call(c, () => b.send(new s.GetModelInvocationJobCommand({ jobIdentifier: batchStop })));
      await call(c, () => b.send(new s.ListModelInvocationJobsCommand({ maxResults: 1 })));
      await advance(10_000);
      await call(c, () => b.send(new s.GetModelInvocationJobCommand({ jobIdentifier: batchArn.split('/').pop() })));
      await call(c, () => b.send(new s.ListModelInvocationJobsCommand({})));
      await call(c, () => b.send(new s.StopModelInvocationJobCommand({ jobIdentifier: batchArn })), 'ValidationException');
      await call(c, () => b.send(new s.GetModelInvocationJobCommand({ jobIdentifier: 'abcdefabcdef' })), 'ResourceNotFoundException');

      for (const arn of [jobArn, modelArn, ptArn, batchArn]) {
        await call(c, () => b.send(new s.TagResourceCommand({ resourceARN: arn, tags: [{ key: 'extra', value: '1' }] })));
        await call(c, () => b.send(new s.ListTagsForResourceCommand({ resourceARN: arn })));
        await call(c, () => b.send(new s.UntagResourceCommand({ resourceARN: arn, tagKeys: ['extra'] })));
      }
      await call(c, () => b.send(new s.DeleteCustomModelCommand({ modelIdentifier: modelArn })), 'ConflictException');
      await call(c, () => b.send(new s.DeleteProvisionedModelThroughputCommand({ provisionedModelId: ptArn })));
      await call(c, () => b.send(new s.DeleteCustomModelCommand({ modelIdentifier: modelArn })));

      // Seeded states the lifecycle above does not pass through.
      await admin('POST', '/seed', {
        jobs: [{ jobName: 'seed-failed', status: 'Failed', failureMessage: 'boom' }, { jobName: 'seed-stopped', status: 'Stopped' }],
        customModels: [{ modelName: 'seed-model' }],
        provisionedThroughputs: [{ provisionedModelName: 'seed-pt', status: 'Failed', failureMessage: 'no capacity', commitmentDuration: 'OneMonth' }],
        batchJobs: [{ status: 'Failed', message: 'boom' }, { status: 'Expired' }, { status: 'PartiallyCompleted', errorRecordCount: 3 }, { status: 'Scheduled' }],
      });
      await call(c, () => b.send(new s.ListModelInvocationJobsCommand({})));
      await call(c, () => b.send(new s.ListModelCustomizationJobsCommand({})));
      await call(c, () => b.send(new s.ListCustomModelsCommand({})));
      await call(c, () => b.send(new s.ListProvisionedModelThroughputsCommand({})));

      // Injected faults answer in each operation's modelled error shapes.
      await admin('POST', '/faults', { service: 'bedrock', throttleRate: 1 });
      await call(c, () => b.send(new s.ListModelInvocationJobsCommand({})), 'ThrottlingException');
      await admin('POST', '/faults', { service: 'bedrock', throttleRate: 0, errorRate: 1 });
      await call(c, () => b.send(new s.GetModelInvocationJobCommand({ jobIdentifier: batchArn })), 'InternalServerException');
      await admin('POST', '/faults', { service: 'bedrock', errorRate: 0, accessDenied: 'identity' });
      await call(c, () => b.send(new s.CreateModelInvocationJobCommand({ ...batch('denied').input })), 'AccessDeniedException');
      await admin('POST', '/faults', { service: 'bedrock', accessDenied: 'off' });
    } finally {
      b.destroy();
      runtime.destroy();
    }
    assert.deepEqual(deviations([...c.problems, ...rt.problems]), [], 'every response conforms to the service model');
    assert.deepEqual(BEDROCK_OPERATIONS.filter((op) => !c.covered.has(op)), [], 'every emulated Bedrock operation answered successfully at least once');
    assert.ok(rt.covered.has('InvokeModel'));
  });

  it('OpenSearch Serverless control plane: every operation and its errors', async () => {
    const c = recorder(loadModel('opensearchserverless', '2021-11-01'));
    const a = new aossSdk.OpenSearchServerlessClient({ ...common, endpoint: emulator.endpoints.opensearchServerless, requestHandler: c.handler });
    a.middlewareStack.add(noteOperation(c), { step: 'initialize' });
    const s = aossSdk;
    const enc = JSON.stringify({ Rules: [{ ResourceType: 'collection', Resource: ['collection/conf'] }], AWSOwnedKey: true });
    const net = JSON.stringify([{ Rules: [{ ResourceType: 'collection', Resource: ['collection/conf'] }], AllowFromPublic: true }]);
    const data = JSON.stringify([{ Rules: [{ ResourceType: 'index', Resource: ['index/conf/*'], Permission: ['aoss:*'] }], Principal: ['arn:aws:iam::123456789012:user/emulator'] }]);
    try {
      await call(c, () => a.send(new s.CreateCollectionCommand({ name: 'conf', type: 'VECTORSEARCH' })), 'ValidationException');
      await call(c, () => a.send(new s.CreateSecurityPolicyCommand({ name: 'conf', type: 'encryption', policy: enc, description: 'd' })));
      await call(c, () => a.send(new s.CreateSecurityPolicyCommand({ name: 'conf', type: 'network', policy: net })));
      await call(c, () => a.send(new s.CreateSecurityPolicyCommand({ name: 'conf', type: 'encryption', policy: enc })), 'ConflictException');
      await call(c, () => a.send(new s.GetSecurityPolicyCommand({ name: 'conf', type: 'encryption' })));
      await call(c, () => a.send(new s.GetSecurityPolicyCommand({ name: 'missing', type: 'encryption' })), 'ResourceNotFoundException');
      await call(c, () => a.send(new s.ListSecurityPoliciesCommand({ type: 'network' })));
      await call(c, () => a.send(new s.CreateAccessPolicyCommand({ name: 'conf', type: 'data', policy: data })));
      await call(c, () => a.send(new s.GetAccessPolicyCommand({ name: 'conf', type: 'data' })));
      await call(c, () => a.send(new s.ListAccessPoliciesCommand({ type: 'data' })));
      const created = await call(c, () => a.send(new s.CreateCollectionCommand({ name: 'conf', type: 'VECTORSEARCH', tags: [{ key: 'created-by', value: 'bedrock-mm-customizer' }] })));
      const id = created?.createCollectionDetail?.id ?? '';
      await call(c, () => a.send(new s.BatchGetCollectionCommand({ ids: [id, 'missingmissingmissin'] })));
      await call(c, () => a.send(new s.DeleteCollectionCommand({ id })), 'ConflictException');
      await advance(1_000);
      await call(c, () => a.send(new s.BatchGetCollectionCommand({ names: ['conf'] })));
      await call(c, () => a.send(new s.ListCollectionsCommand({})));
      await call(c, () => a.send(new s.ListTagsForResourceCommand({ resourceArn: created?.createCollectionDetail?.arn })));
      await call(c, () => a.send(new s.DeleteCollectionCommand({ id })));
      await call(c, () => a.send(new s.DeleteAccessPolicyCommand({ name: 'conf', type: 'data' })));
      await call(c, () => a.send(new s.DeleteSecurityPolicyCommand({ name: 'conf', type: 'network' })));
      await call(c, () => a.send(new s.DeleteSecurityPolicyCommand({ name: 'conf', type: 'encryption' })));
      await admin('POST', '/faults', { service: 'opensearchServerless', throttleRate: 1 });
      await call(c, () => a.send(new s.ListCollectionsCommand({})), 'ThrottlingException');
      await admin('POST', '/faults', { service: 'opensearchServerless', throttleRate: 0 });
    } finally {
      a.destroy();
    }
    assert.deepEqual(deviations(c.problems), [], 'every response conforms to the service model');
    assert.deepEqual(AOSS_OPERATIONS.filter((op) => !c.covered.has(op)), [], 'every emulated Serverless operation answered successfully at least once');
  });

  it('Service Quotas: GetServiceQuota and ListServiceQuotas (paged), seeded values and their errors', async () => {
    const c = recorder(loadModel('service-quotas', '2019-06-24'));
    const q = new quotasSdk.ServiceQuotasClient({ ...common, endpoint: emulator.endpoints.serviceQuotas, requestHandler: c.handler });
    q.middlewareStack.add(noteOperation(c), { step: 'initialize' });
    const s = quotasSdk;
    try {
      const got = await call(c, () => q.send(new s.GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: 'L-1A69C08F' })));
      assert.equal(got?.Quota?.Value, 2, 'the minimum is the emulator\'s --batch-min-records');
      assert.match(got?.Quota?.QuotaName ?? '', /^Minimum number of records per batch inference job for Titan Multimodal Embeddings G1$/);
      await admin('POST', '/seed', { serviceQuotas: [{ quotaCode: 'L-1A69C08F', value: 20 }, { quotaCode: 'L-4C584163', value: null }] });
      assert.equal((await call(c, () => q.send(new s.GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: 'L-1A69C08F' }))))?.Quota?.Value, 20);
      await call(c, () => q.send(new s.GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: 'L-4C584163' })), 'NoSuchResourceException');
      await call(c, () => q.send(new s.GetServiceQuotaCommand({ ServiceCode: 'nope', QuotaCode: 'L-1A69C08F' })), 'NoSuchResourceException');
      const names: string[] = [];
      let token: string | undefined;
      do {
        const page = await call(c, () => q.send(new s.ListServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 2, ...(token ? { NextToken: token } : {}) })));
        names.push(...(page?.Quotas ?? []).map((x) => x.QuotaName ?? ''));
        token = page?.NextToken;
      } while (token);
      assert.equal(names.length, 4, names.join('\n'));
      await call(c, () => q.send(new s.ListServiceQuotasCommand({ ServiceCode: 'bedrock', NextToken: 'garbage' })), 'InvalidPaginationTokenException');
      await admin('POST', '/faults', { service: 'serviceQuotas', accessDenied: 'identity' });
      const denied = await q.send(new s.GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: 'L-1A69C08F' })).catch((e: unknown) => e as Error);
      assert.match(String((denied as Error).message), /servicequotas:GetServiceQuota/);
      await call(c, () => q.send(new s.ListServiceQuotasCommand({ ServiceCode: 'bedrock' })), 'AccessDeniedException');
      await admin('POST', '/faults', { service: 'serviceQuotas', accessDenied: 'off', throttleRate: 1 });
      await call(c, () => q.send(new s.ListServiceQuotasCommand({ ServiceCode: 'bedrock' })), 'TooManyRequestsException');
      await admin('POST', '/faults', { service: 'serviceQuotas', throttleRate: 0 });
    } finally {
      q.destroy();
      await admin('POST', '/seed', { serviceQuotas: [{ quotaCode: 'L-1A69C08F', value: null }, { quotaCode: 'L-4C584163', value: 5 }] });
    }
    assert.deepEqual(deviations(c.problems), [], 'every response conforms to the service model');
    assert.deepEqual(SERVICE_QUOTAS_OPERATIONS.filter((op) => !c.covered.has(op)), [], 'every emulated Service Quotas operation answered successfully at least once');
  });
});
