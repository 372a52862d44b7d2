// Bedrock (restJson1) errors: the SDK reads the code from `x-amzn-errortype` and the text from body `message`.
import { json, type EmuResponse } from '../http';

const STATUS: Record<string, number> = {
  ValidationException: 400,
  ConflictException: 400,
  ServiceQuotaExceededException: 400,
  TooManyTagsException: 400,
  AccessDeniedException: 403,
  ExpiredTokenException: 403,
  ResourceNotFoundException: 404,
  ModelNotReadyException: 429,
  ThrottlingException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
};

export class BedrockError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code] ?? 400;
  }
}

export function errorResponse(code: string, message: string): EmuResponse {
  return json(STATUS[code] ?? 400, { message }, { 'x-amzn-errortype': code });
}

export function toResponse(err: unknown): EmuResponse {
  if (err instanceof BedrockError) return errorResponse(err.code, err.message);
  throw err;
}

/** The answer both Bedrock services give to an injected fault or an unexpected exception. */
export function bedrockFault(kind: 'throttle' | 'error' | 'expired' | 'denied' | 'internal', message?: string): EmuResponse {
  switch (kind) {
    case 'denied': return errorResponse('AccessDeniedException', message ?? 'You do not have access to this operation.');
    case 'throttle': return errorResponse('ThrottlingException', 'Too many requests, please wait before trying again.');
    case 'expired': return errorResponse('ExpiredTokenException', 'The security token included in the request is expired');
    default: return errorResponse('InternalServerException', message ?? 'An internal server error occurred. Retry your request.');
  }
}

export const validation = (message: string): BedrockError => new BedrockError('ValidationException', message);
export const notFound = (message: string): BedrockError => new BedrockError('ResourceNotFoundException', message);
export const conflict = (message: string): BedrockError => new BedrockError('ConflictException', message);
