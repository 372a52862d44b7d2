// Service Quotas: the applied values of the quotas a batch inference job must meet (docs/reference/bedrock-batch.md
// "Quotas"). Read by code with GetServiceQuota; a code not found is looked for by name with ListServiceQuotas. A
// refusal or failure is not an error of the run: the answer says why nothing was read, and the settings stand.
import { GetServiceQuotaCommand, ListServiceQuotasCommand, type ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import type { AccountQuotas, AppliedQuota, QuotaSpec } from '../core/eval/batch/quotas';
import type { CallScope } from './bedrock';
import { toUserError } from './errors';

const nameOf = (err: unknown): string => (typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string' ? (err as { name: string }).name : '');

/** Why a quota call gave nothing, in the user's words (credentials never in it: the message is the translated one). */
function reasonOf(err: unknown, action: string, scope: CallScope): string {
  if (nameOf(err) === 'AccessDeniedException') return `${action} was denied`;
  return `${action} failed: ${toUserError(err, { action, profile: scope.profile, region: scope.region }).message}`;
}

export class ServiceQuotas {
  constructor(private readonly client: ServiceQuotasClient, private readonly scope: CallScope) {}

  /** The applied quotas of `specs` in service `serviceCode`, or why none could be read. */
  async applied(serviceCode: string, specs: readonly QuotaSpec[]): Promise<AccountQuotas> {
    const found: AppliedQuota[] = [];
    const missing: QuotaSpec[] = [];
    for (const spec of specs) {
      try {
        const q = (await this.client.send(new GetServiceQuotaCommand({ ServiceCode: serviceCode, QuotaCode: spec.code }))).Quota;
        if (q?.Value === undefined) missing.push(spec);
        else found.push({ code: q.QuotaCode ?? spec.code, name: q.QuotaName ?? spec.name, value: q.Value });
      } catch (err) {
        if (nameOf(err) !== 'NoSuchResourceException') return { kind: 'unavailable', reason: reasonOf(err, 'servicequotas:GetServiceQuota', this.scope) };
        missing.push(spec);
      }
    }
    if (missing.length > 0) found.push(...(await this.byName(serviceCode, missing)));
    return { kind: 'read', quotas: found };
  }

  /** Quotas whose code was not found, matched by name over the service's list (pages of 100). */
  private async byName(serviceCode: string, specs: readonly QuotaSpec[]): Promise<AppliedQuota[]> {
    const wanted = new Set(specs.map((s) => s.name.toLowerCase()));
    const out: AppliedQuota[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client.send(new ListServiceQuotasCommand({ ServiceCode: serviceCode, MaxResults: 100, ...(token ? { NextToken: token } : {}) }));
        for (const q of page.Quotas ?? []) {
          if (q.QuotaName && q.QuotaCode && q.Value !== undefined && wanted.has(q.QuotaName.trim().toLowerCase())) out.push({ code: q.QuotaCode, name: q.QuotaName, value: q.Value });
        }
        token = page.NextToken;
      } while (token);
    } catch {
      // Listing is only the fallback: what it could not find stays with the settings, and the answer says so per quota.
    }
    return out;
  }
}
