// The job-spec file (`*.bedrock-job.json`, schema in schemas/job-spec.schema.json): parsing with messages that
// name the field, and turning a spec into a CreateModelCustomizationJob request. The wizard saves the same shape.
import type { CreateJobRequest } from './types';
import { resourceTags } from './tags';
import {
  normalizeEpochCount, validateBatchSize, validateCustomModelName, validateEpochCount, validateJobName,
  validateLearningRate, validateRoleArn, validateS3ObjectUri, validateS3Uri, HYPERPARAMETER_LIMITS, type Check,
} from './validators';

export const TMME_BASE_MODEL = 'amazon.titan-embed-image-v1:0';

export interface JobSpec {
  jobName: string;
  customModelName: string;
  roleArn: string;
  baseModel: string;
  trainingData: string;
  validationData?: string;
  outputData: string;
  hyperParameters: { epochCount: string; batchSize: string; learningRate: string };
  tags: Record<string, string>;
  customModelKmsKeyId?: string;
  vpcConfig?: { subnetIds: string[]; securityGroupIds: string[] };
}

export interface SpecProblem { path: string; message: string }
export interface SpecParse { spec?: JobSpec; problems: SpecProblem[] }

const KNOWN_KEYS = new Set(['$schema', 'jobName', 'customModelName', 'roleArn', 'baseModel', 'trainingData', 'validationData',
  'outputData', 'hyperParameters', 'tags', 'customModelKmsKeyId', 'vpcConfig']);

function str(o: Record<string, unknown>, key: string, problems: SpecProblem[], check: Check | undefined, required: boolean): string | undefined {
  const v = o[key];
  if (v === undefined) {
    if (required) problems.push({ path: key, message: `"${key}" is required.` });
    return undefined;
  }
  if (typeof v !== 'string') { problems.push({ path: key, message: `"${key}" must be a string.` }); return undefined; }
  const msg = check?.(v);
  if (msg) problems.push({ path: key, message: msg });
  return v;
}

/** Numbers and strings both accepted for hyperparameters (Bedrock receives strings). */
function hyper(h: Record<string, unknown>, key: string, check: Check, fallback: string | undefined, problems: SpecProblem[]): string {
  const v = h[key];
  if (v === undefined) {
    if (fallback === undefined) problems.push({ path: `hyperParameters.${key}`, message: `"${key}" is required (a number, or "Auto").` });
    return fallback ?? '';
  }
  if (typeof v !== 'string' && typeof v !== 'number') {
    problems.push({ path: `hyperParameters.${key}`, message: `"${key}" must be a number.` });
    return '';
  }
  const s = String(v);
  const msg = check(s);
  if (msg) problems.push({ path: `hyperParameters.${key}`, message: msg });
  return s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses a spec file's text. Never throws: every problem is reported with the field it concerns. */
export function parseJobSpec(text: string): SpecParse {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) {
    return { problems: [{ path: '', message: `Not valid JSON: ${(e as Error).message}` }] };
  }
  if (!isRecord(doc)) return { problems: [{ path: '', message: 'A job spec is a JSON object.' }] };
  const problems: SpecProblem[] = [];
  for (const key of Object.keys(doc)) {
    if (!KNOWN_KEYS.has(key)) problems.push({ path: key, message: `Unknown field "${key}".` });
  }
  const jobName = str(doc, 'jobName', problems, validateJobName, true);
  const customModelName = str(doc, 'customModelName', problems, validateCustomModelName, true);
  const roleArn = str(doc, 'roleArn', problems, validateRoleArn, true);
  const baseModel = str(doc, 'baseModel', problems, undefined, false) ?? TMME_BASE_MODEL;
  const trainingData = str(doc, 'trainingData', problems, validateS3ObjectUri, true);
  const validationData = str(doc, 'validationData', problems, validateS3ObjectUri, false);
  const outputData = str(doc, 'outputData', problems, validateS3Uri, true);
  const customModelKmsKeyId = str(doc, 'customModelKmsKeyId', problems, undefined, false);
  const hp = doc['hyperParameters'];
  let hyperParameters: JobSpec['hyperParameters'] = { epochCount: '', batchSize: '', learningRate: '' };
  if (!isRecord(hp)) {
    problems.push({ path: 'hyperParameters', message: '"hyperParameters" is required: an object with epochCount (1-100 or "Auto"), batchSize, learningRate.' });
  } else {
    hyperParameters = {
      epochCount: hyper(hp, 'epochCount', validateEpochCount, undefined, problems),
      batchSize: hyper(hp, 'batchSize', validateBatchSize, String(HYPERPARAMETER_LIMITS.batchSize.default), problems),
      learningRate: hyper(hp, 'learningRate', validateLearningRate, String(HYPERPARAMETER_LIMITS.learningRate.default), problems),
    };
    for (const key of Object.keys(hp)) {
      if (!['epochCount', 'batchSize', 'learningRate'].includes(key)) problems.push({ path: `hyperParameters.${key}`, message: `Titan Multimodal Embeddings has no hyperparameter "${key}".` });
    }
  }
  const tags: Record<string, string> = {};
  const rawTags = doc['tags'];
  if (rawTags !== undefined) {
    if (!isRecord(rawTags)) problems.push({ path: 'tags', message: '"tags" is an object of string values.' });
    else for (const [k, v] of Object.entries(rawTags)) {
      if (typeof v !== 'string') problems.push({ path: `tags.${k}`, message: `Tag "${k}" must have a string value.` });
      else tags[k] = v;
    }
  }
  let vpcConfig: JobSpec['vpcConfig'];
  const vpc = doc['vpcConfig'];
  if (vpc !== undefined) {
    const ok = isRecord(vpc) && Array.isArray(vpc['subnetIds']) && Array.isArray(vpc['securityGroupIds'])
      && [...vpc['subnetIds'], ...vpc['securityGroupIds']].every((x) => typeof x === 'string');
    if (!ok) problems.push({ path: 'vpcConfig', message: '"vpcConfig" needs subnetIds and securityGroupIds, both lists of strings.' });
    else vpcConfig = { subnetIds: vpc['subnetIds'] as string[], securityGroupIds: vpc['securityGroupIds'] as string[] };
  }
  if (problems.length > 0 || jobName === undefined || customModelName === undefined || roleArn === undefined
    || trainingData === undefined || outputData === undefined) {
    return { problems };
  }
  const spec: JobSpec = { jobName, customModelName, roleArn, baseModel, trainingData, outputData, hyperParameters, tags };
  if (validationData !== undefined) spec.validationData = validationData;
  if (customModelKmsKeyId !== undefined) spec.customModelKmsKeyId = customModelKmsKeyId;
  if (vpcConfig !== undefined) spec.vpcConfig = vpcConfig;
  return { spec, problems };
}

/** The request without its token (the token is derived from this, see requestToken.ts). */
export function jobRequestFromSpec(spec: JobSpec, project: string): Omit<CreateJobRequest, 'clientRequestToken'> {
  const tags = resourceTags(project, spec.tags);
  const request: Omit<CreateJobRequest, 'clientRequestToken'> = {
    jobName: spec.jobName,
    customModelName: spec.customModelName,
    roleArn: spec.roleArn,
    baseModelIdentifier: spec.baseModel,
    customizationType: 'FINE_TUNING',
    hyperParameters: {
      epochCount: normalizeEpochCount(spec.hyperParameters.epochCount),
      batchSize: String(Number(spec.hyperParameters.batchSize)),
      learningRate: spec.hyperParameters.learningRate.trim(),
    },
    trainingDataConfig: { s3Uri: spec.trainingData },
    outputDataConfig: { s3Uri: spec.outputData },
    jobTags: tags,
    customModelTags: tags,
  };
  if (spec.validationData !== undefined) request.validationDataConfig = { validators: [{ s3Uri: spec.validationData }] };
  if (spec.customModelKmsKeyId !== undefined) request.customModelKmsKeyId = spec.customModelKmsKeyId;
  if (spec.vpcConfig !== undefined) request.vpcConfig = spec.vpcConfig;
  return request;
}

/** What the wizard saves: a spec file a user can edit and launch again. */
export function specToJson(spec: JobSpec): string {
  // No $schema: the extension maps *.bedrock-job.json to its schema through jsonValidation, offline.
  const doc: Record<string, unknown> = { ...spec };
  if (Object.keys(spec.tags).length === 0) delete doc['tags'];
  return `${JSON.stringify(doc, null, 2)}\n`;
}
