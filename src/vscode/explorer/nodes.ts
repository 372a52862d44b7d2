// The node kinds of the four trees. A resource node keeps its identity across refreshes (its data is replaced in
// place), so a change fires onDidChangeTreeData for that one node only.
import type { BatchJobSummary, JobDetail, JobSummary, ModelSummary, ThroughputSummary } from '../../core/lifecycle/types';
import { ContextValue } from './contextValues';

export type ResourceKindName = 'job' | 'model' | 'throughput' | 'batchJob';

/** A job's data is its list summary until a Get returned the detail (sub-steps, failure message, hyperparameters). */
export interface ResourceData { job: JobSummary | JobDetail; model: ModelSummary; throughput: ThroughputSummary; batchJob: BatchJobSummary }

export function jobDetailOf(data: JobSummary | JobDetail): JobDetail | undefined {
  return 'subSteps' in data ? data : undefined;
}

export class ResourceNode<K extends ResourceKindName = ResourceKindName> {
  readonly type = 'resource';
  constructor(readonly kind: K, public data: ResourceData[K], readonly parent?: ResourceNode) {}
  get arn(): string {
    const d = this.data as JobSummary & ModelSummary & ThroughputSummary;
    return this.kind === 'job' || this.kind === 'batchJob' ? d.jobArn : this.kind === 'model' ? d.modelArn : d.provisionedModelArn;
  }
  get name(): string {
    const d = this.data as JobSummary & ModelSummary & ThroughputSummary;
    return this.kind === 'job' || this.kind === 'batchJob' ? d.jobName : this.kind === 'model' ? d.modelName : d.provisionedModelName;
  }
}

/** A leaf that shows a fact: a job's sub-step, a model's training loss. */
export class InfoNode {
  readonly type = 'info';
  constructor(
    readonly label: string,
    readonly description: string,
    readonly icon: { id: string; color?: string },
    readonly contextValue: ContextValue,
    readonly tooltip?: string,
  ) {}
}

/** An empty list's placeholder ("No customization jobs") or a failure ("Failed to load ...") with retry. */
export class MessageNode {
  readonly type = 'message';
  constructor(
    readonly contextValue: ContextValue.Placeholder | ContextValue.Error,
    readonly label: string,
    readonly detail: string,
    /** What "Retry" re-runs. */
    readonly retry?: () => void,
    /** A placeholder's click action (e.g. "launch one"). */
    readonly command?: { command: string; title: string },
  ) {}
}

export class LoadMoreNode {
  readonly type = 'loadMore';
  constructor(readonly load: () => void) {}
}

export type ExplorerNode = ResourceNode | InfoNode | MessageNode | LoadMoreNode;
