// The extension's settings, typed, with their defaults. No vscode import, so unit tests can check them
// against package.json's `contributes.configuration`.

/** Every setting the extension reads, with its type. Keys are relative to `bedrockCustomizer.`. */
export interface Settings {
  'profile': string;
  'region': string;
  'endpoints.bedrock': string;
  'endpoints.bedrockRuntime': string;
  'endpoints.s3': string;
  'endpoints.opensearchServerless': string;
  'maxAttempts': number;
  'cleanup.typeNameObjectThreshold': number;
  'cleanup.s3Prefixes': string[];
  'explorer.pollSeconds': number;
  'explorer.pageSize': number;
  'pricing.throughputHourlyNoCommitment': number;
  'pricing.throughputHourlyOneMonth': number;
  'pricing.throughputHourlySixMonths': number;
  'pricing.trainingPerRecordEpoch': number;
}

export const SECTION = 'bedrockCustomizer';

export const DEFAULTS: Settings = {
  'profile': '',
  'region': '',
  'endpoints.bedrock': '',
  'endpoints.bedrockRuntime': '',
  'endpoints.s3': '',
  'endpoints.opensearchServerless': '',
  'maxAttempts': 8,
  'cleanup.typeNameObjectThreshold': 1000,
  'cleanup.s3Prefixes': [],
  'explorer.pollSeconds': 10,
  'explorer.pageSize': 50,
  'pricing.throughputHourlyNoCommitment': 0,
  'pricing.throughputHourlyOneMonth': 0,
  'pricing.throughputHourlySixMonths': 0,
  'pricing.trainingPerRecordEpoch': 0,
};
