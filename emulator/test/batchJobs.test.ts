// Batch inference (CreateModelInvocationJob, Get, List, Stop) through the real AWS SDK against the emulator: the
// status walk on the simulated clock, the output layout, the same vectors as InvokeModel, refusals, idempotence,
// partial failure, Stopped and Expired, tags and the request log.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  CreateModelInvocationJobCommand, GetModelInvocationJobCommand, ListModelInvocationJobsCommand, ListTagsForResourceCommand,
  StopModelInvocationJobCommand, type CreateModelInvocationJobCommandInput, type ListModelInvocationJobsCommandInput,
} from '@aws-sdk/client-bedrock';
import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { rejection, setUp, type Harness } from './harness';

const ROLE = 'arn:aws:iam::123456789012:role/BedrockBatchRole';
const BUCKET = 'bedrock-mm-demo';
const MIN = 5;

describe('emulator batch inference jobs', () => {
  let h: Harness;
  let imageKeys: string[] = [];
  let seq = 0;

  before(async () => {
    h = await setUp({ batchDurationMs: 10_000, batchMinRecords: MIN, stopDurationMs: 1_000 });
    const data = await h.emulator.uploadSampleData({ imagesPerClass: 3, testPerClass: 1, classes: 4 });
    const manifest = (await h.emulator.store.getObject(BUCKET, 'manifests/training.jsonl'))?.toString('utf8') ?? '';
    imageKeys = manifest.trim().split('\n').map((l) => (JSON.parse(l) as { 'image-ref': string })['image-ref'].replace(`s3://${BUCKET}/`, ''));
    assert.ok(data.counts.training >= 8);
  });
  after(async () => { await h.tearDown(); });
  beforeEach(async () => { await h.admin('POST', '/reset', { keepS3: true }); });

  const image = async (key: string): Promise<string> => ((await h.emulator.store.getObject(BUCKET, key)) ?? Buffer.alloc(0)).toString('base64');

  /** Writes `records` as one JSONL input file under a fresh prefix and returns the prefix URI. */
  async function input(records: { recordId: string; modelInput: object }[], file = 'part-0.jsonl'): Promise<string> {
    const prefix = `batch/in-${++seq}/`;
    await h.emulator.store.putObject(BUCKET, `${prefix}${file}`, records.map((r) => JSON.stringify(r)).join('\n') + '\n', 'application/jsonl');
    return `s3://${BUCKET}/${prefix}`;
  }

  async function imageRecords(n: number): Promise<{ recordId: string; modelInput: object }[]> {
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push({ recordId: `img${i}`, modelInput: { inputImage: await image(imageKeys[i] ?? ''), embeddingConfig: { outputEmbeddingLength: 256 } } });
    }
    return out;
  }

  const request = (name: string, inputUri: string, over: Partial<CreateModelInvocationJobCommandInput> = {}): CreateModelInvocationJobCommandInput => ({
    jobName: name,
    roleArn: ROLE,
    modelId: 'amazon.titan-embed-image-v1',
    inputDataConfig: { s3InputDataConfig: { s3Uri: inputUri } },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${BUCKET}/batch/out/` } },
    ...over,
  });
  const create = async (r: CreateModelInvocationJobCommandInput) => (await h.bedrock.send(new CreateModelInvocationJobCommand(r))).jobArn ?? '';
  const get = (jobIdentifier: string) => h.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier }));
  const advance = (ms: number) => h.admin('POST', '/clock', { advanceMs: ms });
  const text = async (key: string) => (await (await h.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body?.transformToString()) ?? '';

  it('walks Submitted, Validating, Scheduled, InProgress to Completed and writes AWS\'s output layout with InvokeModel\'s vectors', async () => {
    const records = await imageRecords(6);
    records.push({ recordId: 'txt0', modelInput: { inputText: 'The letter A in sign language', embeddingConfig: { outputEmbeddingLength: 256 } } });
    const jobArn = await create(request('walk', await input(records)));
    assert.match(jobArn, /^arn:aws:bedrock:us-east-1:123456789012:model-invocation-job\/[a-z0-9]{12}$/);
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const j = await get(jobArn);
      if (seen[seen.length - 1] !== j.status) seen.push(j.status ?? '');
      await advance(1_000);
    }
    assert.deepEqual(seen, ['Submitted', 'Validating', 'Scheduled', 'InProgress', 'Completed']);
    const jobId = jobArn.split('/').pop() ?? '';
    const done = await get(jobId);
    assert.equal(done.totalRecordCount, 7);
    assert.equal(done.processedRecordCount, 7);
    assert.equal(done.successRecordCount, 7);
    assert.equal(done.errorRecordCount, 0);
    assert.equal(done.endTime?.getTime(), (done.submitTime?.getTime() ?? 0) + 10_000);
    assert.equal(done.jobExpirationTime?.getTime(), (done.submitTime?.getTime() ?? 0) + 24 * 3_600_000);

    const listed = await h.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `batch/out/${jobId}/` }));
    assert.deepEqual((listed.Contents ?? []).map((c) => c.Key).sort(), [`batch/out/${jobId}/manifest.json.out`, `batch/out/${jobId}/part-0.jsonl.out`]);
    assert.deepEqual(JSON.parse(await text(`batch/out/${jobId}/manifest.json.out`)), {
      totalRecordCount: 7, processedRecordCount: 7, successRecordCount: 7, errorRecordCount: 0, inputTokenCount: 6, outputTokenCount: 0,
    });
    const lines = (await text(`batch/out/${jobId}/part-0.jsonl.out`)).trim().split('\n').map((l) => JSON.parse(l) as { recordId: string; modelInput: object; modelOutput: { embedding: number[] } });
    assert.deepEqual(lines.map((l) => l.recordId), records.map((r) => r.recordId));
    for (const [i, line] of lines.entries()) {
      assert.deepEqual(line.modelInput, records[i]?.modelInput);
      const onDemand = await h.runtime.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-image-v1', contentType: 'application/json', body: JSON.stringify(records[i]?.modelInput) }));
      assert.deepEqual(line.modelOutput, JSON.parse(Buffer.from(onDemand.body).toString('utf8')));
    }
  });

  it('gives jobs created after POST /options its duration, and /reset restores the one it started with', async () => {
    const uri = await input(await imageRecords(5));
    assert.deepEqual(await h.admin('POST', '/options', { batchDurationMs: 100_000 }), { previous: { batchDurationMs: 10_000 } });
    const slow = await create(request('slow', uri));
    await advance(50_000);
    assert.equal((await get(slow)).status, 'InProgress', 'a 100 s job is still running after 50 s');
    await h.admin('POST', '/reset', { keepS3: true });
    const fast = await create(request('fast', uri));
    await advance(50_000);
    assert.equal((await get(fast)).status, 'Completed', 'after /reset jobs take the start duration of 10 s again');
    await assert.rejects(h.admin('POST', '/options', { stopDurationMs: 5 }), /only jobDurationMs, batchDurationMs, throughputDurationMs can be changed/);
  });

  it('runs a custom model with the vectors its provisioned throughput gives on demand, and refuses the provisioned ARN', async () => {
    const seeded = await h.admin('POST', '/seed', {
      customModels: [{ modelName: 'ft', trainingDataConfig: { s3Uri: `s3://${BUCKET}/manifests/training.jsonl` } }],
      provisionedThroughputs: [{ provisionedModelName: 'ft-pt' }],
    }) as { modelArns: string[]; provisionedModelArns: string[] };
    const records = await imageRecords(5);
    const uri = await input(records);
    const refused = await rejection(() => create(request('via-pt', uri, { modelId: seeded.provisionedModelArns[0] })));
    assert.equal(refused.name, 'ValidationException');
    assert.match(refused.message, /provisioned models/);
    const jobArn = await create(request('custom', uri, { modelId: seeded.modelArns[0] }));
    await advance(10_000);
    assert.equal((await get(jobArn)).status, 'Completed');
    const out = (await text(`batch/out/${jobArn.split('/').pop()}/part-0.jsonl.out`)).trim().split('\n').map((l) => JSON.parse(l) as { modelOutput: object });
    for (const [i, line] of out.entries()) {
      const r = await h.runtime.send(new InvokeModelCommand({ modelId: seeded.provisionedModelArns[0], body: JSON.stringify(records[i]?.modelInput) }));
      assert.deepEqual(line.modelOutput, JSON.parse(Buffer.from(r.body).toString('utf8')));
    }
    const base = await h.runtime.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-image-v1', body: JSON.stringify(records[0]?.modelInput) }));
    assert.notDeepEqual(out[0]?.modelOutput, JSON.parse(Buffer.from(base.body).toString('utf8')), 'the custom model is not the base model');
  });

  it('fails the records it cannot decode and ends PartiallyCompleted', async () => {
    const records = await imageRecords(5);
    records.push({ recordId: 'bad0', modelInput: { inputImage: Buffer.from('not an image at all').toString('base64') } });
    const jobArn = await create(request('partial', await input(records)));
    await advance(10_000);
    const j = await get(jobArn);
    assert.equal(j.status, 'PartiallyCompleted');
    assert.deepEqual([j.successRecordCount, j.errorRecordCount, j.processedRecordCount], [5, 1, 6]);
    const lines = (await text(`batch/out/${jobArn.split('/').pop()}/part-0.jsonl.out`)).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const bad = lines.find((l) => l['recordId'] === 'bad0');
    assert.deepEqual(Object.keys(bad ?? {}).sort(), ['error', 'modelInput', 'recordId']);
    assert.deepEqual(bad?.['error'], { errorCode: 400, errorMessage: 'Unable to process the provided image: use a PNG or JPEG image.' });
  });

  it('refuses fewer records than the minimum, with both numbers', async () => {
    const err = await rejection(() => create(request('few', undefined as unknown as string)));
    assert.equal(err.name, 'ValidationException');
    const uri = await input((await imageRecords(MIN - 1)));
    const few = await rejection(() => create(request('few', uri)));
    assert.equal(few.name, 'ValidationException');
    assert.equal(few.$metadata?.httpStatusCode, 400);
    assert.match(few.message, new RegExp(`has ${MIN - 1} records.*at least ${MIN} records`));
  });

  it('answers the same job for the same clientRequestToken', async () => {
    const uri = await input(await imageRecords(5));
    const first = await create(request('token', uri, { clientRequestToken: 'fingerprint-1' }));
    const second = await create(request('token', uri, { clientRequestToken: 'fingerprint-1' }));
    assert.equal(second, first);
    const conflict = await rejection(() => create(request('token', uri, { clientRequestToken: 'fingerprint-2' })));
    assert.equal(conflict.name, 'ConflictException');
    const listed = await h.bedrock.send(new ListModelInvocationJobsCommand({}));
    assert.deepEqual(listed.invocationJobSummaries?.map((j) => j.jobArn), [first]);
    assert.equal(listed.invocationJobSummaries?.[0]?.clientRequestToken, 'fingerprint-1');
  });

  it('runs Nova Multimodal Embeddings records (Nova\'s InvokeModel bodies) and answers Nova\'s response shape, as InvokeModel does; refuses Cohere Embed v4 and a model not offered', async () => {
    const NOVA = 'amazon.nova-2-multimodal-embeddings-v1:0';
    const records: { recordId: string; modelInput: object }[] = [];
    for (let i = 0; i < MIN; i++) {
      records.push({ recordId: `img${i}`, modelInput: { schemaVersion: 'nova-multimodal-embed-v1', taskType: 'SINGLE_EMBEDDING', singleEmbeddingParams: { embeddingPurpose: 'GENERIC_INDEX', embeddingDimension: 256, image: { format: 'png', detailLevel: 'STANDARD_IMAGE', source: { bytes: await image(imageKeys[i] ?? '') } } } } });
    }
    records.push({ recordId: 'txt0', modelInput: { schemaVersion: 'nova-multimodal-embed-v1', taskType: 'SINGLE_EMBEDDING', singleEmbeddingParams: { embeddingPurpose: 'IMAGE_RETRIEVAL', embeddingDimension: 256, text: { truncationMode: 'END', value: 'letter A' } } } });
    records.push({ recordId: 'bad0', modelInput: { schemaVersion: 'nova-multimodal-embed-v1', taskType: 'SINGLE_EMBEDDING', singleEmbeddingParams: { embeddingPurpose: 'IMAGE_RETRIEVAL', embeddingDimension: 256, text: { value: 'no truncation mode' } } } });
    const jobArn = await create(request('nova', await input(records), { modelId: NOVA }));
    let done = await get(jobArn);
    for (let i = 0; i < 30 && done.status !== 'PartiallyCompleted'; i++) { await advance(1_000); done = await get(jobArn); }
    assert.equal(done.status, 'PartiallyCompleted', done.message);
    assert.equal(done.successRecordCount, MIN + 1);
    const jobId = jobArn.split('/').pop() ?? '';
    const lines = (await text(`batch/out/${jobId}/part-0.jsonl.out`)).trim().split('\n').map((l) => JSON.parse(l) as { recordId: string; modelOutput?: { embeddings: { embeddingType: string; embedding: number[] }[] }; error?: { errorCode: number; errorMessage: string } });
    const direct = await h.runtime.send(new InvokeModelCommand({ modelId: NOVA, contentType: 'application/json', body: JSON.stringify(records[0]?.modelInput) }));
    const expected = JSON.parse(new TextDecoder().decode(direct.body)) as { embeddings: { embedding: number[] }[] };
    assert.deepEqual(lines[0]?.modelOutput?.embeddings[0]?.embedding, expected.embeddings[0]?.embedding, 'the same vector as InvokeModel');
    assert.equal(lines[0]?.modelOutput?.embeddings[0]?.embeddingType, 'IMAGE');
    assert.equal(lines.find((l) => l.recordId === 'txt0')?.modelOutput?.embeddings[0]?.embeddingType, 'TEXT');
    assert.match(lines.find((l) => l.recordId === 'bad0')?.error?.errorMessage ?? '', /required key \[truncationMode\] not found/);

    const cohere = await rejection(() => create(request('cohere', `s3://${BUCKET}/batch/in-${seq}/`, { modelId: 'cohere.embed-v4:0' })));
    assert.equal(cohere.name, 'ValidationException');
    assert.match(cohere.message, /Batch inference isn't supported for the model cohere\.embed-v4:0/);
    await h.admin('POST', '/seed', { notOffered: [NOVA] });
    const notOffered = await rejection(() => create(request('nova2', `s3://${BUCKET}/batch/in-${seq}/`, { modelId: NOVA })));
    assert.equal(notOffered.name, 'ValidationException');
  });
  it('lists with filters, sort and paging', async () => {
    const uri = await input(await imageRecords(5));
    const arns: string[] = [];
    for (const name of ['list-a', 'list-b', 'other-c']) {
      arns.push(await create(request(name, uri)));
      await advance(100);
    }
    await h.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: arns[2] }));
    const names = async (q: ListModelInvocationJobsCommandInput) =>
      ((await h.bedrock.send(new ListModelInvocationJobsCommand(q))).invocationJobSummaries ?? []).map((j) => j.jobName);
    assert.deepEqual(await names({}), ['other-c', 'list-b', 'list-a']);
    assert.deepEqual(await names({ sortOrder: 'Ascending', nameContains: 'list' }), ['list-a', 'list-b']);
    assert.deepEqual(await names({ statusEquals: 'Stopping' }), ['other-c']);
    const b = await get(arns[1] ?? '');
    assert.deepEqual(await names({ submitTimeAfter: b.submitTime, sortOrder: 'Ascending' }), ['other-c']);
    assert.deepEqual(await names({ submitTimeBefore: b.submitTime }), ['list-a']);
    const page1 = await h.bedrock.send(new ListModelInvocationJobsCommand({ maxResults: 2 }));
    assert.equal(page1.invocationJobSummaries?.length, 2);
    assert.ok(page1.nextToken);
    const page2 = await h.bedrock.send(new ListModelInvocationJobsCommand({ maxResults: 2, nextToken: page1.nextToken }));
    assert.deepEqual(page2.invocationJobSummaries?.map((j) => j.jobName), ['list-a']);
    assert.equal(page2.nextToken, undefined);
  });

  it('stops: Stopping, then Stopped with the records processed before the stop', async () => {
    const jobArn = await create(request('stop', await input(await imageRecords(8))));
    await advance(6_500); // InProgress, (0.65 - 0.3) / 0.7 = half the records processed
    assert.equal((await get(jobArn)).status, 'InProgress');
    await h.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn }));
    assert.equal((await get(jobArn)).status, 'Stopping');
    await advance(1_000);
    const j = await get(jobArn);
    assert.equal(j.status, 'Stopped');
    assert.equal(j.processedRecordCount, 4);
    const again = await rejection(() => h.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn })));
    assert.equal(again.name, 'ValidationException');
    const manifest = JSON.parse(await text(`batch/out/${jobArn.split('/').pop()}/manifest.json.out`)) as { processedRecordCount: number };
    assert.equal(manifest.processedRecordCount, 4);
  });

  it('expires after timeoutDurationInHours on the simulated clock', async () => {
    await h.tearDown();
    h = await setUp({ batchDurationMs: 48 * 3_600_000, batchMinRecords: MIN });
    await h.emulator.uploadSampleData({ imagesPerClass: 3, testPerClass: 1, classes: 4 });
    const jobArn = await create(request('expire', await input(await imageRecords(5)), { timeoutDurationInHours: 24 }));
    await advance(24 * 3_600_000 - 1);
    assert.equal((await get(jobArn)).status, 'InProgress');
    await advance(1);
    const j = await get(jobArn);
    assert.equal(j.status, 'Expired');
    assert.equal(j.endTime?.getTime(), j.jobExpirationTime?.getTime());
    const bad = await rejection(() => create(request('bad-timeout', 's3://bedrock-mm-demo/batch/', { timeoutDurationInHours: 12 })));
    assert.equal(bad.name, 'ValidationException');
  });

  it('keeps seeded jobs in the status they were given', async () => {
    const seeded = await h.admin('POST', '/seed', { batchJobs: [{ jobName: 'seed-p', status: 'PartiallyCompleted', totalRecordCount: 10, errorRecordCount: 3 }, { jobName: 'seed-s', status: 'Scheduled' }] }) as { batchJobArns: string[] };
    await advance(100_000);
    const [p, sch] = await Promise.all(seeded.batchJobArns.map((arn) => get(arn)));
    assert.deepEqual([p?.status, p?.totalRecordCount, p?.successRecordCount, p?.errorRecordCount, p?.processedRecordCount], ['PartiallyCompleted', 10, 7, 3, 10]);
    assert.equal(sch?.status, 'Scheduled');
  });

  it('tags the job, logs the operations and honours fault injection', async () => {
    const jobArn = await create(request('tagged', await input(await imageRecords(5)), { tags: [{ key: 'created-by', value: 'bedrock-mm-customizer' }] }));
    const tags = await h.bedrock.send(new ListTagsForResourceCommand({ resourceARN: jobArn }));
    assert.deepEqual(tags.tags, [{ key: 'created-by', value: 'bedrock-mm-customizer' }]);
    await get(jobArn);
    const log = (await h.admin('GET', '/requests?service=bedrock')) as { requests: { operation: string }[] };
    assert.deepEqual(log.requests.map((r) => r.operation), ['CreateModelInvocationJob', 'ListTagsForResource', 'GetModelInvocationJob']);
    await h.admin('POST', '/faults', { service: 'bedrock', throttleRate: 1 });
    const throttled = await rejection(() => get(jobArn));
    assert.equal(throttled.name, 'ThrottlingException');
    const notFound = await (async () => { await h.admin('POST', '/faults', { service: 'bedrock', throttleRate: 0 }); return rejection(() => get('abcdefabcdef')); })();
    assert.equal(notFound.name, 'ResourceNotFoundException');
  });
});
