// `npm run bench [name...]`: builds, then runs each bench/<name>/main.ts (all, or those named) one after another
// and repeats their RESULT lines at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wanted = process.argv.slice(2);
spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const names = readdirSync(join(root, 'out', 'bench')).filter((n) => existsSync(join(root, 'out', 'bench', n, 'main.js')))
  .filter((n) => wanted.length === 0 || wanted.includes(n)).sort();
const results = [];
let failed = false;
for (const name of names) {
  console.log(`\n=== bench/${name}`);
  const r = spawnSync(process.execPath, [join('out', 'bench', name, 'main.js')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
  results.push(...r.stdout.split('\n').filter((l) => l.startsWith('RESULT ')));
  if (r.status !== 0) failed = true;
}
console.log(`\n${results.join('\n')}`);
process.exitCode = failed ? 1 : 0;
