// The batch limits a run uses: each from the account's applied Service Quotas value where it could be read, else
// from the setting (whose defaults are AWS's documented defaults), and the confirmation's words for where each came
// from. Quota codes and names: docs/reference/bedrock-batch.md "Quotas". Pure: the aws side reads the quotas.
import type { BatchLimits } from './limits';

export type LimitKey = keyof BatchLimits;

export interface QuotaSpec {
  key: LimitKey;
  /** Service Quotas code (service `bedrock`); a name match is the fallback when the code is not found. */
  code: string;
  name: string;
  /** Records, or gigabytes (the quota names say "(in GB)"). */
  unit: 'records' | 'GB';
}

/** Titan Multimodal Embeddings G1's batch-inference quotas in Service Quotas, service code `bedrock`. */
export const TMME_BATCH_QUOTAS: readonly QuotaSpec[] = [
  { key: 'minRecordsPerJob', code: 'L-1A69C08F', name: 'Minimum number of records per batch inference job for Titan Multimodal Embeddings G1', unit: 'records' },
  { key: 'recordsPerJob', code: 'L-3BD2251E', name: 'Records per batch inference job for Titan Multimodal Embeddings G1', unit: 'records' },
  { key: 'recordsPerFile', code: 'L-81E26054', name: 'Records per input file per batch inference job for Titan Multimodal Embeddings G1', unit: 'records' },
  { key: 'fileBytes', code: 'L-447BB329', name: 'Batch inference input file size (in GB) for Titan Multimodal Embeddings G1', unit: 'GB' },
  { key: 'jobBytes', code: 'L-4C584163', name: 'Batch inference job size (in GB) for Titan Multimodal Embeddings G1', unit: 'GB' },
];

export const QUOTA_SERVICE_CODE = 'bedrock';

/** One applied quota as Service Quotas answered it. */
export interface AppliedQuota { code: string; name: string; value: number }

/** What reading the account's quotas gave: the quotas found, or why none could be read. */
export type AccountQuotas =
  | { kind: 'read'; quotas: readonly AppliedQuota[] }
  | { kind: 'unavailable'; reason: string };

export interface ResolvedLimits {
  limits: BatchLimits;
  /** Per limit: 'account' (an applied quota) or 'settings'. */
  sources: Record<LimitKey, 'account' | 'settings'>;
  /** The confirmation's sentence: the limits and where each came from. */
  description: string;
}

const GB = 1024 ** 3;
const LABELS: Record<LimitKey, (v: number) => string> = {
  minRecordsPerJob: (v) => `at least ${v} records per job`,
  recordsPerJob: (v) => `at most ${v} records per job`,
  recordsPerFile: (v) => `${v} records per file`,
  fileBytes: (v) => `${formatGb(v)} per file`,
  jobBytes: (v) => `${formatGb(v)} per job`,
};
const formatGb = (bytes: number): string => `${Number((bytes / GB).toFixed(3))} GB`;

/** The applied quota for a spec: by code, else by its exact name (a code AWS renumbered). */
const findQuota = (spec: QuotaSpec, quotas: readonly AppliedQuota[]): AppliedQuota | undefined =>
  quotas.find((q) => q.code === spec.code) ?? quotas.find((q) => q.name.trim().toLowerCase() === spec.name.toLowerCase());

/** A quota value as a limit, or why it cannot be used (a maximum of 0 would make every job impossible). */
function limitFrom(spec: QuotaSpec, value: number): number | string {
  if (!Number.isFinite(value) || value < 0) return `${spec.code} has the value ${value}`;
  if (spec.key !== 'minRecordsPerJob' && value === 0) return `${spec.code} is 0`;
  return spec.unit === 'GB' ? Math.floor(value * GB) : Math.floor(value);
}

export function resolveBatchLimits(settings: BatchLimits, account: AccountQuotas): ResolvedLimits {
  const limits: BatchLimits = { ...settings };
  const sources = {} as Record<LimitKey, 'account' | 'settings'>;
  const parts: string[] = [];
  const fromSettings: string[] = [];
  for (const spec of TMME_BATCH_QUOTAS) {
    sources[spec.key] = 'settings';
    if (account.kind !== 'read') continue;
    const q = findQuota(spec, account.quotas);
    const value = q ? limitFrom(spec, q.value) : `no applied value for ${spec.code}`;
    if (typeof value === 'number') {
      limits[spec.key] = value;
      sources[spec.key] = 'account';
      parts.push(`${LABELS[spec.key](value)} (your account's applied quota ${q?.code ?? spec.code})`);
    } else {
      fromSettings.push(value);
      parts.push(`${LABELS[spec.key](settings[spec.key])} (your settings: ${value})`);
    }
  }
  const all = TMME_BATCH_QUOTAS.map((s) => LABELS[s.key](settings[s.key])).join(', ');
  const description = account.kind === 'unavailable'
    ? `${all}; limits from your settings (bedrockCustomizer.compare.batchLimits; defaults: AWS's documented defaults): ${account.reason}`
    : `${parts.join(', ')}; from Service Quotas (service ${QUOTA_SERVICE_CODE})${fromSettings.length > 0 ? ', the rest from your settings (defaults: AWS\'s documented defaults)' : ''}`;
  return { limits, sources, description };
}

/** The description when no batch job is planned: nothing was read, the settings stand. */
export const settingsOnly = (settings: BatchLimits, reason: string): ResolvedLimits => resolveBatchLimits(settings, { kind: 'unavailable', reason });
