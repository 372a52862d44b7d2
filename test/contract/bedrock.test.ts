// Contract: every Bedrock control-plane wrapper method against the emulator, through the real SDK.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CreateModelCustomizationJobRequest } from '../../src/aws/index';
import { BASE_MODEL, collect, rejection, ROLE_ARN, sessionFor, useEmulator } from './support';


const fx = useEmulator({ resetEach: true });

function jobRequest(name: string, extra: Partial<CreateModelCustomizationJobRequest> = {}): CreateModelCustomizationJobRequest {
  return {
    jobName: name,
    customModelName: `${name}-model`,
    roleArn: ROLE_ARN,
    baseModelIdentifier: BASE_MODEL,
    customizationType: 'FINE_TUNING',
    hyperParameters: { epochCount: '2', batchSize: '256', learningRate: '0.00001' },
    trainingDataConfig: { s3Uri: 's3://bmc-data/manifests/training.jsonl' },
    validationDataConfig: { validators: [{ s3Uri: 's3://bmc-data/manifests/validation.jsonl' }] },
    outputDataConfig: { s3Uri: 's3://bmc-data/output/' },
    ...extra,
  };
}

describe('customization jobs', () => {
  test('create, get by ARN and by name, list and stop', async () => {
    const { jobArn } = await fx.aws.bedrock.createJob(jobRequest('contract-job'));
    assert.match(jobArn, /^arn:aws:bedrock:us-east-1:123456789012:model-customization-job\/amazon\.titan-embed-image-v1:0\/[a-z0-9]{12}$/);
    const byArn = await fx.aws.bedrock.getJob(jobArn);
    assert.equal(byArn.jobName, 'contract-job');
    assert.equal(byArn.status, 'InProgress');
    assert.equal(byArn.hyperParameters?.['batchSize'], '256');
    assert.ok(byArn.creationTime instanceof Date, 'timestamps are parsed into Dates by the SDK');
    const byName = await fx.aws.bedrock.getJob('contract-job');
    assert.equal(byName.jobArn, jobArn);
    const listed = await collect(fx.aws.bedrock.listJobs({ nameContains: 'contract' }));
    assert.deepEqual(listed.map((j) => j.jobArn), [jobArn]);
    await fx.aws.bedrock.stopJob(jobArn);
    assert.equal((await fx.aws.bedrock.getJob(jobArn)).status, 'Stopping');
    // The ARN travelled percent-encoded in the path label, as the SDK sends it.
    const paths = (await fx.admin.requests('bedrock')).map((r) => r.path);
    assert.ok(paths.some((p) => p.includes('%3A') || p.includes('arn%3Aaws')), `an encoded ARN path was sent: ${paths.join(' ')}`);
  });

  test('the same clientRequestToken creates one job; a reused name is a ConflictException', async () => {
    const token = 'contract-token-0001';
    const first = await fx.aws.bedrock.createJob(jobRequest('idem-job', { clientRequestToken: token }));
    const second = await fx.aws.bedrock.createJob(jobRequest('idem-job', { clientRequestToken: token }));
    assert.equal(second.jobArn, first.jobArn);
    assert.equal((await collect(fx.aws.bedrock.listJobs())).length, 1);
    const conflict = await rejection(() => fx.aws.bedrock.createJob(jobRequest('idem-job', { clientRequestToken: 'another-token-02' })));
    assert.equal(conflict.kind, 'conflict');
    assert.equal(conflict.details.code, 'ConflictException');
    assert.equal(conflict.details.iamAction, 'bedrock:CreateModelCustomizationJob');
    assert.match(conflict.message, /already exists/);
  });

  test('the SDK fills clientRequestToken when absent', async () => {
    await fx.aws.bedrock.createJob(jobRequest('auto-token'));
    const create = (await fx.admin.requests('bedrock')).find((r) => r.method === 'POST' && r.path === '/model-customization-jobs');
    const token = (create?.body as { clientRequestToken?: string } | undefined)?.clientRequestToken;
    assert.match(token ?? '', /^[0-9a-f-]{36}$/);
  });

  test('invalid input is a ValidationException naming the field', async () => {
    const badName = await rejection(() => fx.aws.bedrock.createJob(jobRequest('-bad name')));
    assert.equal(badName.kind, 'validation');
    assert.equal(badName.details.code, 'ValidationException');
    assert.match(badName.message, /jobName/);
    const badBatch = await rejection(() => fx.aws.bedrock.createJob(jobRequest('batch-job', { hyperParameters: { epochCount: '1', batchSize: '10', learningRate: '0.00001' } })));
    assert.equal(badBatch.kind, 'validation');
    assert.match(badBatch.message, /batchSize/);
    const stopTwice = await fx.aws.bedrock.createJob(jobRequest('stop-twice'));
    await fx.aws.bedrock.stopJob(stopTwice.jobArn);
    assert.equal((await rejection(() => fx.aws.bedrock.stopJob(stopTwice.jobArn))).kind, 'validation');
  });

  test('an unknown job is ResourceNotFoundException', async () => {
    const err = await rejection(() => fx.aws.bedrock.getJob('no-such-job'));
    assert.equal(err.kind, 'notFound');
    assert.equal(err.details.code, 'ResourceNotFoundException');
    assert.equal(err.details.httpStatus, 404);
    assert.match(err.message, /no-such-job was not found in us-east-1/);
    assert.equal((await rejection(() => fx.aws.bedrock.stopJob('no-such-job'))).kind, 'notFound');
  });

  test('pagination: one page with a token, and lazy iteration that fetches only what is consumed', async () => {
    await fx.admin.seed({ jobs: Array.from({ length: 25 }, (_, i) => ({ jobName: `seeded-${String(i).padStart(2, '0')}`, status: 'Completed' })) });
    const first = await fx.aws.bedrock.listJobsPage({ maxResults: 10 });
    assert.equal(first.items.length, 10);
    assert.ok(first.nextToken, 'a nextToken for "Load more"');
    const second = await fx.aws.bedrock.listJobsPage({ maxResults: 10 }, first.nextToken);
    assert.equal(second.items.length, 10);
    assert.equal(new Set([...first.items, ...second.items].map((j) => j.jobArn)).size, 20);
    await fx.admin.clearRequests();
    const all = await collect(fx.aws.bedrock.listJobs({ maxResults: 10 }));
    assert.equal(new Set(all.map((j) => j.jobArn)).size, 25);
    assert.equal((await fx.admin.requests('bedrock')).length, 3, 'three pages of 10');
    await fx.admin.clearRequests();
    const some: string[] = [];
    for await (const job of fx.aws.bedrock.listJobs({ maxResults: 10 })) {
      some.push(job.jobName ?? '');
      if (some.length === 5) break;
    }
    assert.equal((await fx.admin.requests('bedrock')).length, 1, 'stopping early fetches no further page');
    const filtered = await collect(fx.aws.bedrock.listJobs({ statusEquals: 'InProgress' }));
    assert.equal(filtered.length, 0);
  });
});

describe('custom models, provisioned throughput, tags, foundation models', () => {
  test('the lifecycle: list and get a model, provision it, conflict on delete while in use, clean up', async () => {
    const { modelArns } = await fx.admin.seed({ customModels: [{ modelName: 'contract-model' }] });
    const modelArn = modelArns[0] ?? '';
    const models = await collect(fx.aws.bedrock.listCustomModels());
    assert.deepEqual(models.map((m) => m.modelArn), [modelArn]);
    assert.equal((await fx.aws.bedrock.listCustomModelsPage({ nameContains: 'contract' })).items.length, 1);
    const model = await fx.aws.bedrock.getCustomModel(modelArn);
    assert.equal(model.modelName, 'contract-model');

    const token = 'pt-token-000001';
    const { provisionedModelArn } = await fx.aws.bedrock.createProvisionedThroughput({ modelId: modelArn, modelUnits: 1, provisionedModelName: 'contract-pt', clientRequestToken: token });
    assert.match(provisionedModelArn, /^arn:aws:bedrock:us-east-1:123456789012:provisioned-model\/[a-z0-9]{12}$/);
    const again = await fx.aws.bedrock.createProvisionedThroughput({ modelId: modelArn, modelUnits: 1, provisionedModelName: 'contract-pt', clientRequestToken: token });
    assert.equal(again.provisionedModelArn, provisionedModelArn, 'idempotent by clientRequestToken');
    assert.equal((await fx.aws.bedrock.getProvisionedThroughput(provisionedModelArn)).status, 'Creating');
    await fx.admin.advance(120_000);
    assert.equal((await fx.aws.bedrock.getProvisionedThroughput(provisionedModelArn)).status, 'InService');
    const listed = await collect(fx.aws.bedrock.listProvisionedThroughputs({ maxResults: 1 }));
    assert.deepEqual(listed.map((p) => p.provisionedModelArn), [provisionedModelArn]);
    assert.equal((await fx.aws.bedrock.listProvisionedThroughputsPage({ statusEquals: 'InService' })).items.length, 1);
    await fx.aws.bedrock.updateProvisionedThroughput(provisionedModelArn, { desiredProvisionedModelName: 'contract-pt-renamed' });
    assert.equal((await fx.aws.bedrock.getProvisionedThroughput(provisionedModelArn)).provisionedModelName, 'contract-pt-renamed');

    const inUse = await rejection(() => fx.aws.bedrock.deleteCustomModel(modelArn));
    assert.equal(inUse.kind, 'conflict');
    assert.equal(inUse.details.code, 'ConflictException');
    assert.equal(inUse.details.iamAction, 'bedrock:DeleteCustomModel');

    await fx.aws.bedrock.deleteProvisionedThroughput(provisionedModelArn);
    await fx.admin.advance(120_000);
    await fx.aws.bedrock.deleteCustomModel(modelArn);
    assert.equal((await rejection(() => fx.aws.bedrock.getCustomModel(modelArn))).kind, 'notFound');
    assert.equal((await rejection(() => fx.aws.bedrock.getProvisionedThroughput(provisionedModelArn))).kind, 'notFound');
    assert.equal((await rejection(() => fx.aws.bedrock.deleteProvisionedThroughput(provisionedModelArn))).kind, 'notFound');
  });

  test('tags: add, list, remove, and the 50-tag limit', async () => {
    const { modelArns } = await fx.admin.seed({ customModels: [{ modelName: 'tagged-model' }] });
    const arn = modelArns[0] ?? '';
    await fx.aws.bedrock.tagResource(arn, [{ key: 'project', value: 'asl' }, { key: 'owner', value: 'me' }]);
    assert.deepEqual((await fx.aws.bedrock.listTagsForResource(arn)).map((t) => t.key).sort(), ['owner', 'project']);
    await fx.aws.bedrock.untagResource(arn, ['owner']);
    assert.deepEqual((await fx.aws.bedrock.listTagsForResource(arn)).map((t) => t.key), ['project']);
    const tooMany = await rejection(() => fx.aws.bedrock.tagResource(arn, Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }))));
    assert.equal(tooMany.details.code, 'TooManyTagsException');
    assert.equal(tooMany.kind, 'quota');
  });

  test('GetFoundationModel finds TMME and reports an unknown model', async () => {
    const details = await fx.aws.bedrock.getFoundationModel(BASE_MODEL);
    assert.equal(details?.modelId, BASE_MODEL);
    assert.ok(details?.customizationsSupported?.includes('FINE_TUNING'), 'TMME supports fine-tuning');
    const unknown = await rejection(() => fx.aws.bedrock.getFoundationModel('amazon.no-such-model-v9'));
    assert.ok(['notFound', 'validation'].includes(unknown.kind), unknown.kind);
    assert.equal(unknown.details.iamAction, 'bedrock:GetFoundationModel');
  });
});

describe('faults the SDK retries, and those it reports', () => {
  test('throttling is retried, then reported as throttled with the attempt count', async () => {
    const quick = sessionFor(fx.emulator, { maxAttempts: 2 });
    try {
      await fx.admin.faults({ service: 'bedrock', throttleRate: 1 });
      const err = await rejection(() => quick.bedrock.listJobsPage());
      assert.equal(err.kind, 'throttled');
      assert.equal(err.details.code, 'ThrottlingException');
      assert.equal(err.details.httpStatus, 429);
      assert.match(err.message, /after 2 attempts/);
      assert.equal((await fx.admin.requests('bedrock')).length, 2, 'the SDK retried once');
    } finally {
      quick.dispose();
    }
  });

  test('a 500 is retried, then reported as an internal error', async () => {
    const quick = sessionFor(fx.emulator, { maxAttempts: 2 });
    try {
      await fx.admin.faults({ service: 'bedrock', errorRate: 1 });
      const err = await rejection(() => quick.bedrock.getFoundationModel(BASE_MODEL));
      assert.equal(err.kind, 'internal');
      assert.equal(err.details.code, 'InternalServerException');
      assert.equal(err.details.retryable, true);
      assert.equal((await fx.admin.requests('bedrock')).length, 2);
    } finally {
      quick.dispose();
    }
  });

  test('expired credentials are reported as such, without the keys', async () => {
    await fx.admin.faults({ service: 'bedrock', expiredCredentials: true });
    const err = await rejection(() => fx.aws.bedrock.listCustomModelsPage());
    assert.equal(err.kind, 'credentialsExpired');
    assert.ok(!err.message.includes('AKIAEMULATOREXAMPLE1') && !err.message.includes('emulator-secret-key-not-real'));
  });
});
