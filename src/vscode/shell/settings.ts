// The extension's settings, typed, with their defaults. No vscode import, so unit tests can check them
// against package.json's `contributes.configuration`.

import { DEFAULT_BATCH_LIMITS, DEFAULT_BATCH_THRESHOLD, type BatchLimits } from '../../core/eval/batch/limits';

/** Every setting the extension reads, with its type. Keys are relative to `bedrockCustomizer.`. */
export interface Settings {
  'profile': string;
  'region': string;
  'endpoints.bedrock': string;
  'endpoints.bedrockRuntime': string;
  'endpoints.s3': string;
  'endpoints.opensearchServerless': string;
  'endpoints.iam': string;
  'endpoints.sts': string;
  'endpoints.serviceQuotas': string;
  'maxAttempts': number;
  'manifest.include': string[];
  'manifest.role': 'auto' | 'training' | 'validation';
  'manifest.roles': Record<string, 'training' | 'validation'>;
  'manifest.maxDiagnostics': number;
  'manifest.s3Prefix': string;
  'manifest.maxImageMegabytes': 5 | 25;
  'manifest.minImageSide': 128 | 256;
  'manifest.deepCheckConcurrency': number;
  'manifest.captionTemplate': string;
  'manifest.uploadConcurrency': number;
  'manifest.validationFraction': number;
  'manifest.splitSeed': number;
  'compare.requestsPerMinute': number;
  'compare.concurrency': number;
  'compare.nearDuplicateDistance': number;
  'compare.batchThreshold': number;
  'compare.batchLimits': BatchLimits;
  'compare.batchPollSeconds': number;
  'cleanup.typeNameObjectThreshold': number;
  'cleanup.s3Prefixes': string[];
  'explorer.pollSeconds': number;
  'explorer.pageSize': number;
  'pricing.throughputHourlyNoCommitment': number;
  'pricing.throughputHourlyOneMonth': number;
  'pricing.throughputHourlySixMonths': number;
  'pricing.trainingPerRecordEpoch': number;
  'pricing.onDemandPerImage': number;
  'pricing.batchPerImage': number;
  'pricing.textPer1000Tokens': number;
  'pricing.nova.onDemandPerImage': number;
  'pricing.nova.batchPerImage': number;
  'pricing.nova.textPer1000Tokens': number;
  'pricing.cohere.onDemandPerImage': number;
  'pricing.cohere.textPer1000Tokens': number;
}

export const SECTION = 'bedrockCustomizer';

/** The endpoint overrides: the only non-AWS places a URL read from a workspace file may point at (endpointPolicy). */
export const ENDPOINT_KEYS = [
  'endpoints.bedrock', 'endpoints.bedrockRuntime', 'endpoints.s3', 'endpoints.opensearchServerless', 'endpoints.iam', 'endpoints.sts',
  'endpoints.serviceQuotas',
] as const satisfies readonly (keyof Settings)[];

export const DEFAULTS: Settings = {
  'profile': '',
  'region': '',
  'endpoints.bedrock': '',
  'endpoints.bedrockRuntime': '',
  'endpoints.s3': '',
  'endpoints.opensearchServerless': '',
  'endpoints.iam': '',
  'endpoints.sts': '',
  'endpoints.serviceQuotas': '',
  'maxAttempts': 8,
  'manifest.include': ['**/*train*.jsonl', '**/*valid*.jsonl', '**/*manifest*.jsonl'],
  'manifest.role': 'auto',
  'manifest.roles': {},
  'manifest.maxDiagnostics': 1000,
  'manifest.s3Prefix': '',
  'manifest.maxImageMegabytes': 5,
  'manifest.minImageSide': 128,
  'manifest.deepCheckConcurrency': 16,
  'manifest.captionTemplate': 'The letter {label} in sign language',
  'manifest.uploadConcurrency': 8,
  'manifest.validationFraction': 0.2,
  'manifest.splitSeed': 42,
  'compare.requestsPerMinute': 300,
  'compare.concurrency': 8,
  'compare.nearDuplicateDistance': 6,
  'compare.batchThreshold': DEFAULT_BATCH_THRESHOLD,
  'compare.batchLimits': { ...DEFAULT_BATCH_LIMITS },
  'compare.batchPollSeconds': 30,
  'cleanup.typeNameObjectThreshold': 1000,
  'cleanup.s3Prefixes': [],
  'explorer.pollSeconds': 10,
  'explorer.pageSize': 50,
  'pricing.throughputHourlyNoCommitment': 0,
  'pricing.throughputHourlyOneMonth': 0,
  'pricing.throughputHourlySixMonths': 0,
  'pricing.trainingPerRecordEpoch': 0,
  'pricing.onDemandPerImage': 0,
  'pricing.batchPerImage': 0,
  'pricing.textPer1000Tokens': 0,
  'pricing.nova.onDemandPerImage': 0,
  'pricing.nova.batchPerImage': 0,
  'pricing.nova.textPer1000Tokens': 0,
  'pricing.cohere.onDemandPerImage': 0,
  'pricing.cohere.textPer1000Tokens': 0,
};
