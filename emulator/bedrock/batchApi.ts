// Batch inference jobs: CreateModelInvocationJob, GetModelInvocationJob, ListModelInvocationJobs,
// StopModelInvocationJob (botocore bedrock 2023-04-20; docs/reference/bedrock-batch.md). Create reads the input
// JSONL files from the emulated S3 and refuses what AWS refuses up front.
import { json } from '../http';
import { resourceId } from '../ids';
import { paginate } from '../listing';
import { ACCOUNT_ID } from '../services';
import { batchJobArn } from './arns';
import { jsonlLines } from './batchOutput';
import { STOPPABLE } from './batchState';
import { jsonBody, type Handler } from './context';
import { BedrockError, conflict, notFound, validation } from './errors';
import { batchModel } from './invokeModels';
import { parseS3Uri } from './s3uri';
import type { BedrockState } from './state';
import type { BatchInputFile, BatchJobRecord, BatchJobStatus } from './types';
import {
  checkPattern, checkTags, dateQuery, enumQuery, maxResults, optionalString, requiredString, requireObject, ROLE_ARN,
} from './validate';

// Patterns of botocore's shapes ModelInvocationJobName, ModelInvocationIdempotencyToken and S3Uri.
const BATCH_JOB_NAME = /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/;
const BATCH_TOKEN = /^[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}$/;
const BATCH_S3_URI = /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:\/[-!_*'().a-z0-9A-Z]+(?:\/[-!_*'().a-z0-9A-Z]+)*)?\/?$/;
const STATUSES: readonly BatchJobStatus[] = ['Submitted', 'InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped', 'PartiallyCompleted', 'Expired', 'Validating', 'Scheduled'];

type Json = Record<string, unknown>;

function union(body: Json, field: string, member: string): Json {
  const v = body[field];
  if (v === undefined || v === null) throw validation(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  const o = requireObject(v);
  const keys = Object.keys(o);
  if (keys.length !== 1 || keys[0] !== member) throw validation(`${field} must set exactly one member: ${member}.`);
  const cfg = requireObject(o[member]);
  checkPattern(`${field}.${member}.s3Uri`, requiredString(cfg, 's3Uri'), BATCH_S3_URI, 1, 1024);
  return cfg;
}

function timeoutHours(body: Json): number {
  const v = body['timeoutDurationInHours'];
  if (v === undefined || v === null) return 24;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 24 || v > 168) {
    throw validation(`1 validation error detected: Value '${String(v)}' at 'timeoutDurationInHours' failed to satisfy constraint: Member must have value between 24 and 168`);
  }
  return v;
}

/** The JSONL files an input URI names: the object itself when it is one, else every `.jsonl` under the prefix. */
async function readInput(state: BedrockState, uri: string): Promise<BatchInputFile[]> {
  const loc = parseS3Uri(uri);
  if (!loc || !(await state.store.bucketExists(loc.bucket))) {
    throw validation(`Unable to access the input data at ${uri}. Check that the bucket exists and that the service role has s3:GetObject and s3:ListBucket permission on it.`);
  }
  const keys = loc.key.endsWith('.jsonl') && (await state.store.getObject(loc.bucket, loc.key)) !== undefined
    ? [loc.key]
    : (await state.store.listKeys(loc.bucket, loc.key)).filter((k) => k.endsWith('.jsonl'));
  const files: BatchInputFile[] = [];
  for (const key of keys) {
    const text = (await state.store.getObject(loc.bucket, key))?.toString('utf8') ?? '';
    files.push({ bucket: loc.bucket, key, records: jsonlLines(text).length });
  }
  if (files.length === 0) throw validation(`No .jsonl input files were found at ${uri}.`);
  return files;
}

export const createBatchJob: Handler = async ({ state, req }) => {
  const body = requireObject(jsonBody(req));
  const jobName = checkPattern('jobName', requiredString(body, 'jobName'), BATCH_JOB_NAME, 1, 63);
  const roleArn = checkPattern('roleArn', requiredString(body, 'roleArn'), ROLE_ARN, 0, 2048);
  const modelId = checkPattern('modelId', requiredString(body, 'modelId'), /^\S+$/, 1, 2048);
  const input = union(body, 'inputDataConfig', 's3InputDataConfig');
  const output = union(body, 'outputDataConfig', 's3OutputDataConfig');
  const format = optionalString(input, 's3InputFormat');
  if (format !== undefined && format !== 'JSONL') throw validation(`1 validation error detected: Value '${format}' at 'inputDataConfig.s3InputDataConfig.s3InputFormat' failed to satisfy constraint: Member must satisfy enum value set: [JSONL]`);
  const token = optionalString(body, 'clientRequestToken');
  if (token !== undefined) checkPattern('clientRequestToken', token, BATCH_TOKEN, 1, 256);
  const invocationType = optionalString(body, 'modelInvocationType');
  if (invocationType !== undefined && invocationType !== 'InvokeModel') {
    throw validation(`The model invocation type ${invocationType} is not supported for ${modelId}. Use InvokeModel.`);
  }
  const timeout = timeoutHours(body);
  const tags = checkTags(body['tags'], 'tags');
  if (tags.length > 50) throw new BedrockError('TooManyTagsException', 'A resource can have at most 50 tags.');

  if (token !== undefined) {
    const existing = state.batch.tokens.get(token);
    if (existing) return json(200, { jobArn: existing }); // same token, same job: the retry is idempotent
  }
  const model = batchModel(state, modelId);
  const roleAccount = /^arn:aws[^:]*:iam::(\d{12}):/.exec(roleArn)?.[1];
  if (roleAccount !== undefined && roleAccount !== ACCOUNT_ID) throw validation('Could not assume provided IAM role');
  if ([...state.batch.jobs.values()].some((j) => j.jobName === jobName)) {
    throw conflict(`A batch inference job named ${jobName} already exists. Choose a different job name.`);
  }
  const inputUri = requiredString(input, 's3Uri');
  const files = await readInput(state, inputUri);
  const total = files.reduce((n, f) => n + f.records, 0);
  const min = state.options.batchMinRecords;
  if (total < min) {
    throw validation(`The input at ${inputUri} has ${total} records; a batch inference job for ${modelId} needs at least ${min} records (quota "Minimum number of records per batch inference job").`);
  }
  const outputUri = requiredString(output, 's3Uri');
  const out = parseS3Uri(outputUri);
  if (!out || !(await state.store.bucketExists(out.bucket))) {
    throw validation(`Unable to write to the output location ${outputUri}. Check that the bucket exists and that the service role has s3:PutObject permission on it.`);
  }

  const now = state.clock.now();
  const id = resourceId();
  const job: BatchJobRecord = {
    jobArn: batchJobArn(id),
    jobId: id,
    jobName,
    modelId,
    clientRequestToken: token,
    roleArn,
    inputDataConfig: { s3InputDataConfig: input as BatchJobRecord['inputDataConfig']['s3InputDataConfig'] },
    outputDataConfig: { s3OutputDataConfig: output as BatchJobRecord['outputDataConfig']['s3OutputDataConfig'] },
    vpcConfig: body['vpcConfig'] as BatchJobRecord['vpcConfig'],
    timeoutDurationInHours: timeout,
    modelInvocationType: invocationType,
    inputFiles: files,
    totalRecordCount: total,
    submitTime: now,
    lastModifiedTime: now,
    endTime: undefined,
    status: 'Submitted',
    message: undefined,
    durationMs: state.options.batchDurationMs,
    stopRequestedAt: undefined,
    successRecordCount: undefined,
    errorRecordCount: undefined,
    processedAtEnd: undefined,
    frozen: false,
  };
  state.batch.submit(job, model);
  if (tags.length > 0) state.tags.set(job.jobArn, tags);
  return json(200, { jobArn: job.jobArn });
};

const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

/** GetModelInvocationJobResponse / ModelInvocationJobSummary (the same members). */
export function batchJobView(state: BedrockState, job: BatchJobRecord): object {
  const processed = job.processedAtEnd ?? state.batch.processedBy(job, state.clock.now());
  const view = {
    jobArn: job.jobArn,
    jobName: job.jobName,
    modelId: job.modelId,
    clientRequestToken: job.clientRequestToken,
    roleArn: job.roleArn,
    status: job.status,
    message: job.message,
    submitTime: iso(job.submitTime),
    lastModifiedTime: iso(job.lastModifiedTime),
    endTime: iso(job.endTime),
    inputDataConfig: job.inputDataConfig,
    outputDataConfig: job.outputDataConfig,
    vpcConfig: job.vpcConfig,
    timeoutDurationInHours: job.timeoutDurationInHours,
    jobExpirationTime: iso(state.batch.expirationTime(job)),
    modelInvocationType: job.modelInvocationType,
    totalRecordCount: job.totalRecordCount,
    processedRecordCount: processed,
    // Until the job ends the emulator has run no record, so it reports them all as succeeded so far.
    successRecordCount: job.successRecordCount ?? processed,
    errorRecordCount: job.errorRecordCount ?? 0,
  };
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined));
}

function findBatch(state: BedrockState, identifier: string): BatchJobRecord {
  const job = state.batch.find(identifier);
  if (!job) throw notFound(`Could not find the batch inference job ${identifier}.`);
  return job;
}

export const getBatchJob: Handler = async ({ state, params }) => json(200, batchJobView(state, findBatch(state, params[0] ?? '')));

export const listBatchJobs: Handler = async ({ state, req }) => {
  const q = req.query;
  const max = maxResults(q);
  const after = dateQuery(q, 'submitTimeAfter');
  const before = dateQuery(q, 'submitTimeBefore');
  const status = enumQuery(q, 'statusEquals', STATUSES);
  const nameContains = q.get('nameContains');
  enumQuery(q, 'sortBy', ['CreationTime'] as const);
  const order = enumQuery(q, 'sortOrder', ['Ascending', 'Descending'] as const) ?? 'Descending';
  const items = [...state.batch.jobs.values()]
    .filter((j) => (after === undefined || j.submitTime > after) && (before === undefined || j.submitTime < before))
    .filter((j) => (!status || j.status === status) && (!nameContains || j.jobName.includes(nameContains)))
    .sort((a, b) => (order === 'Ascending' ? a.submitTime - b.submitTime : b.submitTime - a.submitTime));
  const page = paginate(items, max, q.get('nextToken'), validation);
  return json(200, { invocationJobSummaries: page.items.map((j) => batchJobView(state, j)), nextToken: page.nextToken });
};

export const stopBatchJob: Handler = async ({ state, params }) => {
  const job = findBatch(state, params[0] ?? '');
  if (!STOPPABLE.includes(job.status)) {
    throw validation(`The batch inference job ${job.jobName} is ${job.status} and cannot be stopped.`);
  }
  const now = state.clock.now();
  Object.assign(job, { status: 'Stopping', stopRequestedAt: now, lastModifiedTime: now });
  return json(200, {});
};
