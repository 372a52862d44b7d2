// "Launch Fine-Tuning...": the wizard's steps. Manifests come from the workspace (uploaded on launch) or S3;
// every typed value is checked as it is typed by the pure validators of src/core/lifecycle/validators.ts.
import { TMME_BASE_MODEL, type JobSpec } from '../../core/lifecycle/jobSpec';
import type { Choice, Step } from '../../core/lifecycle/steps';
import {
  HYPERPARAMETER_LIMITS, parseTagList, validateBatchSize, validateCustomModelName, validateEpochCount, validateJobName,
  validateLearningRate, validateRoleArn, validateS3ObjectUri, validateS3Uri,
} from '../../core/lifecycle/validators';

export interface WizardState {
  output?: string;
  training?: string;
  trainingUpload?: string;
  validation?: string;
  validationUpload?: string;
  roleArn?: string;
  jobName?: string;
  customModelName?: string;
  epochCount?: string;
  batchSize?: string;
  learningRate?: string;
  tags: Record<string, string>;
  finish?: WizardFinish;
  /** Set when the wizard starts from a manifest (its CodeLens): that step is not asked. */
  preset?: 'training' | 'validation';
}

export type WizardFinish = 'launch' | 'save' | 'saveAndLaunch';
export interface Upload { localUri: string; s3Uri: string }
export interface WizardResult { spec: JobSpec; uploads: Upload[]; finish: WizardFinish }

/** What the wizard needs from the editor: the workspace's .jsonl files (as URI strings and display names). */
export interface WizardEnv {
  workspaceManifests(): Promise<{ uri: string; name: string }[]>;
  lastRoleArn(): string | undefined;
}

const LOCAL = 'file:';
const NO_VALIDATION = '<none>';
const isLocal = (v: string | undefined): boolean => v !== undefined && v.startsWith(LOCAL);
const baseName = (uri: string): string => decodeURIComponent(uri.split('/').pop() ?? 'manifest.jsonl');
const joinS3 = (prefix: string, name: string): string => `${prefix.replace(/\/+$/, '')}/${name}`;

async function manifestChoices(env: WizardEnv, optional: boolean): Promise<Choice[]> {
  const files = await env.workspaceManifests();
  const out: Choice[] = files.map((f) => ({ label: `$(file) ${f.name}`, value: f.uri, description: 'workspace file: uploaded to S3 on launch' }));
  if (optional) out.push({ label: 'No validation set', value: NO_VALIDATION, description: 'not recommended: no validation loss' });
  return out;
}

export function launchSteps(env: WizardEnv): Step<WizardState>[] {
  const title = 'Launch Fine-Tuning (Titan Multimodal Embeddings)';
  return [
    {
      kind: 'text', id: 'output', title, prompt: 'S3 URI where Bedrock writes the job output (metrics)',
      placeholder: 's3://my-bucket/customization-output/', validate: validateS3Uri,
      initial: (s) => s.output ?? '', apply: (s, v) => { s.output = v; },
    },
    {
      kind: 'pick', id: 'training', title, placeholder: 'Training manifest: pick a workspace file, or type its S3 URI',
      choices: () => manifestChoices(env, false), custom: validateS3ObjectUri, skip: (s) => s.preset === 'training',
      apply: (s, v) => { s.training = v; },
    },
    {
      kind: 'text', id: 'trainingUpload', title, prompt: 'Upload the training manifest to this S3 URI',
      skip: (s) => !isLocal(s.training), validate: validateS3ObjectUri,
      initial: (s) => s.trainingUpload ?? joinS3(joinS3(s.output ?? 's3://bucket', 'manifests'), baseName(s.training ?? '')),
      apply: (s, v) => { s.trainingUpload = v; },
    },
    {
      kind: 'pick', id: 'validation', title, placeholder: 'Validation manifest (recommended): a workspace file, its S3 URI, or none',
      choices: () => manifestChoices(env, true), custom: validateS3ObjectUri, skip: (s) => s.preset === 'validation',
      apply: (s, v) => { s.validation = v; },
    },
    {
      kind: 'text', id: 'validationUpload', title, prompt: 'Upload the validation manifest to this S3 URI',
      skip: (s) => !isLocal(s.validation), validate: validateS3ObjectUri,
      initial: (s) => s.validationUpload ?? joinS3(joinS3(s.output ?? 's3://bucket', 'manifests'), baseName(s.validation ?? '')),
      apply: (s, v) => { s.validationUpload = v; },
    },
    {
      kind: 'text', id: 'roleArn', title, prompt: 'IAM service role Bedrock assumes (reads the data, writes the output; you need iam:PassRole)',
      placeholder: 'arn:aws:iam::123456789012:role/BedrockCustomizationRole', validate: validateRoleArn,
      initial: (s) => s.roleArn ?? env.lastRoleArn() ?? '', apply: (s, v) => { s.roleArn = v; },
    },
    {
      kind: 'text', id: 'jobName', title, prompt: 'Job name (letters, digits, "-", "+", "."; 1-63)', validate: validateJobName,
      initial: (s) => s.jobName ?? '', apply: (s, v) => { s.jobName = v; },
    },
    {
      kind: 'text', id: 'customModelName', title, prompt: 'Custom model name (letters and digits, single "_" or "-" between)',
      validate: validateCustomModelName,
      initial: (s) => s.customModelName ?? `${(s.jobName ?? 'model').replace(/[^0-9a-zA-Z_-]/g, '-').replace(/([_-])[_-]+/g, '$1')}-model`.slice(0, 63),
      apply: (s, v) => { s.customModelName = v; },
    },
    {
      kind: 'text', id: 'epochCount', title, prompt: `Epoch count: ${HYPERPARAMETER_LIMITS.epochCount.min}-${HYPERPARAMETER_LIMITS.epochCount.max}, or Auto (Bedrock picks from the data size)`,
      validate: validateEpochCount, initial: (s) => s.epochCount ?? 'Auto', apply: (s, v) => { s.epochCount = v; },
    },
    {
      kind: 'text', id: 'batchSize', title, prompt: `Batch size: ${HYPERPARAMETER_LIMITS.batchSize.min}-${HYPERPARAMETER_LIMITS.batchSize.max}`,
      validate: validateBatchSize, initial: (s) => s.batchSize ?? String(HYPERPARAMETER_LIMITS.batchSize.default), apply: (s, v) => { s.batchSize = v; },
    },
    {
      kind: 'text', id: 'learningRate', title, prompt: `Learning rate: ${HYPERPARAMETER_LIMITS.learningRate.min} to ${HYPERPARAMETER_LIMITS.learningRate.max}`,
      validate: validateLearningRate, initial: (s) => s.learningRate ?? String(HYPERPARAMETER_LIMITS.learningRate.default), apply: (s, v) => { s.learningRate = v; },
    },
    {
      kind: 'text', id: 'tags', title, prompt: 'Extra tags, key=value separated by commas (optional; created-by and the project tag are always added)',
      validate: (v) => parseTagList(v).error, initial: (s) => Object.entries(s.tags).map(([k, v]) => `${k}=${v}`).join(', '),
      apply: (s, v) => { s.tags = parseTagList(v).tags; },
    },
    {
      kind: 'pick', id: 'finish', title, placeholder: 'Launch now, or save these answers as a job-spec file?',
      choices: () => [
        { label: 'Launch', value: 'launch', description: 'run the pre-flight checks, then confirm' },
        { label: 'Save as Job Spec and Launch', value: 'saveAndLaunch' },
        { label: 'Save as Job Spec only', value: 'save', description: '*.bedrock-job.json, launch it later with its CodeLens' },
      ],
      apply: (s, v) => { s.finish = v as WizardFinish; },
    },
  ];
}

/** The answers as a job spec plus the uploads the launch must do first. */
export function wizardResult(s: WizardState): WizardResult {
  const uploads: Upload[] = [];
  const resolve = (choice: string | undefined, upload: string | undefined): string | undefined => {
    if (choice === undefined || choice === NO_VALIDATION) return undefined;
    if (!isLocal(choice)) return choice;
    uploads.push({ localUri: choice, s3Uri: upload ?? '' });
    return upload;
  };
  const trainingData = resolve(s.training, s.trainingUpload) ?? '';
  const validationData = resolve(s.validation, s.validationUpload);
  const spec: JobSpec = {
    jobName: s.jobName ?? '', customModelName: s.customModelName ?? '', roleArn: s.roleArn ?? '', baseModel: TMME_BASE_MODEL,
    trainingData, outputData: s.output ?? '',
    hyperParameters: { epochCount: s.epochCount ?? 'Auto', batchSize: s.batchSize ?? '576', learningRate: s.learningRate ?? '0.00005' },
    tags: s.tags,
  };
  if (validationData !== undefined) spec.validationData = validationData;
  return { spec, uploads, finish: s.finish ?? 'launch' };
}
