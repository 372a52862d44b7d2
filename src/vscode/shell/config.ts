import * as vscode from 'vscode';
import { DEFAULTS, SECTION, type Settings } from './settings';

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
