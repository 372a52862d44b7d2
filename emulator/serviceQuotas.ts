// Service Quotas (awsJson1_1, `X-Amz-Target: ServiceQuotasV20190624.<Op>`; botocore `service-quotas/2019-06-24`):
// GetServiceQuota and ListServiceQuotas (paged) for Amazon Bedrock's batch-inference quotas of Titan Multimodal
// Embeddings G1 (docs/reference/bedrock-batch.md "Quotas"; sizes in GB, as the quota names say). Values are the emulator's defaults (the minimum is
// `--batch-min-records`) until `POST /seed {serviceQuotas: [{quotaCode, value}]}` applies another; `value: null`
// removes a quota (GetServiceQuota then answers NoSuchResourceException, as for a quota with no applied value).
import { json, type EmuRequest, type EmuResponse, type ServiceDefinition } from './http';
import { ACCOUNT_ID, REGION } from './services';

const TARGET = 'ServiceQuotasV20190624.';

interface QuotaDef { code: string; name: string; value: number; description: string }

/** Amazon Bedrock's batch quotas for Titan Multimodal Embeddings G1 (names and defaults as AWS lists them). */
const BEDROCK_QUOTAS = (minRecords: number): QuotaDef[] => [
  { code: 'L-1A69C08F', name: 'Minimum number of records per batch inference job for Titan Multimodal Embeddings G1', value: minRecords, description: 'The minimum number of records across all input files in a batch inference job for Titan Multimodal Embeddings G1.' },
  { code: 'L-3BD2251E', name: 'Records per batch inference job for Titan Multimodal Embeddings G1', value: 50_000, description: 'The maximum number of records across all input files in a batch inference job for Titan Multimodal Embeddings G1.' },
  { code: 'L-81E26054', name: 'Records per input file per batch inference job for Titan Multimodal Embeddings G1', value: 50_000, description: 'The maximum number of records in an input file in a batch inference job for Titan Multimodal Embeddings G1.' },
  { code: 'L-447BB329', name: 'Batch inference input file size (in GB) for Titan Multimodal Embeddings G1', value: 1, description: 'The maximum size of a single file (in GB) submitted for batch inference for Titan Multimodal Embeddings G1.' },
  { code: 'L-4C584163', name: 'Batch inference job size (in GB) for Titan Multimodal Embeddings G1', value: 5, description: 'The maximum cumulative size of all input files (in GB) included in the batch inference job for Titan Multimodal Embeddings G1.' },
];

export const MIN_RECORDS_QUOTA = 'L-1A69C08F';

class QuotaError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(message);
  }
}

function quotaError(code: string, status: number, message: string): EmuResponse {
  // The model's exceptions carry `Message` (capitalised).
  return json(status, { __type: code, Message: message }, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code });
}

export class ServiceQuotaState {
  private readonly values = new Map<string, number | undefined>();
  private readonly defaultMin: number;

  /** `options.batchMinRecords` is what the emulated CreateModelInvocationJob refuses below: the applied minimum. */
  constructor(private readonly options: { batchMinRecords: number }) {
    this.defaultMin = options.batchMinRecords;
  }

  reset(): void {
    this.values.clear();
    this.options.batchMinRecords = this.defaultMin;
  }

  quotas(): (QuotaDef & { value: number })[] {
    return BEDROCK_QUOTAS(this.defaultMin)
      .map((q) => ({ ...q, value: this.values.has(q.code) ? this.values.get(q.code) as number : q.value }))
      .filter((q) => !(this.values.has(q.code) && this.values.get(q.code) === undefined));
  }

  /** `POST /seed {serviceQuotas: [{quotaCode, value}]}`: applied values (null: no applied value). */
  seed(body: Record<string, unknown>): { serviceQuotas: string[] } {
    const list = body['serviceQuotas'];
    if (list === undefined) return { serviceQuotas: [] };
    if (!Array.isArray(list)) throw new RangeError('serviceQuotas must be a list of {quotaCode, value}');
    const codes: string[] = [];
    for (const s of list as Record<string, unknown>[]) {
      const code = s['quotaCode'];
      const value = s['value'];
      if (typeof code !== 'string' || !BEDROCK_QUOTAS(0).some((q) => q.code === code)) throw new RangeError(`quotaCode must be one of ${BEDROCK_QUOTAS(0).map((q) => q.code).join(', ')}`);
      if (value !== null && (typeof value !== 'number' || !(value >= 0))) throw new RangeError('value must be a non-negative number or null');
      this.values.set(code, value === null ? undefined : value);
      if (code === MIN_RECORDS_QUOTA) this.options.batchMinRecords = value === null ? this.defaultMin : value;
      codes.push(code);
    }
    return { serviceQuotas: codes };
  }
}

const view = (q: QuotaDef): object => ({
  ServiceCode: 'bedrock',
  ServiceName: 'Amazon Bedrock',
  QuotaArn: `arn:aws:servicequotas:${REGION}:${ACCOUNT_ID}:bedrock/${q.code}`,
  QuotaCode: q.code,
  QuotaName: q.name,
  Value: q.value,
  Unit: 'None',
  Adjustable: false,
  GlobalQuota: false,
  QuotaAppliedAtLevel: 'ACCOUNT',
  Description: q.description,
});

type Body = Record<string, unknown>;

function serviceCode(b: Body): string {
  const code = b['ServiceCode'];
  if (typeof code !== 'string' || !/^[a-zA-Z][a-zA-Z0-9-]{1,63}$/.test(code)) throw new QuotaError('IllegalArgumentException', 400, 'ServiceCode must be a service code such as bedrock.');
  if (code !== 'bedrock') throw new QuotaError('NoSuchResourceException', 400, `The request failed because the specified service does not exist: ${code}.`);
  return code;
}

/** The offset token (base64 of the next index, the model's NextToken pattern). */
const token = (n: number): string => Buffer.from(`o${n}`, 'utf8').toString('base64');

const OPERATIONS: Record<string, (s: ServiceQuotaState, b: Body) => object> = {
  GetServiceQuota: (s, b) => {
    serviceCode(b);
    const code = b['QuotaCode'];
    if (typeof code !== 'string') throw new QuotaError('IllegalArgumentException', 400, 'QuotaCode is required.');
    const q = s.quotas().find((x) => x.code === code);
    if (!q) throw new QuotaError('NoSuchResourceException', 400, `The request failed because the specified quota does not exist or has no applied value: ${code}.`);
    return { Quota: view(q) };
  },
  ListServiceQuotas: (s, b) => {
    serviceCode(b);
    const max = b['MaxResults'] ?? 100;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100) throw new QuotaError('IllegalArgumentException', 400, 'MaxResults must be an integer from 1 to 100.');
    const raw = b['NextToken'];
    let start = 0;
    if (raw !== undefined) {
      const m = typeof raw === 'string' ? /^o(\d+)$/.exec(Buffer.from(raw, 'base64').toString('utf8')) : null;
      if (!m?.[1]) throw new QuotaError('InvalidPaginationTokenException', 400, 'Invalid pagination token.');
      start = Number(m[1]);
    }
    const all = s.quotas().filter((q) => b['QuotaCode'] === undefined || q.code === b['QuotaCode']);
    const end = start + max;
    return { Quotas: all.slice(start, end).map(view), ...(end < all.length ? { NextToken: token(end) } : {}) };
  },
};

/** The operations this service answers (the conformance test covers each). */
export const SERVICE_QUOTAS_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

async function handle(state: ServiceQuotaState, req: EmuRequest): Promise<EmuResponse> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const op = OPERATIONS[target.slice(TARGET.length)];
  if (req.method !== 'POST' || !target.startsWith(TARGET) || !op) return quotaError('UnknownOperationException', 400, `Unknown operation ${target || '(no x-amz-target)'}`);
  let body: unknown;
  try {
    body = req.body.length === 0 ? {} : JSON.parse(req.body.toString('utf8'));
  } catch {
    return quotaError('SerializationException', 400, 'The request body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return quotaError('SerializationException', 400, 'The request body must be a JSON object');
  try {
    return json(200, op(state, body as Body), { 'content-type': 'application/x-amz-json-1.1' });
  } catch (err) {
    if (err instanceof QuotaError) return quotaError(err.code, err.status, err.message);
    throw err;
  }
}

export function serviceQuotasService(state: ServiceQuotaState): ServiceDefinition {
  return {
    name: 'serviceQuotas',
    handle: (req) => handle(state, req),
    iamPrefix: 'servicequotas',
    operation: (_method, _segments, target) => (target ?? '').replace(TARGET, '') || 'unknown',
    errorResponse(kind, message) {
      switch (kind) {
        case 'denied': return quotaError('AccessDeniedException', 400, message ?? 'Access denied');
        case 'throttle': return quotaError('TooManyRequestsException', 400, 'Rate exceeded');
        case 'expired': return quotaError('ExpiredTokenException', 403, 'The security token included in the request is expired');
        default: return quotaError('ServiceException', 500, message ?? 'Internal failure');
      }
    },
  };
}
