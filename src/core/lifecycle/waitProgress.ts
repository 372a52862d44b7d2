// Progress of a job or throughput being waited on, as lines that suit a CI log: one line whenever the state or a
// sub-step changes, and otherwise at most one "still ..." line per minute. Pure: the CLI's poll loop feeds it
// snapshots and prints what it returns (no carriage-return animation, so a log stays readable).
import { TERMINAL_JOB_STATUSES } from './status';

export interface WaitSnapshot {
  /** The resource's status as AWS states it (InProgress, Completed, Creating, InService...). */
  status: string;
  /** Sub-steps in order (a job's validation, data processing, training), each with its status. */
  steps?: readonly { label: string; status: string }[];
  failureMessage?: string;
}

export type WaitOutcome = 'waiting' | 'done' | 'failed';

/** Job statuses: Completed is done; Failed and Stopped end the wait unsuccessfully. */
export function jobOutcome(status: string): WaitOutcome {
  if (status === 'Completed') return 'done';
  return TERMINAL_JOB_STATUSES.includes(status) ? 'failed' : 'waiting';
}

/** Throughput statuses: InService is done (and billing); Failed ends the wait. */
export function throughputOutcome(status: string): WaitOutcome {
  if (status === 'InService') return 'done';
  return status === 'Failed' ? 'failed' : 'waiting';
}

/** The sub-steps of a GetModelCustomizationJob answer (its statusDetails), in the order Bedrock runs them. */
export const JOB_SUB_STEPS = [
  ['Validation', 'validationDetails'],
  ['Data processing', 'dataProcessingDetails'],
  ['Training', 'trainingDetails'],
] as const;

export function jobSteps(details: Partial<Record<(typeof JOB_SUB_STEPS)[number][1], { status?: string | undefined } | undefined>> | undefined): { label: string; status: string }[] {
  if (!details) return [];
  return JOB_SUB_STEPS.filter(([, key]) => details[key] !== undefined).map(([label, key]) => ({ label, status: details[key]?.status ?? 'Unknown' }));
}

/** At most one line per this interval while nothing changes. */
export const QUIET_LINE_MS = 60_000;

const describe = (s: WaitSnapshot): string => {
  const steps = (s.steps ?? []).map((x) => `${x.label} ${x.status}`).join(', ');
  return steps ? `${s.status} (${steps})` : s.status;
};

const minutes = (ms: number): string => {
  const m = Math.floor(ms / 60_000);
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
};

export class ProgressLines {
  private last: string | undefined;
  private lastLineAt = 0;
  private readonly startedAt: number;

  constructor(private readonly subject: string, now: number) { this.startedAt = now; }

  /** The line to print for this snapshot at `now`, or undefined (nothing new, and under a minute since the last). */
  observe(s: WaitSnapshot, now: number): string | undefined {
    const text = describe(s);
    const elapsed = minutes(now - this.startedAt);
    if (text !== this.last) {
      this.last = text;
      this.lastLineAt = now;
      return `${this.subject}: ${text}${s.failureMessage ? `: ${s.failureMessage}` : ''} [${elapsed}]`;
    }
    if (now - this.lastLineAt >= QUIET_LINE_MS) {
      this.lastLineAt = now;
      return `${this.subject}: still ${text} [${elapsed}]`;
    }
    return undefined;
  }
}
