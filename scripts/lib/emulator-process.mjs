// Starts the local AWS emulator (`node out/emulator/main.js FLAGS`) as a child process and resolves once it
// printed its endpoints line. Used by the integration tests, the e2e tests and the demo (build first).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {string[]} flags emulator flags (see emulator/README.md)
 * @param {{ log?: (line: string) => void }} [options] where the emulator's later stdout lines go
 * @returns {Promise<{ line: string, endpoints: Record<string, string>, stop: () => Promise<void> }>}
 */
export function startEmulatorProcess(flags, options = {}) {
  const log = options.log ?? ((l) => console.log(`[emulator] ${l}`));
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'out', 'emulator', 'main.js'), ...flags], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void stop(); reject(new Error('the emulator printed no endpoints within 60 s')); }, 60_000);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve({ line, endpoints: JSON.parse(line), stop });
      } catch {
        void stop();
        reject(new Error(`the emulator printed something other than its endpoints: ${line}`));
      }
      lines.on('line', log);
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the emulator exited (${code}) before it was ready`)); });
  });
}
