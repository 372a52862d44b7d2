// The account's applied batch quotas for the run's confirmation and its jobs: read from Service Quotas when the
// session may call it, else the reason it is not (the settings stand; core/eval/batch/quotas.ts merges the two).
import { QUOTA_SERVICE_CODE, TMME_BATCH_QUOTAS, type AccountQuotas } from '../../../core/eval/batch/quotas';
import type { AwsSession } from '../../session';

export async function accountBatchQuotas(session: Pick<AwsSession, 'serviceQuotas' | 'serviceQuotasUnavailable'>): Promise<AccountQuotas> {
  const why = session.serviceQuotasUnavailable;
  if (why) return { kind: 'unavailable', reason: why };
  return session.serviceQuotas.applied(QUOTA_SERVICE_CODE, TMME_BATCH_QUOTAS);
}
