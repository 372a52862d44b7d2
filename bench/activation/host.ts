// Runs inside the real VS Code extension host: activates the extension, then loads the AWS layer bundle eagerly
// as the anchor (what activation would cost if it loaded the SDK), and writes both to the harness's results file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ExtensionApi | undefined>('bedrock-mm.bedrock-mm-customizer');
  if (!extension) throw new Error('extension not loaded');
  const api = await extension.activate();
  if (!api) throw new Error('no API: the extension gives one only in Test mode (run through the harness)');
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- measuring a runtime load on purpose
  require(path.join(extension.extensionPath, 'dist', 'aws.js'));
  const awsLoadMs = performance.now() - started;
  const out = process.env['BMC_TEST_RESULTS'];
  if (out) {
    fs.writeFileSync(out, JSON.stringify({
      passed: 1, failed: 0, tests: [],
      bench: { activationMs: api.testing.activationMs, awsLoadedAtActivation: api.testing.isAwsLoaded(), awsLoadMs },
    }));
  }
}
