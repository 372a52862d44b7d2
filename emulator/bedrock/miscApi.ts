// Tags (TagResource, UntagResource, ListTagsForResource), GetFoundationModel and ListFoundationModels.
import { json } from '../http';
import { foundationModelArn } from './arns';
import { CATALOGUE, catalogueEntry, type CatalogueEntry } from './catalogue';
import { jsonBody, type Handler, type HandlerContext } from './context';
import { BedrockError, notFound, validation } from './errors';
import { checkTags, requiredString, requireObject } from './validate';

const MAX_TAGS = 50;

function resourceArn(ctx: HandlerContext): { arn: string; body: Record<string, unknown> } {
  const body = requireObject(jsonBody(ctx.req));
  const arn = requiredString(body, 'resourceARN');
  if (!/^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]+:\d{12}:.+$/.test(arn)) throw validation(`The resource ARN ${arn} is not a valid Bedrock ARN.`);
  if (!ctx.state.resourceExists(arn)) throw notFound(`Could not find the resource ${arn}.`);
  return { arn, body };
}

export const tagResource: Handler = async (ctx) => {
  const { arn, body } = resourceArn(ctx);
  const incoming = checkTags(body['tags'], 'tags');
  const merged = new Map((ctx.state.tags.get(arn) ?? []).map((t) => [t.key, t.value]));
  for (const t of incoming) merged.set(t.key, t.value);
  if (merged.size > MAX_TAGS) throw new BedrockError('TooManyTagsException', `A resource can have at most ${MAX_TAGS} tags; this request would leave ${merged.size}.`);
  ctx.state.tags.set(arn, [...merged].map(([key, value]) => ({ key, value })));
  return json(200, {});
};

export const untagResource: Handler = async (ctx) => {
  const { arn, body } = resourceArn(ctx);
  const keys = body['tagKeys'];
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) throw validation('tagKeys must be a list of strings.');
  ctx.state.tags.set(arn, (ctx.state.tags.get(arn) ?? []).filter((t) => !keys.includes(t.key)));
  return json(200, {});
};

export const listTags: Handler = async (ctx) => {
  const { arn } = resourceArn(ctx);
  return json(200, { tags: ctx.state.tags.get(arn) ?? [] });
};

const details = (e: CatalogueEntry): Record<string, unknown> => ({
  modelArn: foundationModelArn(e.modelId),
  modelId: e.modelId,
  modelName: e.modelName,
  providerName: e.providerName,
  inputModalities: e.inputModalities,
  outputModalities: ['EMBEDDING'],
  responseStreamingSupported: false,
  customizationsSupported: e.customizationsSupported,
  inferenceTypesSupported: e.inferenceTypesSupported,
  modelLifecycle: { status: 'ACTIVE' },
});

export const getFoundationModel: Handler = async ({ params, state }) => {
  const e = catalogueEntry(params[0] ?? '', state.notOffered);
  if (!e) throw validation('The provided model identifier is invalid.');
  return json(200, { modelDetails: details(e) });
};

/** ListFoundationModels with its filters (byProvider, byCustomizationType, byOutputModality, byInferenceType). */
export const listFoundationModels: Handler = async ({ state, req }) => {
  const q = (k: string): string | undefined => req.query.get(k) ?? undefined;
  const list = CATALOGUE.filter((e) => !state.notOffered.has(e.modelId))
    .filter((e) => !q('byProvider') || e.providerName.toLowerCase() === q('byProvider')?.toLowerCase())
    .filter((e) => !q('byCustomizationType') || e.customizationsSupported.includes(q('byCustomizationType') as string))
    .filter(() => !q('byOutputModality') || q('byOutputModality') === 'EMBEDDING')
    .filter((e) => !q('byInferenceType') || e.inferenceTypesSupported.includes(q('byInferenceType') as string));
  return json(200, { modelSummaries: list.map(details) });
};
