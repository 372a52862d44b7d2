// Fault injection per service: throttling, server errors, dropped connections, added latency and an
// expired-credentials mode. Decisions come from one seeded generator so a run with the same seed and the same
// request order injects the same faults.
import { seededRandom } from './rng';
import { SERVICES, type ServiceName } from './services';

export interface FaultConfig {
  /** Probability (0..1) of a throttling error (Bedrock 429 ThrottlingException, S3 503 SlowDown). */
  throttleRate: number;
  /** Probability (0..1) of a 500 internal error. */
  errorRate: number;
  /** Probability (0..1) that the connection is destroyed without a response. */
  dropRate: number;
  /** Milliseconds added before every response. */
  latencyMs: number;
  /** When true every request fails as with expired credentials. */
  expiredCredentials: boolean;
  /** Every request is denied: by an identity policy that lacks the action, or by an explicit SCP deny. */
  accessDenied: 'off' | 'identity' | 'scp';
  /**
   * OpenSearch k-NN only: the share (0..1) of searches that miss their true nearest neighbour, as an approximate
   * (HNSW) index can. Which queries miss depends on the query vector alone, so a run repeats exactly.
   */
  knnMissRate: number;
}

export type FaultDecision = 'none' | 'drop' | 'throttle' | 'error' | 'expired' | 'denied';

export const NO_FAULTS: FaultConfig = { throttleRate: 0, errorRate: 0, dropRate: 0, latencyMs: 0, expiredCredentials: false, accessDenied: 'off', knnMissRate: 0 };

export class FaultInjector {
  private readonly configs = new Map<ServiceName, FaultConfig>();
  private random: () => number;

  constructor(private readonly seed: number, initial?: Partial<FaultConfig>) {
    this.random = seededRandom(seed);
    for (const s of SERVICES) this.configs.set(s, { ...NO_FAULTS, ...initial });
  }

  get(service: ServiceName): FaultConfig {
    return { ...(this.configs.get(service) ?? NO_FAULTS) };
  }

  /** Merges `patch` into the configuration of `service`, or of every service when undefined. */
  set(service: ServiceName | undefined, patch: Partial<FaultConfig>): void {
    const checked = validateFaultPatch(patch);
    for (const s of service ? [service] : SERVICES) this.configs.set(s, { ...this.get(s), ...checked });
  }

  reset(): void {
    for (const s of SERVICES) this.configs.set(s, { ...NO_FAULTS });
    this.random = seededRandom(this.seed);
  }

  decide(service: ServiceName): FaultDecision {
    const c = this.get(service);
    if (c.expiredCredentials) return 'expired';
    if (c.accessDenied !== 'off') return 'denied';
    // One draw per request keeps the sequence stable whatever the rates are.
    const r = this.random();
    if (r < c.dropRate) return 'drop';
    if (r < c.dropRate + c.throttleRate) return 'throttle';
    if (r < c.dropRate + c.throttleRate + c.errorRate) return 'error';
    return 'none';
  }
}

/** Checks a patch from a flag or the admin API; throws a RangeError naming the bad field. */
export function validateFaultPatch(patch: Partial<FaultConfig>): Partial<FaultConfig> {
  const out: Partial<FaultConfig> = {};
  for (const key of ['throttleRate', 'errorRate', 'dropRate', 'knnMissRate'] as const) {
    const v = patch[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new RangeError(`${key} must be a number from 0 to 1`);
    out[key] = v;
  }
  if (patch.latencyMs !== undefined) {
    if (typeof patch.latencyMs !== 'number' || !(patch.latencyMs >= 0 && patch.latencyMs <= 60_000)) {
      throw new RangeError('latencyMs must be a number from 0 to 60000');
    }
    out.latencyMs = patch.latencyMs;
  }
  if (patch.expiredCredentials !== undefined) {
    if (typeof patch.expiredCredentials !== 'boolean') throw new RangeError('expiredCredentials must be true or false');
    out.expiredCredentials = patch.expiredCredentials;
  }
  if (patch.accessDenied !== undefined) {
    if (!['off', 'identity', 'scp'].includes(patch.accessDenied)) throw new RangeError('accessDenied must be off, identity or scp');
    out.accessDenied = patch.accessDenied;
  }
  return out;
}
