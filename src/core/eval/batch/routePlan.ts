// What the user is told before a comparison embeds: per model, its route, the records to embed, the estimated cost
// where the user's price settings allow, and why this route; for batch, where it writes, the role and the limits.
import { paddingFor } from './records';
import type { BatchLimits } from './limits';
import { settingsOnly } from './quotas';
import type { FamilyId } from '../families/types';
import type { Prices } from '../prices';
import { costLine, type Route } from './route';

export interface ModelRoute {
  model: string;
  modelId: string;
  family: FamilyId;
  route: Route;
  why: string;
  /** Records not yet cached (images + texts). */
  records: number;
  images: number;
}

export interface RoutePlanFacts {
  routes: ModelRoute[];
  roleArn?: string | undefined;
  s3Uri?: string | undefined;
  limits: BatchLimits;
  /** The limits and where each came from (quotas.ts); default: the settings, Service Quotas not read. */
  limitsDescription?: string | undefined;
  prices: Prices;
}

export const needsBatch = (routes: readonly ModelRoute[]): boolean => routes.some((r) => r.route === 'batch' && r.records > 0);

export function routePlanNotice(f: RoutePlanFacts): { message: string; detail: string } {
  const lines = f.routes.map((r) => {
    if (r.records === 0) return `${r.model}: everything cached, nothing embedded.`;
    const pad = r.route === 'batch' ? paddingFor(r.records, f.limits.minRecordsPerJob) : undefined;
    const padding = pad && pad.count > 0 ? ` ${pad.message} (${costLine('batch', pad.count, f.prices, r.family).replace(/ \(.*$/, '')} more for the padding).` : '';
    return `${r.model} (${r.modelId}): ${r.route}, ${r.records} records (${r.images} images), ${costLine(r.route, r.images, f.prices, r.family)}; ${r.why}.${padding}`;
  });
  const batch = needsBatch(f.routes);
  return {
    message: batch ? 'Run this comparison? Batch inference jobs are submitted (billed per record).' : 'Run this comparison?',
    detail: [
      ...lines,
      ...(batch ? [
        `Batch input and output files go under ${f.s3Uri ?? '(no batch.s3Uri)'}; the service role ${f.roleArn ?? '(no batch.roleArn)'} needs s3:GetObject and s3:ListBucket on that prefix and s3:PutObject on its output.`,
        `Batch limits: ${f.limitsDescription ?? settingsOnly(f.limits, 'Service Quotas was not read').description}.`,
        'Each job is tagged created-by=bedrock-mm-customizer and recorded in the workspace ledger with its S3 folder; Clean Up stops it and deletes the folder. A rerun attaches to the same job.',
      ] : []),
    ].join('\n'),
  };
}
