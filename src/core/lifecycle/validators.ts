// Pure validators for the launch wizard and the job-spec file. Each returns undefined when the value is fine, or a
// message saying what is wrong and what is allowed (shown inline as the user types). Ranges from
// docs/reference/bedrock-tmme.md §2 and §4.1.

import { parseS3Uri } from '../awsRules/s3Uri';
import { bucketNameProblem } from '../awsRules/s3Rules';

export type Check = (value: string) => string | undefined;

const JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/;
const MODEL_NAME = /^([0-9a-zA-Z][_-]?){1,63}$/;
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@\-/]{1,512}$/;

export const HYPERPARAMETER_LIMITS = {
  epochCount: { min: 1, max: 100 },
  batchSize: { min: 256, max: 9216, default: 576 },
  learningRate: { min: 5e-8, max: 1, default: 5e-5 },
} as const;

export const validateJobName: Check = (v) => {
  if (v.length === 0) return 'A job name is required.';
  if (v.length > 63) return `A job name has at most 63 characters (this one has ${v.length}).`;
  if (!JOB_NAME.test(v)) return 'Use letters, digits, "-", "+" and "."; start with a letter or digit.';
  return undefined;
};

export const validateCustomModelName: Check = (v) => {
  if (v.length === 0) return 'A custom model name is required.';
  if (v.length > 63) return `A model name has at most 63 characters (this one has ${v.length}).`;
  if (!MODEL_NAME.test(v)) return 'Use letters and digits, each optionally followed by one "_" or "-"; start with a letter or digit.';
  return undefined;
};

/** An integer 1-100, or `Auto` (any case: AWS's workshop sent lowercase `auto`). */
export const validateEpochCount: Check = (v) => {
  const t = v.trim();
  if (t.toLowerCase() === 'auto') return undefined;
  const { min, max } = HYPERPARAMETER_LIMITS.epochCount;
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) return `Epoch count: a whole number from ${min} to ${max}, or Auto.`;
  return undefined;
};

export const validateBatchSize: Check = (v) => {
  const { min, max } = HYPERPARAMETER_LIMITS.batchSize;
  const t = v.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) return `Batch size: a whole number from ${min} to ${max} (default ${HYPERPARAMETER_LIMITS.batchSize.default}).`;
  return undefined;
};

export const validateLearningRate: Check = (v) => {
  const { min, max } = HYPERPARAMETER_LIMITS.learningRate;
  const t = v.trim();
  const n = Number(t);
  if (t === '' || !/^[0-9.eE+-]+$/.test(t) || !Number.isFinite(n) || n < min || n > max) {
    return `Learning rate: a number from ${min.toExponential()} to ${max} (default ${HYPERPARAMETER_LIMITS.learningRate.default.toExponential()}).`;
  }
  return undefined;
};

export const validateS3Uri: Check = (v) => {
  if (!v.startsWith('s3://')) return 'An S3 URI starts with s3:// (for example s3://my-bucket/data/train.jsonl).';
  const bucketProblem = bucketNameProblem(parseS3Uri(v)?.bucket ?? '');
  return bucketProblem ? `Not a valid S3 URI: ${bucketProblem}.` : undefined;
};

/** An S3 URI naming an object (not just a bucket or a prefix ending in "/"). */
export const validateS3ObjectUri: Check = (v) => {
  const base = validateS3Uri(v);
  if (base) return base;
  const key = parseS3Uri(v)?.key ?? '';
  if (key === '' || key.endsWith('/')) return 'Name the manifest file itself (s3://bucket/path/file.jsonl), not a folder.';
  return undefined;
};

export const validateRoleArn: Check = (v) => {
  if (!ROLE_ARN.test(v)) return 'An IAM role ARN looks like arn:aws:iam::123456789012:role/BedrockCustomizationRole.';
  return undefined;
};

/** Normalizes an epoch answer to what Bedrock receives ("Auto" or the integer as a string). */
export function normalizeEpochCount(v: string): string {
  const t = v.trim();
  return t.toLowerCase() === 'auto' ? 'Auto' : String(Number(t));
}

const THROUGHPUT_NAME = /^([0-9a-zA-Z][_-]?)+$/;

export const validateThroughputName: Check = (v) => {
  if (v.length === 0) return 'A name is required.';
  if (v.length > 63) return `A name has at most 63 characters (this one has ${v.length}).`;
  if (!THROUGHPUT_NAME.test(v)) return 'Use letters and digits, each optionally followed by one "_" or "-".';
  return undefined;
};

/** Model units: a whole number of at least 1 (the account's quota may allow fewer; Bedrock then says so). */
export const validateModelUnits: Check = (v) => {
  const t = v.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 1000) return 'Model units: a whole number from 1 (your quota may limit it).';
  return undefined;
};

/** Extra tags typed as `key=value, key=value`; empty is fine. */
export function parseTagList(v: string): { tags: Record<string, string>; error?: string } {
  const tags: Record<string, string> = {};
  for (const part of v.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq).trim() : '';
    if (key === '' || key.length > 128) return { tags, error: `"${part}" is not key=value (keys 1-128 characters).` };
    tags[key] = part.slice(eq + 1).trim();
  }
  return { tags };
}
