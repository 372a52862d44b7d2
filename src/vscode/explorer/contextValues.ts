// Every contextValue the explorer sets, in ONE enum; package.json menus match them by regex
// (e.g. `viewItem =~ /^bmc\.job\./` for every job, `viewItem == bmc.job.inProgress` for Stop).

export enum ContextValue {
  JobInProgress = 'bmc.job.inProgress',
  JobStopping = 'bmc.job.stopping',
  JobCompleted = 'bmc.job.completed',
  JobFailed = 'bmc.job.failed',
  JobStopped = 'bmc.job.stopped',
  JobUnknown = 'bmc.job.unknown',
  ModelActive = 'bmc.model.active',
  ModelCreating = 'bmc.model.creating',
  ModelFailed = 'bmc.model.failed',
  ModelUnknown = 'bmc.model.unknown',
  ThroughputInService = 'bmc.throughput.inService',
  ThroughputCreating = 'bmc.throughput.creating',
  ThroughputUpdating = 'bmc.throughput.updating',
  ThroughputFailed = 'bmc.throughput.failed',
  ThroughputUnknown = 'bmc.throughput.unknown',
  BatchJobSubmitted = 'bmc.batchJob.submitted',
  BatchJobValidating = 'bmc.batchJob.validating',
  BatchJobScheduled = 'bmc.batchJob.scheduled',
  BatchJobInProgress = 'bmc.batchJob.inProgress',
  BatchJobStopping = 'bmc.batchJob.stopping',
  BatchJobCompleted = 'bmc.batchJob.completed',
  BatchJobPartiallyCompleted = 'bmc.batchJob.partiallyCompleted',
  BatchJobFailed = 'bmc.batchJob.failed',
  BatchJobStopped = 'bmc.batchJob.stopped',
  BatchJobExpired = 'bmc.batchJob.expired',
  BatchJobUnknown = 'bmc.batchJob.unknown',
  SubStep = 'bmc.subStep',
  Info = 'bmc.info',
  Placeholder = 'bmc.placeholder',
  Error = 'bmc.error',
  LoadMore = 'bmc.loadMore',
}

type Kind = 'job' | 'model' | 'throughput' | 'batchJob';

const BY_STATUS: Record<Kind, Record<string, ContextValue>> = {
  job: {
    InProgress: ContextValue.JobInProgress, Stopping: ContextValue.JobStopping, Completed: ContextValue.JobCompleted,
    Failed: ContextValue.JobFailed, Stopped: ContextValue.JobStopped,
  },
  model: { Active: ContextValue.ModelActive, Creating: ContextValue.ModelCreating, Failed: ContextValue.ModelFailed },
  throughput: {
    InService: ContextValue.ThroughputInService, Creating: ContextValue.ThroughputCreating,
    Updating: ContextValue.ThroughputUpdating, Failed: ContextValue.ThroughputFailed,
  },
  batchJob: {
    Submitted: ContextValue.BatchJobSubmitted, Validating: ContextValue.BatchJobValidating, Scheduled: ContextValue.BatchJobScheduled,
    InProgress: ContextValue.BatchJobInProgress, Stopping: ContextValue.BatchJobStopping, Completed: ContextValue.BatchJobCompleted,
    PartiallyCompleted: ContextValue.BatchJobPartiallyCompleted, Failed: ContextValue.BatchJobFailed, Stopped: ContextValue.BatchJobStopped,
    Expired: ContextValue.BatchJobExpired,
  },
};
const UNKNOWN = { job: ContextValue.JobUnknown, model: ContextValue.ModelUnknown, throughput: ContextValue.ThroughputUnknown, batchJob: ContextValue.BatchJobUnknown };

export function contextValueFor(kind: Kind, status: string | undefined): ContextValue {
  return (status !== undefined ? BY_STATUS[kind][status] : undefined) ?? UNKNOWN[kind];
}
