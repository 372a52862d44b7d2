// Clean-up target for S3 prefixes: every object under the prefix, listed page by page and deleted in batches of
// at most 1,000 keys with a few batches in flight. Keys outside the prefix are never sent, even if a listing
// returned one (a defence against a misbehaving endpoint).
import { deleteInBatches } from '../../core/cleanup/batches';
import type { CleanupTarget, Presence } from '../../core/cleanup/executor';
import type { PlanResource } from '../../core/cleanup/plan';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from '../../core/cleanup/retry';
import type { S3Storage } from '../s3';
import { classifyAwsError } from './errors';

export interface S3TargetOptions {
  concurrency?: number;
  retry?: RetryPolicy;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random?: () => number;
}

async function* keysUnder(s3: S3Storage, bucket: string, prefix: string): AsyncGenerator<string> {
  for await (const o of s3.listObjects({ bucket, prefix })) {
    if (o.key.startsWith(prefix)) yield o.key;
  }
}

export function s3PrefixTarget(s3: S3Storage, opts: S3TargetOptions): CleanupTarget {
  const where = (r: PlanResource) => ({ bucket: r.identity.bucket ?? '', prefix: r.identity.prefix ?? '' });
  return {
    async exists(r): Promise<Presence> {
      const { bucket, prefix } = where(r);
      if (prefix === '') throw new Error('Refusing an empty S3 prefix: a clean-up never empties a whole bucket.');
      const page = await s3.listObjectsPage({ bucket, prefix, maxKeys: 1000 }).catch((err: unknown) => {
        if (classifyAwsError(err) === 'not-found') return { items: [], nextToken: undefined }; // no bucket: nothing under it
        throw err;
      });
      const n = page.items.filter((o) => o.key.startsWith(prefix)).length;
      if (n === 0) return { present: false };
      return { present: true, detail: `${n}${page.nextToken ? '+' : ''} object(s) left` };
    },
    async delete(r, ctx) {
      const { bucket, prefix } = where(r);
      if (prefix === '') throw new Error('Refusing an empty S3 prefix: a clean-up never empties a whole bucket.');
      const deps = { classify: classifyAwsError, sleep: opts.sleep, random: opts.random ?? Math.random, signal: ctx.signal };
      await deleteInBatches(keysUnder(s3, bucket, prefix), async (batch) => {
        const { value } = await withRetry(() => s3.deleteObjects(bucket, batch), opts.retry ?? DEFAULT_RETRY, deps);
        if (value.errors.length > 0) {
          const first = value.errors[0];
          throw new Error(`S3 refused to delete ${value.errors.length} object(s) under s3://${bucket}/${prefix}, e.g. ${first?.key}: ${first?.code} ${first?.message}. Check s3:DeleteObject permission and object lock, then re-run.`);
        }
      }, { concurrency: opts.concurrency ?? 4, signal: ctx.signal, onBatchDone: (n) => ctx.report(`deleted ${n} objects`) });
    },
  };
}
