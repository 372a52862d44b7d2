import * as vscode from 'vscode';
import { DEFAULTS, ENDPOINT_KEYS, SECTION, type Settings } from './settings';

export type { Settings };

/**
 * The typed facade over the extension's settings: the only place that calls `getConfiguration`.
 * Values are read fresh on every `get` so a settings change is seen at once.
 */
export class Config {
  get<K extends keyof Settings>(key: K): Settings[K] {
    const value = vscode.workspace.getConfiguration(SECTION).get<Settings[K]>(key);
    return value === undefined || value === null ? DEFAULTS[key] : value;
  }

  /**
   * The endpoints the user configured (non-empty endpoints.* values). In an untrusted workspace VS Code ignores the
   * workspace's values of these (package.json restrictedConfigurations), so they are the user's own.
   */
  endpoints(): string[] {
    return ENDPOINT_KEYS.map((k) => this.get(k).trim()).filter((v) => v !== '');
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
