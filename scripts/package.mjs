// `npm run package`: a production build (minified, no source maps) packed into dist-vsix/<name>-<version>.vsix,
// then lists what the VSIX holds and its size.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist-vsix', `${name}-${version}.vsix`);
mkdirSync(join(root, 'dist-vsix'), { recursive: true });
execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--shipped-only'], { cwd: root, stdio: 'inherit' });
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: root, stdio: 'inherit' });
console.log(`\n${out}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
