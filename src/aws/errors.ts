import { AwsUserError, describeAwsError, type AwsErrorContext, type AwsErrorFacts } from '../core/awsRules/userError';

export { AwsUserError } from '../core/awsRules/userError';
export type { AwsErrorContext, AwsErrorKind } from '../core/awsRules/userError';

/**
 * Turns anything thrown by an AWS SDK v3 client, the credential chain, or the OpenSearch client into an
 * {@link AwsUserError} whose message says what to do. An AwsUserError passes through unchanged.
 * Credentials never reach the message (see `redactSecrets`).
 */
export function toUserError(err: unknown, ctx: AwsErrorContext): AwsUserError {
  if (err instanceof AwsUserError) return err;
  const error = describeAwsError(factsOf(err), ctx);
  Object.defineProperty(error, 'cause', { value: err, enumerable: false });
  return error;
}

/** Runs one AWS call and translates its failure. Every wrapper method goes through this. */
export async function callAws<T>(ctx: AwsErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toUserError(err, ctx);
  }
}

/** Reads the facts off the error shapes the SDK, Node and the OpenSearch client produce. */
function factsOf(err: unknown): AwsErrorFacts {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as Record<string, unknown>;
  const metadata = (e['$metadata'] ?? {}) as { httpStatusCode?: number; requestId?: string; attempts?: number };
  const response = e['$response'] as { statusCode?: number } | undefined;
  const meta = e['meta'] as { statusCode?: number; body?: { error?: { type?: string; reason?: string } | string } } | undefined;
  const osError = typeof meta?.body === 'object' ? meta.body.error : undefined;
  const osType = typeof osError === 'object' ? osError.type : undefined;
  const osReason = typeof osError === 'object' ? osError.reason : typeof osError === 'string' ? osError : undefined;
  const code = typeof e['Code'] === 'string' ? e['Code'] : undefined; // S3 XML errors
  const errno = typeof e['code'] === 'string' ? e['code'] : undefined;
  return {
    name: osType ?? code ?? (typeof e['name'] === 'string' && e['name'] !== 'Error' ? e['name'] : undefined),
    message: osReason ?? (typeof e['message'] === 'string' ? e['message'] : undefined),
    httpStatus: metadata.httpStatusCode ?? meta?.statusCode ?? response?.statusCode,
    requestId: metadata.requestId,
    errno: errno && /^E[A-Z]+$/.test(errno) ? errno : undefined,
    attempts: metadata.attempts,
  };
}
