// The awsQuery protocol (STS, IAM): form-encoded `Action=...` requests, XML responses and errors.
import { requestId } from './ids';
import type { EmuRequest, EmuResponse } from './http';

export class QueryError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(message);
  }
}

export const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function queryParams(req: EmuRequest): URLSearchParams {
  return new URLSearchParams(req.method === 'POST' ? req.body.toString('utf8') : req.query.toString());
}

export function queryResult(action: string, namespace: string, inner: string): EmuResponse {
  const body = `<${action}Response xmlns="${namespace}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

export function queryError(code: string, status: number, message: string): EmuResponse {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  const body = `<ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`;
  return { status, headers: { 'content-type': 'text/xml' }, body };
}

/** Answers injected faults the awsQuery way. */
export function queryFault(kind: 'throttle' | 'error' | 'expired' | 'denied' | 'internal', message?: string): EmuResponse {
  switch (kind) {
    case 'throttle': return queryError('Throttling', 400, 'Rate exceeded');
    case 'expired': return queryError('ExpiredToken', 403, 'The security token included in the request is expired');
    case 'denied': return queryError('AccessDenied', 403, message ?? 'Access denied');
    default: return queryError('InternalFailure', 500, message ?? 'Internal failure');
  }
}
