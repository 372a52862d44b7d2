// Starts code-server (real VS Code 1.100.3) on a free loopback port with its own user-data folder and settings,
// and stops it (and its children) again. Used by the integration tests, the e2e tests and the demo.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer } from './ensure-code-server.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'files.simpleDialog.enable': true,
};

/**
 * @param {{ settings?: object, env?: object, log?: (line: string) => void, userDataDir?: string, extensionsDir?: string }} options
 * @returns {Promise<{ port: number, url: string, userDataDir: string, output: () => string, stop: () => Promise<void> }>}
 */
export async function startCodeServer(options = {}) {
  const entry = ensureCodeServer();
  const port = await freePort();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'bmc-vscode-'));
  const extensionsDir = options.extensionsDir ?? join(userDataDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2));

  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() ends the extension host too
  });
  let output = '';
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (options.log) for (const line of text.split('\n')) if (line.trim()) options.log(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  await new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`code-server exited (${code}) before it listened:\n${output}`));
    child.once('exit', onExit);
    const check = () => {
      if (/HTTP server listening on/.test(output)) {
        child.off('exit', onExit);
        child.stdout.off('data', check);
        child.stderr.off('data', check);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
  });

  let stopped;
  const stop = () => {
    stopped ??= new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      try { process.kill(-child.pid, 'SIGTERM'); } catch { resolve(); }
      const hard = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      hard.unref();
    });
    return stopped;
  };
  return { port, url: `http://127.0.0.1:${port}`, userDataDir, output: () => output, stop };
}
