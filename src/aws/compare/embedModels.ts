// Every spec model's embeddings of the test images, the gallery and the query texts: for each model its family
// and dimension (families/forModel.ts), the items keyed by content and the family's cache variant, and its route
// (batch/routeModels.ts: on-demand through embedAll, rate-capped, retried, batched as the family allows; or a batch
// inference job through batch/batchEmbed.ts), both filling the same persistent cache. A record a batch job could not
// embed is retried on demand for a base model (batch/retryFailed.ts); one still failing (or a custom model's) is left
// out of every model's records (the comparison stays paired) and returned for the report.

import { AwsUserError } from '../../core/awsRules/userError';
import { jobsPathFor } from '../../core/eval/batch/jobsFile';
import { DEFAULT_BATCH_LIMITS } from '../../core/eval/batch/limits';
import { modelKindOf } from '../../core/eval/batch/route';
import { embedAll, type EmbedItem } from '../../core/eval/embedAll';
import { EmbeddingCache, imageKey, textKey, variantKey } from '../../core/eval/embeddingCache';
import type { ModelEmbeddings } from '../../core/eval/evaluate';
import { planOrThrow } from '../../core/eval/families/forModel';
import type { EmbedParams, ModelFamily } from '../../core/eval/families/types';
import { realClock } from '../../core/eval/pacer';
import { modelCost } from '../../core/eval/modelCost';
import { estimateTokens } from '../../core/eval/prices';
import type { EmbeddingRecord } from '../../core/eval/records';
import type { CompareSpec, ModelById } from '../../core/eval/spec';
import type { FailedRecord } from '../../protocol/report';
import type { BedrockRuntime } from '../runtime';
import { batchEmbed } from './batch/batchEmbed';
import { jobsStore } from './batch/jobsStore';
import { retryOnDemand } from './batch/retryFailed';
import { routeModels } from './batch/routeModels';
import type { CompareOptions } from './options';
import { specSource } from './preflight';
import type { SourceReader } from './sources';

export interface LabelledImage {
  ref: string;
  caption: string;
  label: string;
}

export interface EmbedModelsInput {
  spec: CompareSpec;
  /** The spec file: batch jobs are recorded next to it. */
  specPath: string;
  /** Default: every spec model (pre-flight may leave unavailable ones out). */
  models?: readonly ModelById[];
  test: readonly LabelledImage[];
  gallery?: readonly LabelledImage[] | undefined;
  queries: readonly { text: string; label: string }[];
  /** Image ref -> content identity (S3 ETag or file hash). */
  identity: ReadonlyMap<string, string>;
  reader: SourceReader;
  runtime: BedrockRuntime;
  cacheDir: string;
}

export interface EmbedTotals {
  calls: number;
  embedded: number;
  cached: number;
  batchJobsSubmitted: number;
  batchJobArns: string[];
}

interface ModelPlan {
  m: ModelById;
  family: ModelFamily;
  dimension: number;
  images: EmbedParams;
  texts: EmbedParams;
  cache: EmbeddingCache;
  imageItemKey(ref: string): string;
  textItemKey(text: string): string;
}


export async function embedModels(i: EmbedModelsInput, o: CompareOptions): Promise<{ models: ModelEmbeddings[]; totals: EmbedTotals; failedRecords: FailedRecord[] }> {
  const totals: EmbedTotals = { calls: 0, embedded: 0, cached: 0, batchJobsSubmitted: 0, batchJobArns: [] };
  const refs = [...new Set([...i.test, ...(i.gallery ?? [])].map((x) => x.ref))];
  const plans: ModelPlan[] = (i.models ?? i.spec.models).map((m) => {
    const { family, dimension } = planOrThrow(m, i.spec.embeddingLength);
    // Images are the corpus searched; texts are what is searched with.
    const images: EmbedParams = { dimension, purpose: 'document' };
    const texts: EmbedParams = { dimension, purpose: 'query' };
    return {
      m, family, dimension, images, texts, cache: new EmbeddingCache(i.cacheDir, m.modelId, dimension),
      imageItemKey: (ref) => variantKey(family.cacheVariant(images), imageKey(i.identity.get(ref) as string)),
      textItemKey: (text) => variantKey(family.cacheVariant(texts), textKey(text)),
    };
  });
  // What this run pays for, per model: the inputs not cached yet (each text once), for the report's cost lines.
  const dueOf = new Map(plans.map((p) => {
    const images = refs.filter((ref) => !p.cache.has(p.imageItemKey(ref))).length;
    const chars = [...new Set(i.queries.map((q) => q.text))].filter((t) => !p.cache.has(p.textItemKey(t))).reduce((n, t) => n + t.length, 0);
    return [p, { images, textTokens: estimateTokens(chars) }] as const;
  }));
  // Every model's route, and one confirmation before any batch job, before anything is embedded.
  const routing = await routeModels(i.spec, i.specPath, o, plans.map((p) => ({
    model: p.m, family: p.family, cache: p.cache, imageKeys: refs.map(p.imageItemKey), textKeys: i.queries.map((q) => p.textItemKey(q.text)),
  })));
  const failedRecords: FailedRecord[] = [];
  const { source, project } = specSource(i.specPath, o.workspaceDir);
  for (const [n, p] of plans.entries()) {
    const { m, family, dimension, images, texts, cache } = p;
    const route = routing.routes[n];
    const items: (EmbedItem & { kind: 'image' | 'text'; label: string })[] = [
      ...refs.map((ref) => ({ key: p.imageItemKey(ref), group: 'image', kind: 'image' as const, label: ref, load: async () => ({ imageBase64: Buffer.from(await i.reader.readBytes(ref)).toString('base64') }) })),
      ...i.queries.map((q) => ({ key: p.textItemKey(q.text), group: 'text', kind: 'text' as const, label: q.text, load: async () => ({ text: q.text }) })),
    ];
    o.log?.(`${m.name}: embedding ${items.length} inputs with ${family.displayName} at ${dimension} (${cache.size} cached), ${route?.route ?? 'on-demand'}: ${route?.why ?? ''}`);
    // The on-demand route: rate-capped, retried, batched as the family allows (also the retry of batch failures).
    const onDemand = (list: typeof items, itemFailures: boolean) => embedAll(list, {
      cache,
      itemsPerCall: family.maxItemsPerCall,
      embed: (inputs, signal) => i.runtime.embedMany({ modelId: m.modelId, family, inputs, params: inputs[0]?.text !== undefined ? texts : images, signal }),
      isRetryable: (e) => e instanceof AwsUserError && e.details.retryable,
      isThrottling: (e) => e instanceof AwsUserError && e.kind === 'throttled',
      ...(itemFailures ? { isItemFailure: (e: unknown) => e instanceof AwsUserError && e.kind === 'validation' } : {}),
      concurrency: o.concurrency,
      requestsPerMinute: o.requestsPerMinute,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.clock ? { clock: o.clock } : {}),
      onProgress: (done, total) => o.onProgress?.(m.name, done, total),
    });
    if (route?.route === 'batch' && routing.batch && route.records > 0) {
      const b = await batchEmbed(items.map((it) => ({
        key: it.key, kind: it.kind, label: it.label,
        // Exactly the InvokeModel body the on-demand route sends (the family builds both).
        modelInput: async () => family.requestBody(await it.load(), it.kind === 'text' ? texts : images),
      })), {
        bedrock: o.session.bedrock, s3: o.session.s3, model: m, length: dimension, cache,
        parse: (modelOutput) => family.parseResponse(modelOutput).vectors[0],
        roleArn: routing.batch.roleArn, s3Uri: routing.batch.s3Uri, limits: routing.limits ?? o.batchLimits ?? DEFAULT_BATCH_LIMITS, concurrency: o.concurrency,
        pollMs: o.batchPollMs ?? 30_000, clock: o.clock ?? realClock, jobs: jobsStore(jobsPathFor(i.specPath)),
        account: async () => (await o.session.callerIdentity()).account, region: o.session.region, ledger: o.ledger, source, project,
        signal: o.signal, ...(o.log ? { log: o.log } : {}), onStatus: (s) => o.onBatchStatus?.(m.name, s),
      });
      totals.embedded += b.embedded;
      totals.cached += items.length - route.records;
      totals.batchJobsSubmitted += b.submitted;
      totals.batchJobArns.push(...b.jobArns);
      // A base model's failed records get one on-demand try (into the same cache); a custom model has no on-demand
      // route without a provisioned throughput, so its failures are reported as dropped.
      const retry = modelKindOf(m.modelId) === 'base' ? await retryOnDemand(b.failures, items, (list) => onDemand(list, true), o.signal) : { failures: b.failures, calls: 0, embedded: 0 };
      if (retry.calls > 0) o.log?.(`${m.name}: ${b.failures.length} record(s) batch inference could not embed retried on demand: ${retry.embedded} embedded, ${retry.failures.length} still failing`);
      totals.calls += retry.calls;
      totals.embedded += retry.embedded;
      for (const f of retry.failures) failedRecords.push({ model: m.name, item: f.label, kind: f.kind, recordId: f.recordId, errorCode: f.code, errorMessage: f.message, jobArn: f.jobArn });
      o.onProgress?.(m.name, items.length, items.length);
      continue;
    }
    const r = await onDemand(items, false);
    totals.calls += r.calls;
    totals.embedded += r.embedded;
    totals.cached += r.cached;
  }
  const failedImages = new Set(failedRecords.filter((f) => f.kind === 'image').map((f) => f.item));
  const failedTexts = new Set(failedRecords.filter((f) => f.kind === 'text').map((f) => f.item));
  const models = plans.map((p, n): ModelEmbeddings => {
    const vec = (key: string): number[] => Array.from(p.cache.get(key) as Float32Array);
    const imageRecords = (set: readonly LabelledImage[]): EmbeddingRecord[] => set.filter((x) => !failedImages.has(x.ref))
      .map((x) => ({ id: x.ref, label: x.label, kind: 'image' as const, vector: vec(p.imageItemKey(x.ref)) }));
    const records: EmbeddingRecord[] = [
      ...imageRecords(i.test),
      ...i.queries.flatMap((q, n) => (failedTexts.has(q.text) ? [] : [{ id: `query-${n}`, label: q.label, kind: 'text' as const, text: q.text, vector: vec(p.textItemKey(q.text)) }])),
    ];
    const fineTuned = p.family.customizable && p.m.modelId.startsWith('arn:');
    return {
      model: {
        name: p.m.name, modelId: p.m.modelId, embeddingLength: p.dimension, baseline: false, family: p.family.id,
        cost: modelCost(o.prices, { family: p.family.id, fineTuned, route: routing.routes[n]?.route ?? 'on-demand', embedded: dueOf.get(p) ?? { images: 0, textTokens: 0 } }),
      },
      records,
      ...(i.gallery ? { gallery: imageRecords(i.gallery) } : {}),
    };
  });
  return { models, totals, failedRecords };
}
