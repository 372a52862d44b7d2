// package.json is the extension's contract with VS Code: check the conventions the product card fixes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULTS, ENDPOINT_KEYS, SECTION } from '../../../src/vscode/shell/settings';
import { VERSION } from '../../../src/core/version';

// out/test/unit/foundation -> repository root
const root = path.join(__dirname, '..', '..', '..', '..');
interface Manifest {
  name: string; version: string; displayName: string; main: string; bin: Record<string, string>;
  engines: { vscode: string }; activationEvents: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { default: unknown; markdownDescription?: string; scope?: string }> };
  };
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

test('names and engine are the ones the product card fixes', () => {
  assert.equal(manifest.name, 'bedrock-mm-customizer');
  assert.equal(manifest.displayName, 'Bedrock Multimodal Customizer');
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.equal(manifest.bin['bedrock-mm'], './dist/cli.js');
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(VERSION, manifest.version, 'src/core/version.ts follows package.json');
});

test('activation is narrow: no "*" and no onStartupFinished', () => {
  assert.ok(manifest.activationEvents.includes('onLanguage:jsonl'));
  assert.ok(manifest.activationEvents.includes('workspaceContains:**/*.bedrock-job.json'));
  for (const e of manifest.activationEvents) assert.ok(e !== '*' && e !== 'onStartupFinished', `eager activation event ${e}`);
});

test('every command is in the "Bedrock Customizer" category with an id under bedrockCustomizer.', () => {
  assert.ok(manifest.contributes.commands.length > 0);
  for (const c of manifest.contributes.commands) {
    assert.equal(c.category, 'Bedrock Customizer', `${c.command} category`);
    assert.match(c.command, /^bedrockCustomizer\.[A-Za-z.]+$/);
  }
});

test('the activity-bar container bedrockCustomizer holds the explorer views', () => {
  assert.ok(manifest.contributes.viewsContainers.activitybar.some((c) => c.id === 'bedrockCustomizer'));
  const views = (manifest.contributes.views['bedrockCustomizer'] ?? []).map((v) => v.id);
  for (const id of ['bedrockCustomizer.jobs', 'bedrockCustomizer.models', 'bedrockCustomizer.throughputs']) {
    assert.ok(views.includes(id), `${id} is contributed`);
  }
});

test('contributed settings and the typed Config defaults are the same set with the same defaults', () => {
  const contributed = manifest.contributes.configuration.properties;
  const declared = Object.keys(contributed).map((k) => k.slice(SECTION.length + 1)).sort();
  assert.deepEqual(declared, Object.keys(DEFAULTS).sort());
  for (const [key, value] of Object.entries(DEFAULTS)) {
    const property = contributed[`${SECTION}.${key}`];
    assert.deepEqual(property?.default, value, `default of ${key}`);
    assert.ok(property?.markdownDescription, `${key} has a markdownDescription`);
  }
});

test('untrusted workspaces: limited, and a folder cannot set where requests go, what Clean Up takes or what things cost', () => {
  const trust = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(trust?.supported, 'limited');
  assert.ok(trust?.description && trust.description.length > 40, 'says what is limited');
  const restricted = new Set(trust?.restrictedConfigurations ?? []);
  const contributed = manifest.contributes.configuration.properties;
  const guarded = Object.keys(DEFAULTS).filter((k) => /^(endpoints|cleanup|pricing)\./.test(k) || k === 'profile' || k === 'region');
  assert.ok(guarded.length >= 14, `the endpoint, clean-up and pricing settings (${guarded.length})`);
  for (const key of guarded) {
    assert.ok(restricted.has(`${SECTION}.${key}`), `${key} is in restrictedConfigurations`);
    const scope = contributed[`${SECTION}.${key}`]?.scope;
    assert.ok(scope !== undefined && scope !== 'resource' && scope !== 'language-overridable', `${key} has an explicit scope that is not per folder (got ${scope})`);
  }
  for (const key of restricted) assert.ok(key.slice(SECTION.length + 1) in DEFAULTS, `${key} is a real setting`);
  // `window`, not `machine(-overridable)`: code-server and remote windows ignore machine-scoped user settings.
  for (const key of ENDPOINT_KEYS) assert.equal(contributed[`${SECTION}.${key}`]?.scope, 'window', `${key}: one endpoint per window`);
  assert.deepEqual([...ENDPOINT_KEYS].sort(), Object.keys(DEFAULTS).filter((k) => k.startsWith('endpoints.')).sort(), 'ENDPOINT_KEYS lists every endpoint setting');
});
