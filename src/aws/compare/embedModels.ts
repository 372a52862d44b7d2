// Every spec model's embeddings of the test images, the gallery and the query texts: for each model its family
// and dimension (families/forModel.ts), the items keyed by content and the family's cache variant, embedded through
// embedAll with the persistent cache (rate-capped, retried, batched as the family allows).

import { AwsUserError } from '../../core/awsRules/userError';
import { embedAll, type EmbedItem } from '../../core/eval/embedAll';
import { EmbeddingCache, imageKey, textKey, variantKey } from '../../core/eval/embeddingCache';
import type { ModelEmbeddings } from '../../core/eval/evaluate';
import { planOrThrow } from '../../core/eval/families/forModel';
import type { EmbedParams } from '../../core/eval/families/types';
import { modelCost } from '../../core/eval/modelCost';
import type { EmbeddingRecord } from '../../core/eval/records';
import type { CompareSpec, ModelById } from '../../core/eval/spec';
import type { BedrockRuntime } from '../runtime';
import type { CompareOptions } from './options';
import type { SourceReader } from './sources';

export interface LabelledImage {
  ref: string;
  caption: string;
  label: string;
}

export interface EmbedModelsInput {
  spec: CompareSpec;
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
}

type Options = Pick<CompareOptions, 'concurrency' | 'requestsPerMinute' | 'signal' | 'clock' | 'log' | 'onProgress' | 'prices'>;

/** Text tokens estimated from characters (English averages about 4.7 characters a token; the tokenizers are not public). */
const estimateTokens = (chars: number): number => Math.ceil(chars / 4.7);

export async function embedModels(i: EmbedModelsInput, o: Options): Promise<{ models: ModelEmbeddings[]; totals: EmbedTotals }> {
  const totals: EmbedTotals = { calls: 0, embedded: 0, cached: 0 };
  const refs = [...new Set([...i.test, ...(i.gallery ?? [])].map((x) => x.ref))];
  const models: ModelEmbeddings[] = [];
  for (const m of i.models ?? i.spec.models) {
    const { family, dimension } = planOrThrow(m, i.spec.embeddingLength);
    // Images are the corpus searched; texts are what is searched with.
    const images: EmbedParams = { dimension, purpose: 'document' };
    const texts: EmbedParams = { dimension, purpose: 'query' };
    const imageItemKey = (ref: string): string => variantKey(family.cacheVariant(images), imageKey(i.identity.get(ref) as string));
    const textItemKey = (text: string): string => variantKey(family.cacheVariant(texts), textKey(text));
    const cache = new EmbeddingCache(i.cacheDir, m.modelId, dimension);
    const items: EmbedItem[] = [
      ...refs.map((ref) => ({ key: imageItemKey(ref), group: 'image', load: async () => ({ imageBase64: Buffer.from(await i.reader.readBytes(ref)).toString('base64') }) })),
      ...i.queries.map((q) => ({ key: textItemKey(q.text), group: 'text', load: async () => ({ text: q.text }) })),
    ];
    // What this run pays for: the inputs not cached yet (each key once).
    const due = new Set(items.filter((it) => !cache.has(it.key)).map((it) => it.key));
    const dueImages = refs.filter((ref) => due.has(imageItemKey(ref))).length;
    const dueTextChars = [...new Set(i.queries.map((q) => q.text))].filter((t) => due.has(textItemKey(t))).reduce((n, t) => n + t.length, 0);
    o.log?.(`${m.name}: embedding ${items.length} inputs with ${family.displayName} at ${dimension} (${cache.size} cached)`);
    const r = await embedAll(items, {
      cache,
      itemsPerCall: family.maxItemsPerCall,
      embed: (inputs, signal) => i.runtime.embedMany({ modelId: m.modelId, family, inputs, params: inputs[0]?.text !== undefined ? texts : images, signal }),
      isRetryable: (e) => e instanceof AwsUserError && e.details.retryable,
      isThrottling: (e) => e instanceof AwsUserError && e.kind === 'throttled',
      concurrency: o.concurrency,
      requestsPerMinute: o.requestsPerMinute,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.clock ? { clock: o.clock } : {}),
      onProgress: (done, total) => o.onProgress?.(m.name, done, total),
    });
    totals.calls += r.calls;
    totals.embedded += r.embedded;
    totals.cached += r.cached;
    const vec = (key: string): number[] => Array.from(cache.get(key) as Float32Array);
    const imageRecords = (set: readonly LabelledImage[]): EmbeddingRecord[] =>
      set.map((x) => ({ id: x.ref, label: x.label, kind: 'image' as const, vector: vec(imageItemKey(x.ref)) }));
    const records: EmbeddingRecord[] = [
      ...imageRecords(i.test),
      ...i.queries.map((q, n) => ({ id: `query-${n}`, label: q.label, kind: 'text' as const, text: q.text, vector: vec(textItemKey(q.text)) })),
    ];
    models.push({
      model: {
        name: m.name, modelId: m.modelId, embeddingLength: dimension, baseline: false, family: family.id,
        cost: modelCost(o.prices, family.id, family.customizable && m.modelId.startsWith('arn:'), { images: dueImages, textTokens: estimateTokens(dueTextChars) }),
      },
      records,
      ...(i.gallery ? { gallery: imageRecords(i.gallery) } : {}),
    });
  }
  return { models, totals };
}
