// Customization jobs: Create, Get, List, Stop.
import { json } from '../http';
import { resourceId } from '../ids';
import { ACCOUNT_ID } from '../services';
import { foundationModelArn, foundationModelId, jobArn, TMME_CUSTOMIZABLE_ID } from './arns';
import { jsonBody, type Handler } from './context';
import { BedrockError, conflict, notFound, validation } from './errors';
import { paginate } from '../listing';
import {
  checkHyperParameters, checkPattern, checkTags, dateQuery, enumQuery, JOB_NAME, maxResults, MODEL_NAME, optionalString,
  requiredString, requireObject, ROLE_ARN, s3Config, TOKEN, validatorsConfig,
} from './validate';
import { jobSummary, jobView } from './views';
import type { JobRecord } from './types';

export const createJob: Handler = async ({ state, req, jobDurationMs }) => {
  const body = requireObject(jsonBody(req));
  const jobName = checkPattern('jobName', requiredString(body, 'jobName'), JOB_NAME, 1, 63);
  const outputModelName = checkPattern('customModelName', requiredString(body, 'customModelName'), MODEL_NAME, 1, 63);
  const roleArn = checkPattern('roleArn', requiredString(body, 'roleArn'), ROLE_ARN, 0, 2048);
  const baseModelIdentifier = requiredString(body, 'baseModelIdentifier');
  const trainingDataConfig = s3Config(body, 'trainingDataConfig', true) as { s3Uri: string };
  const outputDataConfig = s3Config(body, 'outputDataConfig', true) as { s3Uri: string };
  const hyperParameters = checkHyperParameters(body['hyperParameters']);
  const validationDataConfig = validatorsConfig(body);
  const token = optionalString(body, 'clientRequestToken');
  if (token !== undefined) checkPattern('clientRequestToken', token, TOKEN, 1, 256);
  const customizationType = optionalString(body, 'customizationType') ?? 'FINE_TUNING';
  const jobTags = checkTags(body['jobTags'], 'jobTags');
  const customModelTags = checkTags(body['customModelTags'], 'customModelTags');
  if (jobTags.length > 50 || customModelTags.length > 50) throw new BedrockError('TooManyTagsException', 'A resource can have at most 50 tags.');

  if (token !== undefined) {
    const existing = state.jobTokens.get(token);
    if (existing) return json(201, { jobArn: existing }); // same token, same job: the retry is idempotent
  }
  const modelId = foundationModelId(baseModelIdentifier);
  if (!modelId) throw notFound(`The base model ${baseModelIdentifier} was not found. Use amazon.titan-embed-image-v1:0 or its ARN.`);
  if (modelId !== TMME_CUSTOMIZABLE_ID) {
    throw validation(`The base model ${baseModelIdentifier} does not support customization. Use ${TMME_CUSTOMIZABLE_ID}.`);
  }
  if (customizationType !== 'FINE_TUNING') {
    throw validation(`The customization type ${customizationType} is not supported for ${TMME_CUSTOMIZABLE_ID}. Use FINE_TUNING.`);
  }
  const roleAccount = /^arn:aws[^:]*:iam::(\d{12}):/.exec(roleArn)?.[1];
  if (roleAccount !== undefined && roleAccount !== ACCOUNT_ID) throw validation('Could not assume provided IAM role');
  if ([...state.jobs.values()].some((j) => j.jobName === jobName)) {
    throw conflict(`A model customization job named ${jobName} already exists. Choose a different job name.`);
  }
  const inUse = [...state.models.values()].some((m) => m.modelName === outputModelName)
    || [...state.jobs.values()].some((j) => j.outputModelName === outputModelName && (j.status === 'InProgress' || j.status === 'Stopping'));
  if (inUse) throw conflict(`A custom model named ${outputModelName} already exists or is being created. Choose a different custom model name.`);

  const running = [...state.jobs.values()].filter((j) => j.status === 'InProgress' || j.status === 'Stopping').length;
  if (running >= state.options.maxConcurrentJobs) {
    throw new BedrockError('ServiceQuotaExceededException', `You have reached the quota of ${state.options.maxConcurrentJobs} concurrent model customization jobs. Wait for a job to finish or stop one, or request a quota increase in Service Quotas.`);
  }
  const now = state.clock.now();
  const id = resourceId();
  const job: JobRecord = {
    jobArn: jobArn(id),
    jobId: id,
    jobName,
    outputModelName,
    outputModelArn: undefined,
    clientRequestToken: token,
    roleArn,
    baseModelArn: foundationModelArn(TMME_CUSTOMIZABLE_ID),
    customizationType,
    hyperParameters,
    trainingDataConfig,
    validationDataConfig,
    outputDataConfig,
    outputModelKmsKeyArn: optionalString(body, 'customModelKmsKeyId'),
    vpcConfig: body['vpcConfig'] as JobRecord['vpcConfig'],
    customModelTags,
    creationTime: now,
    lastModifiedTime: now,
    endTime: undefined,
    status: 'InProgress',
    failureMessage: undefined,
    durationMs: jobDurationMs,
    stopRequestedAt: undefined,
    frozen: false,
    trainingLoss: undefined,
    validationLoss: undefined,
  };
  state.startJob(job);
  if (token !== undefined) state.jobTokens.set(token, job.jobArn);
  if (jobTags.length > 0) state.tags.set(job.jobArn, jobTags);
  return json(201, { jobArn: job.jobArn });
};

export const getJob: Handler = async ({ state, params }) => {
  const job = state.findJob(params[0] ?? '');
  if (!job) throw notFound(`Could not find the model customization job ${params[0]}.`);
  return json(200, jobView(job, state.clock.now()));
};

export const listJobs: Handler = async ({ state, req }) => {
  const q = req.query;
  const max = maxResults(q);
  const after = dateQuery(q, 'creationTimeAfter');
  const before = dateQuery(q, 'creationTimeBefore');
  const status = enumQuery(q, 'statusEquals', ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'] as const);
  const nameContains = q.get('nameContains');
  enumQuery(q, 'sortBy', ['CreationTime'] as const);
  const order = enumQuery(q, 'sortOrder', ['Ascending', 'Descending'] as const) ?? 'Descending';
  const items = [...state.jobs.values()]
    .filter((j) => (after === undefined || j.creationTime > after) && (before === undefined || j.creationTime < before))
    .filter((j) => (!status || j.status === status) && (!nameContains || j.jobName.includes(nameContains)))
    .sort((a, b) => (order === 'Ascending' ? a.creationTime - b.creationTime : b.creationTime - a.creationTime));
  const page = paginate(items, max, q.get('nextToken'), validation);
  const now = state.clock.now();
  return json(200, { modelCustomizationJobSummaries: page.items.map((j) => jobSummary(j, now)), nextToken: page.nextToken });
};

export const stopJob: Handler = async ({ state, params }) => {
  const job = state.findJob(params[0] ?? '');
  if (!job) throw notFound(`Could not find the model customization job ${params[0]}.`);
  if (job.status !== 'InProgress') {
    throw validation(`The model customization job ${job.jobName} is ${job.status} and cannot be stopped. Only an InProgress job can be stopped.`);
  }
  const now = state.clock.now();
  Object.assign(job, { status: 'Stopping', stopRequestedAt: now, lastModifiedTime: now });
  return json(200, {});
};
