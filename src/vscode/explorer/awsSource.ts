// ExplorerSource over the AWS layer: one AwsSession (profile + region + endpoints). Converts the SDK's shapes to
// the plain lifecycle records of src/core/lifecycle. Type-only imports from src/aws: values come via loadAws().
import type {
  AwsSession, CustomModelSummary, GetCustomModelResponse, GetModelCustomizationJobResponse, GetModelInvocationJobResponse,
  GetProvisionedModelThroughputResponse, ModelCustomizationJobSummary, ModelInvocationJobSummary, ProvisionedModelSummary,
} from '../../aws/index';
import type { BatchJobSummary, JobDetail, JobSummary, ModelSummary, SubStep, ThroughputSummary } from '../../core/lifecycle/types';
import { CREATED_BY_TAG } from '../../core/lifecycle/tags';
import { parseS3Uri } from '../../core/awsRules/s3Uri';
import { JOB_SUB_STEPS } from '../../core/lifecycle/waitProgress';
import type { AwsContext } from '../session/awsContext';
import type { ExplorerSource } from './source';

function jobSummary(j: ModelCustomizationJobSummary | GetModelCustomizationJobResponse): JobSummary {
  const out: JobSummary = { jobArn: j.jobArn ?? '', jobName: j.jobName ?? '', status: j.status ?? 'Unknown' };
  if (j.baseModelArn) out.baseModelArn = j.baseModelArn;
  if (j.creationTime) out.creationTime = new Date(j.creationTime);
  if (j.lastModifiedTime) out.lastModifiedTime = new Date(j.lastModifiedTime);
  if (j.endTime) out.endTime = new Date(j.endTime);
  const s = j as ModelCustomizationJobSummary;
  const d = j as GetModelCustomizationJobResponse;
  const modelArn = s.customModelArn ?? d.outputModelArn;
  const modelName = s.customModelName ?? d.outputModelName;
  if (modelArn) out.customModelArn = modelArn;
  if (modelName) out.customModelName = modelName;
  return out;
}

function subSteps(d: GetModelCustomizationJobResponse): SubStep[] {
  const details = d.statusDetails;
  if (!details) return [];
  // The one list of Bedrock's steps and their labels (the CLI's progress lines use it too).
  return JOB_SUB_STEPS.filter(([, key]) => details[key] !== undefined).map(([label, key]) => {
    const s = details[key];
    const step: SubStep = { label, status: s?.status ?? 'Unknown' };
    if (s?.creationTime) step.creationTime = new Date(s.creationTime);
    if (s?.lastModifiedTime) step.lastModifiedTime = new Date(s.lastModifiedTime);
    return step;
  });
}

export function jobDetail(d: GetModelCustomizationJobResponse): JobDetail {
  const out: JobDetail = { ...jobSummary(d), subSteps: subSteps(d), raw: d };
  if (d.failureMessage) out.failureMessage = d.failureMessage;
  if (d.roleArn) out.roleArn = d.roleArn;
  if (d.hyperParameters) out.hyperParameters = d.hyperParameters;
  if (d.trainingDataConfig?.s3Uri) out.trainingDataUri = d.trainingDataConfig.s3Uri;
  const validators = d.validationDataConfig?.validators?.map((v) => v.s3Uri ?? '').filter((u) => u !== '');
  if (validators && validators.length > 0) out.validationDataUris = validators;
  if (d.outputDataConfig?.s3Uri) out.outputDataUri = d.outputDataConfig.s3Uri;
  if (d.outputModelArn) out.outputModelArn = d.outputModelArn;
  if (d.outputModelName) out.outputModelName = d.outputModelName;
  if (d.trainingMetrics?.trainingLoss !== undefined) out.trainingLoss = d.trainingMetrics.trainingLoss;
  return out;
}

function modelSummary(m: CustomModelSummary | GetCustomModelResponse): ModelSummary {
  const out: ModelSummary = { modelArn: m.modelArn ?? '', modelName: m.modelName ?? '' };
  if (m.baseModelArn) out.baseModelArn = m.baseModelArn;
  if ((m as CustomModelSummary).baseModelName) out.baseModelName = (m as CustomModelSummary).baseModelName ?? '';
  if (m.creationTime) out.creationTime = new Date(m.creationTime);
  const g = m as GetCustomModelResponse;
  if (g.modelStatus) out.modelStatus = g.modelStatus;
  if (g.trainingMetrics?.trainingLoss !== undefined) out.trainingLoss = g.trainingMetrics.trainingLoss;
  if (g.jobArn) out.jobArn = g.jobArn;
  return out;
}

function throughput(t: ProvisionedModelSummary | GetProvisionedModelThroughputResponse): ThroughputSummary {
  const out: ThroughputSummary = {
    provisionedModelArn: t.provisionedModelArn ?? '', provisionedModelName: t.provisionedModelName ?? '',
    modelArn: t.modelArn ?? '', status: t.status ?? 'Unknown',
  };
  if (t.modelUnits !== undefined) out.modelUnits = t.modelUnits;
  if (t.desiredModelUnits !== undefined) out.desiredModelUnits = t.desiredModelUnits;
  if (t.commitmentDuration) out.commitmentDuration = t.commitmentDuration;
  if (t.commitmentExpirationTime) out.commitmentExpirationTime = new Date(t.commitmentExpirationTime);
  if (t.creationTime) out.creationTime = new Date(t.creationTime);
  if (t.lastModifiedTime) out.lastModifiedTime = new Date(t.lastModifiedTime);
  const g = t as GetProvisionedModelThroughputResponse;
  if (g.failureMessage) out.failureMessage = g.failureMessage;
  return out;
}

function batchJob(j: ModelInvocationJobSummary | GetModelInvocationJobResponse): BatchJobSummary {
  const out: BatchJobSummary = { jobArn: j.jobArn ?? '', jobName: j.jobName ?? '', modelId: j.modelId ?? '', status: j.status ?? 'Unknown' };
  if (j.message) out.message = j.message;
  if (j.submitTime) out.submitTime = new Date(j.submitTime);
  if (j.lastModifiedTime) out.lastModifiedTime = new Date(j.lastModifiedTime);
  if (j.endTime) out.endTime = new Date(j.endTime);
  for (const k of ['totalRecordCount', 'processedRecordCount', 'successRecordCount', 'errorRecordCount'] as const) {
    const v = j[k];
    if (v !== undefined) out[k] = v;
  }
  const input = j.inputDataConfig?.s3InputDataConfig?.s3Uri;
  const output = j.outputDataConfig?.s3OutputDataConfig?.s3Uri;
  if (input) out.inputDataUri = input;
  if (output) out.outputDataUri = output;
  return out;
}

function location(uri: string): { bucket: string; key: string } {
  const loc = parseS3Uri(uri);
  if (!loc) throw new Error(`Not an S3 URI: ${uri}`);
  return loc;
}

export class AwsExplorerSource implements ExplorerSource {
  /** `errors` translates failures (and updates the credential state the status bar and welcome view show). */
  constructor(private readonly session: AwsSession, private readonly errors: Pick<AwsContext, 'toUserError'>) {}

  get region(): string { return this.session.region; }

  async listJobs(nextToken: string | undefined, pageSize: number) {
    const page = await this.session.bedrock.listJobsPage({ maxResults: pageSize, sortBy: 'CreationTime', sortOrder: 'Descending' }, nextToken);
    return { items: page.items.map(jobSummary), nextToken: page.nextToken };
  }

  async getJob(jobArn: string) { return jobDetail(await this.session.bedrock.getJob(jobArn)); }
  stopJob(jobArn: string) { return this.session.bedrock.stopJob(jobArn); }

  async createJob(request: Parameters<ExplorerSource['createJob']>[0]) {
    return (await this.session.bedrock.createJob(request)).jobArn;
  }

  async listRoles() {
    const roles = [];
    for await (const r of this.session.iam.listRoles(1000)) roles.push(r); // 1000: the most IAM returns per page
    return roles;
  }

  async listModels(nextToken: string | undefined, pageSize: number) {
    const page = await this.session.bedrock.listCustomModelsPage({ maxResults: pageSize, sortBy: 'CreationTime', sortOrder: 'Descending' }, nextToken);
    return { items: page.items.map(modelSummary), nextToken: page.nextToken };
  }

  async getModel(modelArn: string) { return modelSummary(await this.session.bedrock.getCustomModel(modelArn)); }
  deleteModel(modelArn: string) { return this.session.bedrock.deleteCustomModel(modelArn); }

  async listThroughputs(nextToken: string | undefined, pageSize: number) {
    const page = await this.session.bedrock.listProvisionedThroughputsPage({ maxResults: pageSize, sortBy: 'CreationTime', sortOrder: 'Descending' }, nextToken);
    return { items: page.items.map(throughput), nextToken: page.nextToken };
  }

  async throughputsForModel(modelArn: string) {
    const out: ThroughputSummary[] = [];
    for await (const t of this.session.bedrock.listProvisionedThroughputs({ modelArnEquals: modelArn, maxResults: 100 })) {
      // Filter again: a service that ignores the filter must not attach other models' throughputs.
      if (t.modelArn === modelArn) out.push(throughput(t));
    }
    return out;
  }

  async getThroughput(arn: string) { return throughput(await this.session.bedrock.getProvisionedThroughput(arn)); }

  async createThroughput(request: Parameters<ExplorerSource['createThroughput']>[0]) {
    return (await this.session.bedrock.createProvisionedThroughput(request)).provisionedModelArn;
  }

  deleteThroughput(arn: string) { return this.session.bedrock.deleteProvisionedThroughput(arn); }

  async listBatchJobs(nextToken: string | undefined, pageSize: number) {
    const page = await this.session.bedrock.listInvocationJobsPage({ maxResults: pageSize, sortBy: 'CreationTime', sortOrder: 'Descending' }, nextToken);
    return { items: page.items.map(batchJob), nextToken: page.nextToken };
  }

  async getBatchJob(jobArn: string) { return batchJob(await this.session.bedrock.getInvocationJob(jobArn)); }
  stopBatchJob(jobArn: string) { return this.session.bedrock.stopInvocationJob(jobArn); }

  async hasOurTag(arn: string) {
    return (await this.session.bedrock.listTagsForResource(arn)).some((t) => t.key === CREATED_BY_TAG.key && t.value === CREATED_BY_TAG.value);
  }

  async listS3Keys(uri: string, limit: number) {
    const { bucket, key } = location(uri);
    const keys: string[] = [];
    for await (const o of this.session.s3.listObjects({ bucket, prefix: key })) {
      keys.push(o.key);
      if (keys.length >= limit) break;
    }
    return keys;
  }

  getS3Text(uri: string) {
    const { bucket, key } = location(uri);
    return this.session.s3.getObjectText(bucket, key);
  }

  putText(uri: string, text: string) {
    const { bucket, key } = location(uri);
    return this.session.s3.putObject(bucket, key, text, 'application/jsonl');
  }

  s3ObjectExists(uri: string) {
    const { bucket, key } = location(uri);
    return this.session.s3.objectExists(bucket, key);
  }

  async probeWritable(uri: string) {
    const { bucket, key } = location(uri);
    try {
      await this.session.s3.probeWrite(bucket, key);
      return { writable: true };
    } catch (err) {
      return { writable: false, reason: this.describeError(err, `writing to ${uri}`) };
    }
  }

  describeError(err: unknown, context: string): string {
    return this.failure(err, context).message;
  }

  failure(err: unknown, context: string, prefix = ''): Error {
    const error = this.errors.toUserError(err, { action: context });
    const fix = error.details.fix;
    return new Error(`${prefix}${fix && !error.message.includes(fix) ? `${error.message} ${fix}` : error.message}`, { cause: error });
  }
}
