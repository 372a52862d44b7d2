// `npm run emulator [-- flags]`: builds if the emulator bundle is missing or older than its sources, then runs
// out/emulator/main.js in the foreground (Ctrl-C stops it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'out', 'emulator', 'main.js');

function newest(dir) {
  return readdirSync(dir).reduce((t, n) => {
    const p = join(dir, n);
    const s = statSync(p);
    return Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }, 0);
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest(join(root, 'test', 'emulator'))) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--enable-source-maps', bundle, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
