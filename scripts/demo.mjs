// `npm run demo`: builds the extension into a VSIX, installs it into a fresh code-server (real VS Code 1.100.3),
// opens a sample workspace and prints the URL to open. Ctrl-C stops everything it started.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './lib/code-server.mjs';
import { codeServerEntry, ensureCodeServer } from './lib/ensure-code-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

ensureCodeServer();
execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const vsix = join(root, 'dist-vsix', `${name}-${version}.vsix`);

const home = mkdtempSync(join(tmpdir(), 'bmc-demo-'));
const workspace = join(home, 'workspace');
cpSync(join(root, 'scripts', 'demo', 'workspace'), workspace, { recursive: true });
const userDataDir = join(home, 'user-data');
const extensionsDir = join(home, 'extensions');
execFileSync(process.execPath, [codeServerEntry(), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  '--install-extension', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });

const server = await startCodeServer({ userDataDir, extensionsDir });
console.log(`\nBedrock Multimodal Customizer demo is running.\n  Open: ${server.url}/?folder=${encodeURIComponent(workspace)}\n  Press Ctrl-C to stop.\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping the demo...');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
