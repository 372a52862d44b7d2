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
  'compare.requestsPerMinute': number;
  'compare.concurrency': number;
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
  'compare.requestsPerMinute': 300,
  'compare.concurrency': 8,
};
