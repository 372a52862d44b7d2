// `POST /seed` for Bedrock: put jobs, custom models and provisioned throughputs directly, in any state, so tests
// of views and clean-up need not run the lifecycle. Seeded records keep their status unless `frozen: false`.
// A seeded custom model given `trainingDataConfig.s3Uri` is fitted on that manifest, so InvokeModel through a
// seeded provisioned throughput answers as a fine-tuned model.
import { resourceId } from '../ids';
import { customModelArn, foundationModelArn, jobArn, provisionedModelArn, TMME_CUSTOMIZABLE_ID } from './arns';
import { seedBatchJobs } from './batchSeed';
import { validation } from './errors';
import type { BedrockState } from './state';
import type { JobRecord, ModelRecord, ThroughputRecord } from './types';

type Seed = Record<string, unknown>;

const time = (v: unknown, fallback: number): number => (typeof v === 'string' || typeof v === 'number' ? new Date(v).getTime() : fallback);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface SeedResult { jobArns: string[]; modelArns: string[]; provisionedModelArns: string[]; batchJobArns: string[] }

export async function seedBedrock(state: BedrockState, body: Seed, jobDurationMs: number): Promise<SeedResult> {
  const now = state.clock.now();
  const result: SeedResult = { jobArns: [], modelArns: [], provisionedModelArns: [], batchJobArns: [] };
  const list = (k: string): Seed[] => {
    const v = body[k];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw validation(`${k} must be a list`);
    return v as Seed[];
  };
  for (const s of list('customModels')) {
    const arn = str(s['modelArn']) ?? customModelArn(resourceId());
    const m: ModelRecord = {
      modelArn: arn,
      modelName: str(s['modelName']) ?? `seeded-model-${resourceId(6)}`,
      jobName: str(s['jobName']),
      jobArn: str(s['jobArn']),
      baseModelArn: str(s['baseModelArn']) ?? foundationModelArn(TMME_CUSTOMIZABLE_ID),
      customizationType: 'FINE_TUNING',
      modelKmsKeyArn: undefined,
      hyperParameters: (s['hyperParameters'] as Record<string, string>) ?? { epochCount: 'auto', batchSize: '256', learningRate: '0.00001' },
      trainingDataConfig: s['trainingDataConfig'] as ModelRecord['trainingDataConfig'],
      validationDataConfig: s['validationDataConfig'] as ModelRecord['validationDataConfig'],
      outputDataConfig: s['outputDataConfig'] as ModelRecord['outputDataConfig'],
      trainingLoss: typeof s['trainingLoss'] === 'number' ? s['trainingLoss'] : undefined,
      validationLoss: typeof s['validationLoss'] === 'number' ? s['validationLoss'] : undefined,
      creationTime: time(s['creationTime'], now),
      modelStatus: (str(s['modelStatus']) as ModelRecord['modelStatus']) ?? 'Active',
      failureMessage: str(s['failureMessage']),
      adapter: undefined,
    };
    // A seeded model with a training manifest behaves as fine-tuned on it (unless fitAdapter is false).
    if (m.trainingDataConfig?.s3Uri && s['fitAdapter'] !== false) {
      try {
        m.adapter = await state.fitFromManifest(m.trainingDataConfig.s3Uri);
      } catch (err) {
        throw validation(`Cannot fit the seeded model ${m.modelName}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    state.models.set(arn, m);
    result.modelArns.push(arn);
  }
  for (const s of list('jobs')) {
    const id = resourceId();
    const created = time(s['creationTime'], now);
    const status = (str(s['status']) as JobRecord['status']) ?? 'InProgress';
    const j: JobRecord = {
      jobArn: jobArn(id),
      jobId: id,
      jobName: str(s['jobName']) ?? `seeded-job-${id}`,
      outputModelName: str(s['customModelName']) ?? `seeded-model-${id}`,
      outputModelArn: str(s['outputModelArn']),
      clientRequestToken: undefined,
      roleArn: str(s['roleArn']) ?? 'arn:aws:iam::123456789012:role/BedrockCustomizationRole',
      baseModelArn: foundationModelArn(TMME_CUSTOMIZABLE_ID),
      customizationType: 'FINE_TUNING',
      hyperParameters: (s['hyperParameters'] as Record<string, string>) ?? { epochCount: 'auto', batchSize: '256', learningRate: '0.00001' },
      trainingDataConfig: (s['trainingDataConfig'] as JobRecord['trainingDataConfig']) ?? { s3Uri: 's3://bedrock-mm-demo/manifests/train.jsonl' },
      validationDataConfig: s['validationDataConfig'] as JobRecord['validationDataConfig'],
      outputDataConfig: (s['outputDataConfig'] as JobRecord['outputDataConfig']) ?? { s3Uri: 's3://bedrock-mm-demo/output/' },
      outputModelKmsKeyArn: undefined,
      vpcConfig: undefined,
      customModelTags: [],
      creationTime: created,
      lastModifiedTime: time(s['lastModifiedTime'], created),
      endTime: s['endTime'] === undefined ? (status === 'InProgress' || status === 'Stopping' ? undefined : created) : time(s['endTime'], now),
      status,
      failureMessage: str(s['failureMessage']),
      durationMs: jobDurationMs,
      stopRequestedAt: undefined,
      frozen: s['frozen'] !== false,
      trainingLoss: undefined,
      validationLoss: undefined,
    };
    state.jobs.set(j.jobArn, j);
    result.jobArns.push(j.jobArn);
  }
  for (const s of list('provisionedThroughputs')) {
    const arn = provisionedModelArn(resourceId());
    const modelArn = str(s['modelArn']) ?? result.modelArns[0] ?? [...state.models.keys()][0];
    if (!modelArn) throw validation('A seeded provisioned throughput needs modelArn (or a seeded custom model).');
    const created = time(s['creationTime'], now);
    const t: ThroughputRecord = {
      provisionedModelArn: arn,
      provisionedModelName: str(s['provisionedModelName']) ?? `seeded-pt-${resourceId(6)}`,
      modelArn,
      desiredModelArn: modelArn,
      foundationModelArn: foundationModelArn(TMME_CUSTOMIZABLE_ID),
      modelUnits: typeof s['modelUnits'] === 'number' ? s['modelUnits'] : 1,
      desiredModelUnits: typeof s['modelUnits'] === 'number' ? s['modelUnits'] : 1,
      commitmentDuration: str(s['commitmentDuration']) as ThroughputRecord['commitmentDuration'],
      commitmentExpirationTime: undefined,
      clientRequestToken: undefined,
      creationTime: created,
      lastModifiedTime: created,
      status: (str(s['status']) as ThroughputRecord['status']) ?? 'InService',
      failureMessage: str(s['failureMessage']),
      readyAt: created + state.options.throughputDurationMs,
      frozen: s['frozen'] !== false,
    };
    state.throughputs.set(arn, t);
    result.provisionedModelArns.push(arn);
  }
  // Models this emulated region does not offer: absent from the catalogue, refused by InvokeModel.
  const notOffered = body['notOffered'];
  if (notOffered !== undefined) {
    if (!Array.isArray(notOffered) || !notOffered.every((m) => typeof m === 'string')) throw validation('notOffered must be a list of model ids');
    for (const m of notOffered) state.notOffered.add(m);
  }
  result.batchJobArns = seedBatchJobs(state, body['batchJobs']);
  state.batch.recordFaults.seed(body['batchRecordFailures']);
  return result;
}
