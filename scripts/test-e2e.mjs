// `npm run test:e2e`: the browser end-to-end tests alone (scripts/lib/run-e2e.mjs): build, then the comparison
// webview and the whole user path in code-server against the local emulator; ends with `N passed, N failed`.
//   --grep PATTERN   only tests whose name matches
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runE2e } from './lib/run-e2e.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const grep = argv.includes('--grep') ? new RegExp(argv[argv.indexOf('--grep') + 1], 'i') : undefined;

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) { console.log('\nbuild failed\n0 passed, 1 failed'); process.exit(1); }
const { passed, failed, ms } = await runE2e({ grep });
console.log(`\ne2e: ${(ms / 1000).toFixed(1)} s; screenshots in test-artifacts/e2e`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
