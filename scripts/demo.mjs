// `npm run demo`: the whole product in real VS Code with no AWS account. Builds the extension into a VSIX, starts
// the local AWS emulator (jobs finish in about a minute), uploads the sample dataset to its S3, writes a demo
// workspace (manifests, one with mistakes, a job spec and a compare spec), installs the VSIX into a fresh
// code-server whose settings point the extension at the emulator, and prints the URL. Ctrl-C stops everything.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './lib/code-server.mjs';
import { DEMO_EMULATOR_FLAGS, demoAwsEnv, demoSettings, uploadSampleData, writeDemoWorkspace } from './lib/demo-env.mjs';
import { startEmulatorProcess } from './lib/emulator-process.mjs';
import { codeServerEntry, ensureCodeServer } from './lib/ensure-code-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

ensureCodeServer();
console.log('Building the extension (VSIX) and the emulator...');
execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const vsix = join(root, 'dist-vsix', `${name}-${version}.vsix`);

const home = mkdtempSync(join(tmpdir(), 'bmc-demo-'));
const started = [];
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping the demo...');
  for (const s of started.reverse()) await s.stop().catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  console.log('Starting the local AWS emulator and uploading the sample dataset (26 letters)...');
  const emulator = await startEmulatorProcess(DEMO_EMULATOR_FLAGS, { log: () => undefined });
  started.push(emulator);
  const data = await uploadSampleData(emulator.endpoints);
  const workspace = join(home, 'workspace');
  await writeDemoWorkspace(workspace, emulator.endpoints, data);

  const userDataDir = join(home, 'user-data');
  const extensionsDir = join(home, 'extensions');
  execFileSync(process.execPath, [codeServerEntry(), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--install-extension', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startCodeServer({
    userDataDir, extensionsDir, settings: demoSettings(emulator.endpoints), env: demoAwsEnv(home, emulator.endpoints),
  });
  started.push(server);
  console.log([
    '',
    'Bedrock Multimodal Customizer demo is running (local emulator; no AWS account, nothing billed).',
    `  Open: ${server.url}/?folder=${encodeURIComponent(workspace)}`,
    `  Sample data: ${data.counts.training} training, ${data.counts.validation} validation, ${data.counts.test} test images in s3://${data.bucket}`,
    '  The workspace README.md lists the steps; Help > Get Started has the walkthrough.',
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n'));
} catch (err) {
  console.error(`The demo could not start: ${err?.stack ?? err}`);
  await stop(1);
}
