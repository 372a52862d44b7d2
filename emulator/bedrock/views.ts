// Records -> wire shapes (docs/reference/bedrock-tmme.md 4.2 to 4.4). Times become ISO-8601 strings; absent values are
// omitted.
import { lastSegment } from './arns';
import { PHASES } from './state';
import type { JobRecord, ModelRecord, StepStatus, ThroughputRecord } from './types';

const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Sub-step statuses derived from the job's status and how far its simulated run has got. */
function statusDetails(job: JobRecord, now: number): object {
  // A failure belongs to the phase that was running just before endTime (data checks fail at validation's end).
  const at = job.stopRequestedAt ?? (job.status === 'Failed' && job.endTime !== undefined ? job.endTime - 1 : job.endTime ?? now);
  const f = (at - job.creationTime) / job.durationMs;
  const phase = f < PHASES.validationEnd ? 0 : f < PHASES.dataProcessingEnd ? 1 : 2;
  const step = (i: number): StepStatus => {
    if (job.status === 'Completed') return 'Completed';
    if (i < phase) return 'Completed';
    if (i > phase) return job.status === 'InProgress' ? 'NotStarted' : job.status === 'Failed' ? 'NotStarted' : 'Stopped';
    return job.status === 'InProgress' ? 'InProgress' : job.status;
  };
  const detail = (i: number): object => ({ status: step(i), creationTime: iso(job.creationTime), lastModifiedTime: iso(job.lastModifiedTime) });
  return { validationDetails: detail(0), dataProcessingDetails: detail(1), trainingDetails: detail(2) };
}

export function jobView(job: JobRecord, now: number): object {
  return clean({
    jobArn: job.jobArn,
    jobName: job.jobName,
    outputModelName: job.outputModelName,
    outputModelArn: job.outputModelArn,
    clientRequestToken: job.clientRequestToken,
    roleArn: job.roleArn,
    status: job.status,
    failureMessage: job.failureMessage,
    creationTime: iso(job.creationTime),
    lastModifiedTime: iso(job.lastModifiedTime),
    endTime: iso(job.endTime),
    baseModelArn: job.baseModelArn,
    hyperParameters: job.hyperParameters,
    trainingDataConfig: job.trainingDataConfig,
    validationDataConfig: job.validationDataConfig,
    outputDataConfig: job.outputDataConfig,
    customizationType: job.customizationType,
    outputModelKmsKeyArn: job.outputModelKmsKeyArn,
    trainingMetrics: job.trainingLoss === undefined ? undefined : { trainingLoss: job.trainingLoss },
    validationMetrics: job.validationLoss === undefined ? undefined : [{ validationLoss: job.validationLoss }],
    vpcConfig: job.vpcConfig,
    statusDetails: statusDetails(job, now),
  });
}

export function jobSummary(job: JobRecord, now: number): object {
  return clean({
    jobArn: job.jobArn,
    baseModelArn: job.baseModelArn,
    jobName: job.jobName,
    status: job.status,
    statusDetails: statusDetails(job, now),
    lastModifiedTime: iso(job.lastModifiedTime),
    creationTime: iso(job.creationTime),
    endTime: iso(job.endTime),
    customModelArn: job.outputModelArn,
    customModelName: job.outputModelName,
    customizationType: job.customizationType,
  });
}

export function modelView(m: ModelRecord): object {
  return clean({
    modelArn: m.modelArn,
    modelName: m.modelName,
    jobName: m.jobName,
    jobArn: m.jobArn,
    baseModelArn: m.baseModelArn,
    customizationType: m.customizationType,
    modelKmsKeyArn: m.modelKmsKeyArn,
    hyperParameters: m.hyperParameters,
    trainingDataConfig: m.trainingDataConfig,
    validationDataConfig: m.validationDataConfig,
    outputDataConfig: m.outputDataConfig,
    trainingMetrics: m.trainingLoss === undefined ? undefined : { trainingLoss: m.trainingLoss },
    validationMetrics: m.validationLoss === undefined ? undefined : [{ validationLoss: m.validationLoss }],
    creationTime: iso(m.creationTime),
    modelStatus: m.modelStatus,
    failureMessage: m.failureMessage,
  });
}

export function modelSummary(m: ModelRecord, ownerAccountId: string): object {
  return clean({
    modelArn: m.modelArn,
    modelName: m.modelName,
    creationTime: iso(m.creationTime),
    baseModelArn: m.baseModelArn,
    // The model's ModelName shape is a model id (`provider.name...`), not the display name.
    baseModelName: lastSegment(m.baseModelArn),
    customizationType: m.customizationType,
    ownerAccountId,
    modelStatus: m.modelStatus,
  });
}

export function throughputView(t: ThroughputRecord): object {
  return clean({
    modelUnits: t.modelUnits,
    desiredModelUnits: t.desiredModelUnits,
    provisionedModelName: t.provisionedModelName,
    provisionedModelArn: t.provisionedModelArn,
    modelArn: t.modelArn,
    desiredModelArn: t.desiredModelArn,
    foundationModelArn: t.foundationModelArn,
    status: t.status,
    creationTime: iso(t.creationTime),
    lastModifiedTime: iso(t.lastModifiedTime),
    failureMessage: t.failureMessage,
    commitmentDuration: t.commitmentDuration,
    commitmentExpirationTime: iso(t.commitmentExpirationTime),
  });
}

export function throughputSummary(t: ThroughputRecord): object {
  return clean({
    provisionedModelName: t.provisionedModelName,
    provisionedModelArn: t.provisionedModelArn,
    modelArn: t.modelArn,
    desiredModelArn: t.desiredModelArn,
    foundationModelArn: t.foundationModelArn,
    modelUnits: t.modelUnits,
    desiredModelUnits: t.desiredModelUnits,
    status: t.status,
    commitmentDuration: t.commitmentDuration,
    commitmentExpirationTime: iso(t.commitmentExpirationTime),
    creationTime: iso(t.creationTime),
    lastModifiedTime: iso(t.lastModifiedTime),
  });
}
