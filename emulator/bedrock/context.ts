// What every Bedrock control-plane handler receives.
import type { EmuRequest, EmuResponse } from '../http';
import type { BedrockState } from './state';

export interface HandlerContext {
  state: BedrockState;
  req: EmuRequest;
  /** Decoded path labels, e.g. the job identifier. */
  params: string[];
  /** Duration given to new jobs (EmulatorOptions.jobDurationMs). */
  jobDurationMs: number;
}

export type Handler = (ctx: HandlerContext) => Promise<EmuResponse>;

export function jsonBody(req: EmuRequest): unknown {
  if (req.body.length === 0) return {};
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch {
    return undefined; // requireObject() then answers with a ValidationException
  }
}
