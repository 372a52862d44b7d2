import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateModelCustomizationJobCommand, CreateProvisionedModelThroughputCommand, GetCustomModelCommand, GetModelCustomizationJobCommand,
} from '@aws-sdk/client-bedrock';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { jobInput, setUp, type Harness } from './harness';

describe('emulator customization job lifecycle (simulated time, S3 data)', () => {
  let h: Harness;
  before(async () => {
    h = await setUp({ jobDurationMs: 10_000, minTrainingRecords: 10 });
    await h.emulator.uploadSampleData({ imagesPerClass: 3, testPerClass: 1, classes: 4 });
  });
  after(async () => { await h.tearDown(); });

  const get = async (arn: string | undefined) => h.bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: arn }));

  it('moves through validation, data processing and training to Completed, then writes metrics and the model', async () => {
    const { jobArn } = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('life', { customModelTags: [{ key: 'k', value: 'v' }] })));
    const steps = async () => {
      const j = await get(jobArn);
      const d = j.statusDetails;
      return [j.status, d?.validationDetails?.status, d?.dataProcessingDetails?.status, d?.trainingDetails?.status];
    };
    assert.deepEqual(await steps(), ['InProgress', 'InProgress', 'NotStarted', 'NotStarted']);
    await h.admin('POST', '/clock', { advanceMs: 1_500 });
    assert.deepEqual(await steps(), ['InProgress', 'Completed', 'InProgress', 'NotStarted']);
    await h.admin('POST', '/clock', { advanceMs: 2_000 });
    assert.deepEqual(await steps(), ['InProgress', 'Completed', 'Completed', 'InProgress']);
    await h.admin('POST', '/clock', { advanceMs: 7_000 });
    assert.deepEqual(await steps(), ['Completed', 'Completed', 'Completed', 'Completed']);

    const job = await get(jobArn);
    assert.ok(job.outputModelArn);
    assert.ok(job.endTime && job.creationTime && job.endTime.getTime() - job.creationTime.getTime() === 10_000);
    assert.ok((job.trainingMetrics?.trainingLoss ?? 0) > 0);
    const model = await h.bedrock.send(new GetCustomModelCommand({ modelIdentifier: job.outputModelArn }));
    assert.equal(model.modelName, 'life-model');
    assert.equal(model.jobArn, jobArn);

    const jobId = jobArn?.split('/').pop();
    const listed = await h.s3.send(new ListObjectsV2Command({ Bucket: 'bedrock-mm-demo', Prefix: `output/model-customization-job-${jobId}/` }));
    const keys = (listed.Contents ?? []).map((c) => c.Key).sort();
    assert.deepEqual(keys, [
      `output/model-customization-job-${jobId}/training_artifacts/step_wise_training_metrics.csv`,
      `output/model-customization-job-${jobId}/validation_artifacts/post_fine_tuning_validation/validation_metrics.csv`,
    ]);
    const csv = await (await h.s3.send(new GetObjectCommand({ Bucket: 'bedrock-mm-demo', Key: keys[0] }))).Body?.transformToString();
    const [header, first] = (csv ?? '').split('\n');
    assert.equal(header, 'step_number,epoch_number,training_loss,perplexity');
    assert.match(first ?? '', /^1,0,\d+\.\d+,\d+\.\d+$/);
    const vcsv = await (await h.s3.send(new GetObjectCommand({ Bucket: 'bedrock-mm-demo', Key: keys[1] }))).Body?.transformToString();
    assert.equal(vcsv?.split('\n')[0], 'step_number,epoch_number,validation_loss,perplexity');
  });

  const failures: [string, Parameters<typeof jobInput>[1], RegExp][] = [
    ['a missing training manifest', { trainingDataConfig: { s3Uri: 's3://bedrock-mm-demo/manifests/nope.jsonl' } }, /Unable to access the training data at s3:\/\/bedrock-mm-demo\/manifests\/nope\.jsonl/],
    ['a missing output bucket', { outputDataConfig: { s3Uri: 's3://no-such-bucket/out/' } }, /Unable to write to the output location/],
  ];
  for (const [what, over, message] of failures) {
    it(`fails with a Bedrock-style failureMessage on ${what}`, async () => {
      const { jobArn } = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput(`fail-${what.length}`, over)));
      await h.admin('POST', '/clock', { advanceMs: 1_000 });
      const job = await get(jobArn);
      assert.equal(job.status, 'Failed');
      assert.match(job.failureMessage ?? '', message);
      assert.equal(job.statusDetails?.validationDetails?.status, 'Failed');
      assert.equal(job.outputModelArn, undefined);
    });
  }

  it('fails on an image that is missing, and on too few records under the real limit', async () => {
    await h.emulator.store.putObject('bedrock-mm-demo', 'manifests/broken.jsonl',
      Array.from({ length: 12 }, (_, i) => JSON.stringify({ 'image-ref': i === 7 ? 's3://bedrock-mm-demo/images/missing.png' : 's3://bedrock-mm-demo/images/A/A1.png', caption: 'c' })).join('\n'), 'application/jsonl');
    const { jobArn } = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('broken', { trainingDataConfig: { s3Uri: 's3://bedrock-mm-demo/manifests/broken.jsonl' } })));
    await h.admin('POST', '/clock', { advanceMs: 1_000 });
    const job = await get(jobArn);
    assert.equal(job.status, 'Failed');
    assert.match(job.failureMessage ?? '', /images\/missing\.png \(line 8 of/);
  });
});

describe('emulator job data rules at the real minimum of 1,000 training records', () => {
  let h: Harness;
  before(async () => {
    h = await setUp({ jobDurationMs: 10_000, minTrainingRecords: 1_000 });
    await h.emulator.uploadSampleData({ imagesPerClass: 2, testPerClass: 0, classes: 3 });
  });
  after(async () => { await h.tearDown(); });

  it('fails a job whose training data has fewer than 1,000 records', async () => {
    const { jobArn } = await h.bedrock.send(new CreateModelCustomizationJobCommand(jobInput('small')));
    await h.admin('POST', '/clock', { advanceMs: 1_000 });
    const job = await h.bedrock.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    assert.equal(job.status, 'Failed');
    assert.match(job.failureMessage ?? '', /has 12 records; it must have from 1000 to 500000 records/);
  });

  it('refuses to provision an unknown model', async () => {
    await assert.rejects(h.bedrock.send(new CreateProvisionedModelThroughputCommand({ modelId: 'nope', modelUnits: 1, provisionedModelName: 'x' })), { name: 'ResourceNotFoundException' });
  });
});
