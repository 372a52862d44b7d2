import * as vscode from 'vscode';

/** Every setting the extension reads, with its type. Keys are relative to `bedrockCustomizer.`. */
export interface Settings {
  'profile': string;
  'region': string;
  'endpoints.bedrock': string;
  'endpoints.bedrockRuntime': string;
  'endpoints.s3': string;
  'endpoints.opensearchServerless': string;
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
  'maxAttempts': number;
}

const SECTION = 'bedrockCustomizer';

const DEFAULTS: Settings = {
  'profile': '',
  'region': '',
  'endpoints.bedrock': '',
  'endpoints.bedrockRuntime': '',
  'endpoints.s3': '',
  'endpoints.opensearchServerless': '',
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
  'maxAttempts': 8,
};

/**
 * The typed facade over the extension's settings: the only place that calls `getConfiguration`.
 * Values are read fresh on every `get` so a settings change is seen at once.
 */
export class Config {
  get<K extends keyof Settings>(key: K): Settings[K] {
    const value = vscode.workspace.getConfiguration(SECTION).get<Settings[K]>(key);
    return value === undefined || value === null ? DEFAULTS[key] : value;
  }

  async update<K extends keyof Settings>(key: K, value: Settings[K], target = vscode.ConfigurationTarget.Global): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update(key, value, target);
  }

  /** Fires with the keys (relative to the section) among `keys` that changed. */
  onDidChange(keys: readonly (keyof Settings)[], listener: (changed: (keyof Settings)[]) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      const changed = keys.filter((k) => e.affectsConfiguration(`${SECTION}.${k}`));
      if (changed.length > 0) listener(changed);
    });
  }
}
