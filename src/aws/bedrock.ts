import {
  BedrockClient,
  CreateModelCustomizationJobCommand,
  CreateModelInvocationJobCommand,
  CreateProvisionedModelThroughputCommand,
  DeleteCustomModelCommand,
  DeleteProvisionedModelThroughputCommand,
  GetCustomModelCommand,
  GetFoundationModelCommand,
  GetModelCustomizationJobCommand,
  GetModelInvocationJobCommand,
  GetProvisionedModelThroughputCommand,
  ListCustomModelsCommand,
  ListModelCustomizationJobsCommand,
  ListModelInvocationJobsCommand,
  ListProvisionedModelThroughputsCommand,
  ListTagsForResourceCommand,
  StopModelCustomizationJobCommand,
  StopModelInvocationJobCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateProvisionedModelThroughputCommand,
  type CreateModelCustomizationJobRequest,
  type CreateModelInvocationJobRequest,
  type GetModelInvocationJobResponse,
  type ListModelInvocationJobsRequest,
  type ModelInvocationJobSummary,
  type CreateProvisionedModelThroughputRequest,
  type CustomModelSummary,
  type FoundationModelDetails,
  type GetCustomModelResponse,
  type GetModelCustomizationJobResponse,
  type GetProvisionedModelThroughputResponse,
  type ListCustomModelsRequest,
  type ListModelCustomizationJobsRequest,
  type ListProvisionedModelThroughputsRequest,
  type ModelCustomizationJobSummary,
  type ProvisionedModelSummary,
  type Tag,
} from '@aws-sdk/client-bedrock';
import { callAws } from './errors';
import { iteratePages, type Page } from './pages';

export type {
  CreateModelCustomizationJobRequest,
  CreateModelInvocationJobRequest,
  GetModelInvocationJobResponse,
  ModelInvocationJobSummary,
  CreateProvisionedModelThroughputRequest,
  CustomModelSummary,
  FoundationModelDetails,
  GetCustomModelResponse,
  GetModelCustomizationJobResponse,
  GetProvisionedModelThroughputResponse,
  ModelCustomizationJobSummary,
  ProvisionedModelSummary,
  Tag,
};

/** Filters of the List calls (everything but the paging fields). */
export type JobFilter = Omit<ListModelCustomizationJobsRequest, 'nextToken'>;
export type CustomModelFilter = Omit<ListCustomModelsRequest, 'nextToken'>;
export type ThroughputFilter = Omit<ListProvisionedModelThroughputsRequest, 'nextToken'>;
export type InvocationJobFilter = Omit<ListModelInvocationJobsRequest, 'nextToken'>;

/** Who is calling, for error messages. */
export interface CallScope {
  readonly profile: string | undefined;
  readonly region: string;
}

/**
 * The Bedrock control plane for customization: jobs, custom models, provisioned throughput, tags and
 * foundation-model lookup. Each method is exactly one API call; `list*` walk pages lazily, `list*Page` fetch one.
 */
export class BedrockControlPlane {
  constructor(private readonly client: BedrockClient, private readonly scope: CallScope) {}

  // ---- customization jobs
  async createJob(input: CreateModelCustomizationJobRequest): Promise<{ jobArn: string }> {
    const out = await this.call('CreateModelCustomizationJob', input.jobName, () => this.client.send(new CreateModelCustomizationJobCommand(input)));
    return { jobArn: out.jobArn ?? '' };
  }

  getJob(jobIdentifier: string): Promise<GetModelCustomizationJobResponse> {
    return this.call('GetModelCustomizationJob', jobIdentifier, () => this.client.send(new GetModelCustomizationJobCommand({ jobIdentifier })));
  }

  async listJobsPage(filter: JobFilter = {}, nextToken?: string): Promise<Page<ModelCustomizationJobSummary>> {
    const out = await this.call('ListModelCustomizationJobs', undefined, () => this.client.send(new ListModelCustomizationJobsCommand({ ...filter, nextToken })));
    return { items: out.modelCustomizationJobSummaries ?? [], nextToken: out.nextToken };
  }

  listJobs(filter: JobFilter = {}): AsyncGenerator<ModelCustomizationJobSummary> {
    return iteratePages((token) => this.listJobsPage(filter, token));
  }

  async stopJob(jobIdentifier: string): Promise<void> {
    await this.call('StopModelCustomizationJob', jobIdentifier, () => this.client.send(new StopModelCustomizationJobCommand({ jobIdentifier })));
  }

  // ---- batch inference (model invocation) jobs
  async createInvocationJob(input: CreateModelInvocationJobRequest): Promise<{ jobArn: string }> {
    const out = await this.call('CreateModelInvocationJob', input.jobName, () => this.client.send(new CreateModelInvocationJobCommand(input)));
    return { jobArn: out.jobArn ?? '' };
  }

  getInvocationJob(jobIdentifier: string): Promise<GetModelInvocationJobResponse> {
    return this.call('GetModelInvocationJob', jobIdentifier, () => this.client.send(new GetModelInvocationJobCommand({ jobIdentifier })));
  }

  async listInvocationJobsPage(filter: InvocationJobFilter = {}, nextToken?: string): Promise<Page<ModelInvocationJobSummary>> {
    const out = await this.call('ListModelInvocationJobs', undefined, () => this.client.send(new ListModelInvocationJobsCommand({ ...filter, nextToken })));
    return { items: out.invocationJobSummaries ?? [], nextToken: out.nextToken };
  }

  listInvocationJobs(filter: InvocationJobFilter = {}): AsyncGenerator<ModelInvocationJobSummary> {
    return iteratePages((token) => this.listInvocationJobsPage(filter, token));
  }

  async stopInvocationJob(jobIdentifier: string): Promise<void> {
    await this.call('StopModelInvocationJob', jobIdentifier, () => this.client.send(new StopModelInvocationJobCommand({ jobIdentifier })));
  }

  // ---- custom models
  async listCustomModelsPage(filter: CustomModelFilter = {}, nextToken?: string): Promise<Page<CustomModelSummary>> {
    const out = await this.call('ListCustomModels', undefined, () => this.client.send(new ListCustomModelsCommand({ ...filter, nextToken })));
    return { items: out.modelSummaries ?? [], nextToken: out.nextToken };
  }

  listCustomModels(filter: CustomModelFilter = {}): AsyncGenerator<CustomModelSummary> {
    return iteratePages((token) => this.listCustomModelsPage(filter, token));
  }

  getCustomModel(modelIdentifier: string): Promise<GetCustomModelResponse> {
    return this.call('GetCustomModel', modelIdentifier, () => this.client.send(new GetCustomModelCommand({ modelIdentifier })));
  }

  /** Fails with kind `conflict` while a provisioned throughput still uses the model. */
  async deleteCustomModel(modelIdentifier: string): Promise<void> {
    await this.call('DeleteCustomModel', modelIdentifier, () => this.client.send(new DeleteCustomModelCommand({ modelIdentifier })));
  }

  // ---- provisioned throughput
  async createProvisionedThroughput(input: CreateProvisionedModelThroughputRequest): Promise<{ provisionedModelArn: string }> {
    const out = await this.call('CreateProvisionedModelThroughput', input.provisionedModelName, () => this.client.send(new CreateProvisionedModelThroughputCommand(input)));
    return { provisionedModelArn: out.provisionedModelArn ?? '' };
  }

  getProvisionedThroughput(provisionedModelId: string): Promise<GetProvisionedModelThroughputResponse> {
    return this.call('GetProvisionedModelThroughput', provisionedModelId, () => this.client.send(new GetProvisionedModelThroughputCommand({ provisionedModelId })));
  }

  async listProvisionedThroughputsPage(filter: ThroughputFilter = {}, nextToken?: string): Promise<Page<ProvisionedModelSummary>> {
    const out = await this.call('ListProvisionedModelThroughputs', undefined, () => this.client.send(new ListProvisionedModelThroughputsCommand({ ...filter, nextToken })));
    return { items: out.provisionedModelSummaries ?? [], nextToken: out.nextToken };
  }

  listProvisionedThroughputs(filter: ThroughputFilter = {}): AsyncGenerator<ProvisionedModelSummary> {
    return iteratePages((token) => this.listProvisionedThroughputsPage(filter, token));
  }

  async updateProvisionedThroughput(provisionedModelId: string, change: { desiredProvisionedModelName?: string; desiredModelId?: string }): Promise<void> {
    await this.call('UpdateProvisionedModelThroughput', provisionedModelId, () => this.client.send(new UpdateProvisionedModelThroughputCommand({ provisionedModelId, ...change })));
  }

  async deleteProvisionedThroughput(provisionedModelId: string): Promise<void> {
    await this.call('DeleteProvisionedModelThroughput', provisionedModelId, () => this.client.send(new DeleteProvisionedModelThroughputCommand({ provisionedModelId })));
  }

  // ---- foundation models and tags
  async getFoundationModel(modelIdentifier: string): Promise<FoundationModelDetails | undefined> {
    const out = await this.call('GetFoundationModel', modelIdentifier, () => this.client.send(new GetFoundationModelCommand({ modelIdentifier })));
    return out.modelDetails;
  }

  async tagResource(resourceARN: string, tags: Tag[]): Promise<void> {
    await this.call('TagResource', resourceARN, () => this.client.send(new TagResourceCommand({ resourceARN, tags })));
  }

  async untagResource(resourceARN: string, tagKeys: string[]): Promise<void> {
    await this.call('UntagResource', resourceARN, () => this.client.send(new UntagResourceCommand({ resourceARN, tagKeys })));
  }

  async listTagsForResource(resourceARN: string): Promise<Tag[]> {
    const out = await this.call('ListTagsForResource', resourceARN, () => this.client.send(new ListTagsForResourceCommand({ resourceARN })));
    return out.tags ?? [];
  }

  private call<T>(operation: string, resource: string | undefined, send: () => Promise<T>): Promise<T> {
    return callAws({ action: `bedrock:${operation}`, resource, profile: this.scope.profile, region: this.scope.region }, send);
  }
}
