import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  CreateModelCustomizationJobCommand, CreateProvisionedModelThroughputCommand, DeleteCustomModelCommand,
  DeleteProvisionedModelThroughputCommand, GetCustomModelCommand, GetFoundationModelCommand, GetModelCustomizationJobCommand,
  GetProvisionedModelThroughputCommand, ListCustomModelsCommand, ListModelCustomizationJobsCommand,
  ListProvisionedModelThroughputsCommand, ListTagsForResourceCommand, StopModelCustomizationJobCommand, TagResourceCommand,
  UntagResourceCommand, UpdateProvisionedModelThroughputCommand, type CreateModelCustomizationJobCommandInput,
} from '@aws-sdk/client-bedrock';
import { jobInput, rejection, setUp, type Harness } from './harness';

describe('emulator Bedrock control plane: validation and errors', () => {
  let h: Harness;
  before(async () => { h = await setUp(); });
  after(async () => { await h.tearDown(); });
  beforeEach(async () => { await h.admin('POST', '/reset', { keepS3: true }); });

  it('creates a job with a 12-character id ARN and reads it back by name and by ARN', async () => {
    const { jobArn } = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('job-a')));
    assert.match(jobArn ?? '', /^arn:aws:bedrock:us-east-1:123456789012:model-customization-job\/amazon\.titan-embed-image-v1:0\/[a-z0-9]{12}$/);
    const byArn = await h.bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    const byName = await h.bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: 'job-a' }));
    assert.equal(byArn.jobArn, jobArn);
    assert.equal(byName.jobName, 'job-a');
    assert.equal(byArn.status, 'InProgress');
    assert.equal(byArn.outputModelName, 'job-a-model');
    assert.ok(byArn.creationTime instanceof Date);
    assert.equal(byArn.statusDetails?.validationDetails?.status, 'InProgress');
    assert.equal(byArn.statusDetails?.trainingDetails?.status, 'NotStarted');
    const [request] = ((await h.admin('GET', '/requests?service=bedrock'))['requests'] as { path: string }[]);
    assert.equal(request?.path, '/model-customization-jobs');
  });

  it('is idempotent on clientRequestToken', async () => {
    const a = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('job-t', { clientRequestToken: 'token-1' })));
    const b = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('job-t', { clientRequestToken: 'token-1' })));
    assert.equal(a.jobArn, b.jobArn);
    const list = await h.bedrock.send(new ListModelCustomizationJobsCommand({}));
    assert.equal(list.modelCustomizationJobSummaries?.length, 1);
  });

  const invalid: [string, Partial<CreateModelCustomizationJobCommandInput>, RegExp][] = [
    ['a bad job name', { jobName: '-bad' }, /jobName.*regular expression/],
    ['a bad model name', { customModelName: 'a__b' }, /customModelName/],
    ['a missing epochCount', { hyperParameters: { batchSize: '256' } }, /epochCount is required/],
    ['epochCount 0', { hyperParameters: { epochCount: '0' } }, /epochCount.*1 to 100/],
    ['epochCount 101', { hyperParameters: { epochCount: '101' } }, /epochCount/],
    ['batchSize 255', { hyperParameters: { epochCount: '1', batchSize: '255' } }, /batchSize.*256 to 9216/],
    ['batchSize 9217', { hyperParameters: { epochCount: '1', batchSize: '9217' } }, /batchSize/],
    ['learningRate 2', { hyperParameters: { epochCount: 'Auto', learningRate: '2' } }, /learningRate/],
    ['learningRate 1e-9', { hyperParameters: { epochCount: 'auto', learningRate: '1e-9' } }, /learningRate/],
    ['an unknown hyperparameter', { hyperParameters: { epochCount: '1', warmupSteps: '3' } }, /warmupSteps is not supported/],
    ['a bad S3 URI', { trainingDataConfig: { s3Uri: 'https://x/y' } }, /trainingDataConfig\.s3Uri/],
    ['a bad role ARN', { roleArn: 'role/x' }, /roleArn/],
    ['a role in another account', { roleArn: 'arn:aws:iam::999999999999:role/x' }, /Could not assume provided IAM role/],
    ['a non-customizable base model', { baseModelIdentifier: 'amazon.titan-embed-image-v1' }, /does not support customization/],
  ];
  for (const [what, over, message] of invalid) {
    it(`refuses ${what} with ValidationException (400, x-amzn-errortype)`, async () => {
      const err = await rejection(() => h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('job-v', over))));
      assert.equal(err.name, 'ValidationException');
      assert.equal(err.$metadata?.httpStatusCode, 400);
      assert.match(err.message, message);
    });
  }

  it('refuses a body that is not JSON and an unknown route, with the error type header', async () => {
    const res = await fetch(`${h.emulator.endpoints.bedrock}/model-customization-jobs`, { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('x-amzn-errortype'), 'ValidationException');
    assert.ok(res.headers.get('x-amzn-requestid'));
    assert.match(((await res.json()) as { message: string }).message, /JSON object/);
    const unknown = await fetch(`${h.emulator.endpoints.bedrock}/nope`);
    assert.equal(unknown.headers.get('x-amzn-errortype'), 'UnknownOperationException');
  });

  it('accepts the limits themselves', async () => {
    for (const [i, hp] of [{ epochCount: '1', batchSize: '256', learningRate: '5e-8' }, { epochCount: '100', batchSize: '9216', learningRate: '1' }].entries()) {
      const r = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput(`edge-${i}`, { hyperParameters: hp })));
      assert.ok(r.jobArn);
    }
  });

  it('refuses a duplicate job name with ConflictException and a missing job with ResourceNotFoundException', async () => {
    await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('dup')));
    const dup = await rejection(() => h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('dup', { customModelName: 'other' }))));
    assert.equal(dup.name, 'ConflictException');
    const missing = await rejection(() => h.bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: 'nope' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.$metadata?.httpStatusCode, 404);
  });

  it('validates maxResults and paginates with nextToken, sorted and filtered', async () => {
    for (let i = 0; i < 5; i++) {
      await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput(`page-${i}`)));
      await h.admin('POST', '/clock', { advanceMs: 1 });
    }
    const bad = await rejection(() => h.bedrock.send(new ListModelCustomizationJobsCommand({ maxResults: 1001 })));
    assert.equal(bad.name, 'ValidationException');
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await h.bedrock.send(new ListModelCustomizationJobsCommand({ maxResults: 2, nextToken, sortOrder: 'Ascending' }));
      seen.push(...(page.modelCustomizationJobSummaries ?? []).map((j) => j.jobName ?? ''));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(seen, ['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    const filtered = await h.bedrock.send(new ListModelCustomizationJobsCommand({ nameContains: 'page-3' }));
    assert.deepEqual(filtered.modelCustomizationJobSummaries?.map((j) => j.jobName), ['page-3']);
    const badToken = await rejection(() => h.bedrock.send(new ListModelCustomizationJobsCommand({ nextToken: 'garbage' })));
    assert.equal(badToken.name, 'ValidationException');
  });

  it('stops a job: Stopping, then Stopped after the stop duration', async () => {
    const { jobArn } = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('stop-me')));
    await h.bedrock.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    assert.equal((await h.bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }))).status, 'Stopping');
    await h.admin('POST', '/clock', { advanceMs: 5_000 });
    const stopped = await h.bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    assert.equal(stopped.status, 'Stopped');
    assert.ok(stopped.endTime);
    const again = await rejection(() => h.bedrock.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn })));
    assert.equal(again.name, 'ValidationException');
  });

  it('answers ServiceQuotaExceededException beyond the concurrent-job quota', async () => {
    for (let i = 0; i < 10; i++) await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput(`quota-${i}`)));
    const err = await rejection(() => h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('quota-10'))));
    assert.equal(err.name, 'ServiceQuotaExceededException');
    assert.match(err.message, /quota of 10 concurrent model customization jobs/);
  });

  it('describes the foundation model by id, :0 and ARN, and refuses others', async () => {
    for (const id of ['amazon.titan-embed-image-v1', 'amazon.titan-embed-image-v1:0', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-image-v1:0']) {
      const r = await h.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: id }));
      assert.deepEqual(r.modelDetails?.outputModalities, ['EMBEDDING']);
    }
    const fm = await h.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: 'amazon.titan-embed-image-v1:0' }));
    assert.deepEqual(fm.modelDetails?.customizationsSupported, ['FINE_TUNING']);
    const err = await rejection(() => h.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: 'anthropic.nope' })));
    assert.equal(err.name, 'ValidationException');
  });
});

describe('emulator Bedrock control plane: models, throughput and tags (seeded)', () => {
  let h: Harness;
  before(async () => { h = await setUp({ throughputDurationMs: 2_000 }); });
  after(async () => { await h.tearDown(); });

  it('provisions a throughput Creating -> InService and protects its model from deletion', async () => {
    const seeded = await h.admin('POST', '/seed', { customModels: [{ modelName: 'seeded-model' }] });
    const [modelArn] = seeded['modelArns'] as string[];
    assert.match(modelArn ?? '', /:custom-model\/amazon\.titan-embed-image-v1:0\/[a-z0-9]{12}$/);
    const got = await h.bedrock.send(new GetCustomModelCommand({ modelIdentifier: modelArn }));
    assert.equal(got.modelName, 'seeded-model');
    const models = await h.bedrock.send(new ListCustomModelsCommand({}));
    assert.equal(models.modelSummaries?.[0]?.ownerAccountId, '123456789012');

    const { provisionedModelArn } = await h.bedrock.send(new CreateProvisionedModelThroughputCommand({ modelId: modelArn, modelUnits: 1, provisionedModelName: 'pt-1', clientRequestToken: 'pt-token' }));
    assert.match(provisionedModelArn ?? '', /^arn:aws:bedrock:us-east-1:123456789012:provisioned-model\/[a-z0-9]{12}$/);
    const again = await h.bedrock.send(new CreateProvisionedModelThroughputCommand({ modelId: modelArn, modelUnits: 1, provisionedModelName: 'pt-1', clientRequestToken: 'pt-token' }));
    assert.equal(again.provisionedModelArn, provisionedModelArn);
    assert.equal((await h.bedrock.send(new GetProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn }))).status, 'Creating');
    await h.admin('POST', '/clock', { advanceMs: 2_000 });
    const ready = await h.bedrock.send(new GetProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn }));
    assert.equal(ready.status, 'InService');
    assert.equal(ready.modelArn, modelArn);
    const listed = await h.bedrock.send(new ListProvisionedModelThroughputsCommand({ statusEquals: 'InService' }));
    assert.equal(listed.provisionedModelSummaries?.length, 1);

    await h.bedrock.send(new UpdateProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn, desiredProvisionedModelName: 'pt-renamed' }));
    assert.equal((await h.bedrock.send(new GetProvisionedModelThroughputCommand({ provisionedModelId: 'pt-renamed' }))).provisionedModelArn, provisionedModelArn);
    const conflict = await rejection(() => h.bedrock.send(new DeleteCustomModelCommand({ modelIdentifier: modelArn })));
    assert.equal(conflict.name, 'ConflictException');
    assert.match(conflict.message, /Delete the provisioned throughput first/);
    await h.bedrock.send(new DeleteProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn }));
    await h.bedrock.send(new DeleteCustomModelCommand({ modelIdentifier: modelArn }));
    const gone = await rejection(() => h.bedrock.send(new GetCustomModelCommand({ modelIdentifier: modelArn })));
    assert.equal(gone.name, 'ResourceNotFoundException');
  });

  it('tags, lists and untags a resource, with at most 50 tags', async () => {
    const seeded = await h.admin('POST', '/seed', { customModels: [{ modelName: 'tagged' }] });
    const [arn] = seeded['modelArns'] as string[];
    await h.bedrock.send(new TagResourceCommand({ resourceARN: arn, tags: [{ key: 'project', value: 'demo' }, { key: 'owner', value: 'me' }] }));
    await h.bedrock.send(new UntagResourceCommand({ resourceARN: arn, tagKeys: ['owner'] }));
    const tags = await h.bedrock.send(new ListTagsForResourceCommand({ resourceARN: arn }));
    assert.deepEqual(tags.tags, [{ key: 'project', value: 'demo' }]);
    const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const err = await rejection(() => h.bedrock.send(new TagResourceCommand({ resourceARN: arn, tags: many })));
    assert.equal(err.name, 'TooManyTagsException');
    const missing = await rejection(() => h.bedrock.send(new ListTagsForResourceCommand({ resourceARN: `${arn}x` })));
    assert.equal(missing.name, 'ResourceNotFoundException');
  });
});
