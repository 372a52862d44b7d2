// Status -> icon and colour, for every kind of item the explorer shows. Icon ids are VS Code codicons and colour
// ids theme colours, kept here as plain strings so the mapping is pure and tested directly.

export interface StatusLook {
  /** A codicon id (`loading~spin` spins). */
  icon: string;
  /** A theme colour id, or undefined for the default foreground. */
  color?: string;
  /** True while the resource is still changing by itself: the explorer polls only these. */
  inProgress: boolean;
}

const RUNNING: StatusLook = { icon: 'loading~spin', inProgress: true };
const STOPPING: StatusLook = { icon: 'loading~spin', color: 'charts.yellow', inProgress: true };
const SUCCESS: StatusLook = { icon: 'check', color: 'testing.iconPassed', inProgress: false };
const FAILED: StatusLook = { icon: 'error', color: 'testing.iconFailed', inProgress: false };
const STOPPED: StatusLook = { icon: 'circle-slash', color: 'disabledForeground', inProgress: false };
const UNKNOWN: StatusLook = { icon: 'question', inProgress: false };

const JOB: Record<string, StatusLook> = {
  InProgress: RUNNING, Completed: SUCCESS, Failed: FAILED, Stopping: STOPPING, Stopped: STOPPED,
};
const SUB_STEP: Record<string, StatusLook> = {
  NotStarted: { icon: 'circle-outline', color: 'disabledForeground', inProgress: false },
  InProgress: RUNNING, Completed: SUCCESS, Failed: FAILED, Stopping: STOPPING, Stopped: STOPPED,
};
const MODEL: Record<string, StatusLook> = {
  Active: { icon: 'symbol-class', color: 'testing.iconPassed', inProgress: false },
  Creating: RUNNING,
  Failed: FAILED,
};
const THROUGHPUT: Record<string, StatusLook> = {
  // In service means billing: a warm colour, so a forgotten one is noticed.
  InService: { icon: 'pulse', color: 'charts.orange', inProgress: false },
  Creating: RUNNING,
  Updating: RUNNING,
  Failed: FAILED,
};

// A batch inference job (ModelInvocationJobStatus): polled while it still moves, the same set as
// core/eval/batch/status.ts `isRunning` (test/unit/lifecycle/status.test.ts holds them equal).
const BATCH_JOB: Record<string, StatusLook> = {
  Submitted: { icon: 'cloud-upload', inProgress: true },
  Validating: { icon: 'checklist', inProgress: true },
  // Queued behind other jobs: nothing runs yet.
  Scheduled: { icon: 'watch', inProgress: true },
  InProgress: RUNNING,
  Stopping: STOPPING,
  Completed: SUCCESS,
  // Results to read, but some records failed: noticed, not alarming.
  PartiallyCompleted: { icon: 'warning', color: 'charts.yellow', inProgress: false },
  Failed: FAILED,
  Stopped: STOPPED,
  Expired: { icon: 'history', color: 'testing.iconFailed', inProgress: false },
};

export type StatusKind = 'job' | 'subStep' | 'model' | 'throughput' | 'batchJob';
const TABLES: Record<StatusKind, Record<string, StatusLook>> = { job: JOB, subStep: SUB_STEP, model: MODEL, throughput: THROUGHPUT, batchJob: BATCH_JOB };

/** The look of `status` for `kind`; an unknown status (AWS may add some) gets a question mark, never a throw. */
export function statusLook(kind: StatusKind, status: string | undefined): StatusLook {
  return (status !== undefined ? TABLES[kind][status] : undefined) ?? UNKNOWN;
}

/** Job statuses that end a job: the notification fires on entering one of these. */
export const TERMINAL_JOB_STATUSES: readonly string[] = ['Completed', 'Failed', 'Stopped'];

/** Batch inference job statuses that end a job: the notification fires on entering one of these. */
export const TERMINAL_BATCH_STATUSES: readonly string[] = ['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'];
