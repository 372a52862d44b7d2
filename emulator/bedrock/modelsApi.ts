// Custom models (Get, List, Delete) and provisioned throughput (Create, Get, List, Update, Delete).
import { json } from '../http';
import { resourceId } from '../ids';
import { paginate } from '../listing';
import { ACCOUNT_ID } from '../services';
import { foundationModelArn, foundationModelId, provisionedModelArn, TMME_CUSTOMIZABLE_ID } from './arns';
import { jsonBody, type Handler } from './context';
import { BedrockError, conflict, notFound, validation } from './errors';
import {
  checkPattern, checkTags, dateQuery, enumQuery, maxResults, optionalString, PROVISIONED_NAME, requiredString, requireObject, TOKEN,
} from './validate';
import { modelSummary, modelView, throughputSummary, throughputView } from './views';
import type { ThroughputRecord } from './types';

const MONTH_MS = 30 * 24 * 3600 * 1000;

export const getModel: Handler = async ({ state, params }) => {
  const m = state.findModel(params[0] ?? '');
  if (!m) throw notFound(`Could not find the custom model ${params[0]}.`);
  return json(200, modelView(m));
};

export const listModels: Handler = async ({ state, req }) => {
  const q = req.query;
  const max = maxResults(q);
  const after = dateQuery(q, 'creationTimeAfter');
  const before = dateQuery(q, 'creationTimeBefore');
  const nameContains = q.get('nameContains');
  const baseArn = q.get('baseModelArnEquals');
  const fmArn = q.get('foundationModelArnEquals');
  enumQuery(q, 'sortBy', ['CreationTime'] as const);
  const order = enumQuery(q, 'sortOrder', ['Ascending', 'Descending'] as const) ?? 'Descending';
  const owned = q.get('isOwned');
  if (owned !== null && owned !== 'true' && owned !== 'false') throw validation('isOwned must be true or false.');
  const items = [...state.models.values()]
    .filter((m) => (after === undefined || m.creationTime > after) && (before === undefined || m.creationTime < before))
    .filter((m) => (!nameContains || m.modelName.includes(nameContains)) && (!baseArn || m.baseModelArn === baseArn))
    .filter((m) => !fmArn || m.baseModelArn === fmArn)
    .sort((a, b) => (order === 'Ascending' ? a.creationTime - b.creationTime : b.creationTime - a.creationTime));
  const page = paginate(items, max, q.get('nextToken'), validation);
  return json(200, { modelSummaries: page.items.map((m) => modelSummary(m, ACCOUNT_ID)), nextToken: page.nextToken });
};

export const deleteModel: Handler = async ({ state, params }) => {
  const m = state.findModel(params[0] ?? '');
  if (!m) throw notFound(`Could not find the custom model ${params[0]}.`);
  const users = [...state.throughputs.values()].filter((t) => t.modelArn === m.modelArn || t.desiredModelArn === m.modelArn);
  if (users.length > 0) {
    throw conflict(`The custom model ${m.modelName} is in use by the provisioned throughput ${users.map((t) => t.provisionedModelName).join(', ')}. Delete the provisioned throughput first, then delete the model.`);
  }
  state.models.delete(m.modelArn);
  state.tags.delete(m.modelArn);
  return json(200, {});
};

/** A throughput can serve an Active custom model (by name or ARN); its foundation model is the model's base. */
function resolveModel(ctx: Parameters<Handler>[0], id: string): { modelArn: string; foundationModelArn: string } {
  const m = ctx.state.findModel(id);
  if (m) {
    if (m.modelStatus !== 'Active') throw validation(`The custom model ${m.modelName} is ${m.modelStatus}; only an Active model can be provisioned.`);
    return { modelArn: m.modelArn, foundationModelArn: m.baseModelArn };
  }
  const fm = foundationModelId(id);
  if (fm === TMME_CUSTOMIZABLE_ID) return { modelArn: foundationModelArn(fm), foundationModelArn: foundationModelArn(fm) };
  throw notFound(`Could not find the model ${id}. Give the name or ARN of an Active custom model.`);
}

export const createThroughput: Handler = async (ctx) => {
  const { state, req } = ctx;
  const body = requireObject(jsonBody(req));
  const name = checkPattern('provisionedModelName', requiredString(body, 'provisionedModelName'), PROVISIONED_NAME, 1, 63);
  const modelId = requiredString(body, 'modelId');
  const units = body['modelUnits'];
  if (units === undefined) throw validation("1 validation error detected: Value null at 'modelUnits' failed to satisfy constraint: Member must not be null");
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 1) {
    throw validation(`1 validation error detected: Value '${String(units)}' at 'modelUnits' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  const commitment = optionalString(body, 'commitmentDuration');
  if (commitment !== undefined && commitment !== 'OneMonth' && commitment !== 'SixMonths') {
    throw validation(`1 validation error detected: Value '${commitment}' at 'commitmentDuration' failed to satisfy constraint: Member must satisfy enum value set: [OneMonth, SixMonths]`);
  }
  const token = optionalString(body, 'clientRequestToken');
  if (token !== undefined) checkPattern('clientRequestToken', token, TOKEN, 1, 256);
  const tags = checkTags(body['tags'], 'tags');
  if (tags.length > 50) throw new BedrockError('TooManyTagsException', 'A resource can have at most 50 tags.');
  if (token !== undefined) {
    const existing = state.throughputTokens.get(token);
    if (existing) return json(201, { provisionedModelArn: existing });
  }
  if ([...state.throughputs.values()].some((t) => t.provisionedModelName === name)) {
    throw conflict(`A provisioned throughput named ${name} already exists. Choose a different name.`);
  }
  const model = resolveModel(ctx, modelId);
  const now = state.clock.now();
  const arn = provisionedModelArn(resourceId());
  const record: ThroughputRecord = {
    provisionedModelArn: arn,
    provisionedModelName: name,
    modelArn: model.modelArn,
    desiredModelArn: model.modelArn,
    foundationModelArn: model.foundationModelArn,
    modelUnits: units,
    desiredModelUnits: units,
    commitmentDuration: commitment as ThroughputRecord['commitmentDuration'],
    commitmentExpirationTime: commitment === undefined ? undefined : now + (commitment === 'OneMonth' ? 1 : 6) * MONTH_MS,
    clientRequestToken: token,
    creationTime: now,
    lastModifiedTime: now,
    status: 'Creating',
    failureMessage: undefined,
    readyAt: now + state.options.throughputDurationMs,
    frozen: false,
  };
  state.throughputs.set(arn, record);
  if (token !== undefined) state.throughputTokens.set(token, arn);
  if (tags.length > 0) state.tags.set(arn, tags);
  return json(201, { provisionedModelArn: arn });
};

function findThroughput(ctx: Parameters<Handler>[0]): ThroughputRecord {
  const t = ctx.state.findThroughput(ctx.params[0] ?? '');
  if (!t) throw notFound(`Could not find the provisioned throughput ${ctx.params[0]}.`);
  return t;
}

export const getThroughput: Handler = async (ctx) => json(200, throughputView(findThroughput(ctx)));

export const listThroughputs: Handler = async ({ state, req }) => {
  const q = req.query;
  const max = maxResults(q);
  const after = dateQuery(q, 'creationTimeAfter');
  const before = dateQuery(q, 'creationTimeBefore');
  const status = enumQuery(q, 'statusEquals', ['Creating', 'InService', 'Updating', 'Failed'] as const);
  const modelArn = q.get('modelArnEquals');
  const nameContains = q.get('nameContains');
  enumQuery(q, 'sortBy', ['CreationTime'] as const);
  const order = enumQuery(q, 'sortOrder', ['Ascending', 'Descending'] as const) ?? 'Descending';
  const items = [...state.throughputs.values()]
    .filter((t) => (after === undefined || t.creationTime > after) && (before === undefined || t.creationTime < before))
    .filter((t) => (!status || t.status === status) && (!modelArn || t.modelArn === modelArn))
    .filter((t) => !nameContains || t.provisionedModelName.includes(nameContains))
    .sort((a, b) => (order === 'Ascending' ? a.creationTime - b.creationTime : b.creationTime - a.creationTime));
  const page = paginate(items, max, q.get('nextToken'), validation);
  return json(200, { provisionedModelSummaries: page.items.map(throughputSummary), nextToken: page.nextToken });
};

export const updateThroughput: Handler = async (ctx) => {
  const t = findThroughput(ctx);
  const body = requireObject(jsonBody(ctx.req));
  const newName = optionalString(body, 'desiredProvisionedModelName');
  const newModel = optionalString(body, 'desiredModelId');
  if (t.status !== 'InService') throw validation(`The provisioned throughput ${t.provisionedModelName} is ${t.status}; only an InService throughput can be updated.`);
  const now = ctx.state.clock.now();
  if (newName !== undefined) {
    checkPattern('desiredProvisionedModelName', newName, PROVISIONED_NAME, 1, 63);
    t.provisionedModelName = newName;
  }
  if (newModel !== undefined) {
    const model = resolveModel(ctx, newModel);
    Object.assign(t, { desiredModelArn: model.modelArn, status: 'Updating', readyAt: now + ctx.state.options.throughputDurationMs });
  }
  t.lastModifiedTime = now;
  return json(200, {});
};

export const deleteThroughput: Handler = async (ctx) => {
  const t = findThroughput(ctx);
  ctx.state.throughputs.delete(t.provisionedModelArn);
  ctx.state.tags.delete(t.provisionedModelArn);
  return json(200, {});
};
