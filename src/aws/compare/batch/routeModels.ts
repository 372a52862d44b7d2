// Before anything is embedded: each model's route (core/eval/batch/route.ts), the batch role and prefix (spec, then
// the caller's overrides, then asked for), the batch limits (the account's applied quotas over the settings), and one
// confirmation stating per model route, records, cost and why, and where each limit came from.
import { parseS3Uri } from '../../../core/awsRules/s3Uri';
import { DEFAULT_BATCH_LIMITS, DEFAULT_BATCH_THRESHOLD, type BatchLimits } from '../../../core/eval/batch/limits';
import { resolveBatchLimits } from '../../../core/eval/batch/quotas';
import { chooseRoute, type Route } from '../../../core/eval/batch/route';
import { needsBatch, routePlanNotice, type ModelRoute, type RoutePlanFacts } from '../../../core/eval/batch/routePlan';
import type { EmbeddingCache } from '../../../core/eval/embeddingCache';
import type { ModelFamily } from '../../../core/eval/families/types';
import { NO_PRICES } from '../../../core/eval/prices';
import type { CompareSpec, ModelById } from '../../../core/eval/spec';
import { BatchDeclined, SpecError } from '../errors';
import type { CompareOptions } from '../options';
import { accountBatchQuotas } from './accountLimits';

export interface RoutedModel {
  route: Route;
  why: string;
}

export interface RouteDecision {
  routes: ModelRoute[];
  batch?: { roleArn: string; s3Uri: string } | undefined;
  /** The limits the batch jobs must meet (set when a batch job is planned). */
  limits?: BatchLimits | undefined;
}

/** `s3://b/data/test.jsonl` -> `s3://b/data/bedrock-mm-batch/`: the default working prefix, next to the manifests. */
export function defaultBatchPrefix(manifest: string): string | undefined {
  const l = parseS3Uri(manifest);
  if (!l) return undefined;
  const dir = l.key.includes('/') ? l.key.slice(0, l.key.lastIndexOf('/') + 1) : '';
  return `s3://${l.bucket}/${dir}bedrock-mm-batch/`;
}

/** One model's cache and the keys it would embed. */
export interface ModelKeys {
  model: ModelById;
  family: ModelFamily;
  cache: EmbeddingCache;
  imageKeys: readonly string[];
  textKeys: readonly string[];
}

export async function routeModels(spec: CompareSpec, specPath: string, o: CompareOptions, models: readonly ModelKeys[]): Promise<RouteDecision> {
  const routes: ModelRoute[] = models.map(({ model: m, family, cache, imageKeys, textKeys }) => {
    const images = new Set(imageKeys.filter((k) => !cache.has(k))).size;
    const records = images + new Set(textKeys.filter((k) => !cache.has(k))).size;
    const choice = chooseRoute({ modelId: m.modelId, family, requested: o.inference ?? m.inference ?? 'auto', toEmbed: records, threshold: o.batchThreshold ?? DEFAULT_BATCH_THRESHOLD });
    if ('problem' in choice) throw new SpecError([`${specPath}: model ${m.name}: ${choice.problem}`]);
    return { model: m.name, modelId: m.modelId, family: family.id, route: choice.route, why: choice.why, records, images };
  });
  const prices = o.prices ?? NO_PRICES;
  if (!needsBatch(routes)) return { routes };
  let roleArn = o.batch?.roleArn ?? spec.batch?.roleArn;
  let s3Uri = o.batch?.s3Uri ?? spec.batch?.s3Uri ?? defaultBatchPrefix(spec.testSet.manifest);
  if ((!roleArn || !s3Uri) && o.askBatch) {
    const answer = await o.askBatch({ ...(roleArn ? { roleArn } : {}), ...(s3Uri ? { s3Uri } : {}) });
    roleArn = answer?.roleArn ?? roleArn;
    s3Uri = answer?.s3Uri ?? s3Uri;
  }
  const missing = [...(roleArn ? [] : ['batch.roleArn (the service role Bedrock assumes; the CLI: --batch-role)']), ...(s3Uri && parseS3Uri(s3Uri) ? [] : ['batch.s3Uri (s3://bucket/prefix/ for the job files; the CLI: --batch-s3)'])];
  if (missing.length > 0) throw new SpecError([`${specPath}: ${routes.filter((r) => r.route === 'batch').map((r) => r.model).join(', ')} go through batch inference, which needs ${missing.join(' and ')}`]);
  const { limits, description } = resolveBatchLimits(o.batchLimits ?? DEFAULT_BATCH_LIMITS, await accountBatchQuotas(o.session));
  const facts: RoutePlanFacts = { routes, roleArn, s3Uri: s3Uri as string, limits, limitsDescription: description, prices };
  const notice = routePlanNotice(facts);
  if (!o.confirmBatch || !(await o.confirmBatch(facts, notice))) throw new BatchDeclined(notice);
  return { routes, limits, batch: { roleArn: roleArn as string, s3Uri: (s3Uri as string).endsWith('/') ? s3Uri as string : `${s3Uri as string}/` } };
}
