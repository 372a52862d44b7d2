// `npm run test:e2e`: the browser end-to-end tests alone (scripts/lib/run-e2e.mjs): build, then the comparison
// webview and the whole user path in code-server against the local emulator; ends with `N passed, N failed`.
//   --grep PATTERN          only tests whose name matches
//   --update-screenshots    copy the README's screenshots (editor diagnostics, explorer, comparison report) from
//                           this run's artifacts into resources/screenshots/
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runE2e } from './lib/run-e2e.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const grep = argv.includes('--grep') ? new RegExp(argv[argv.indexOf('--grep') + 1], 'i') : undefined;

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) { console.log('\nbuild failed\n0 passed, 1 failed'); process.exit(1); }
const { passed, failed, ms } = await runE2e({ grep });
console.log(`\ne2e: ${(ms / 1000).toFixed(1)} s; screenshots in test-artifacts/e2e`);
if (argv.includes('--update-screenshots')) {
  // From the user path; the comparison falls back to the fixture report's panel when the path's own did not run.
  const pick = { 'editor-diagnostics.png': ['01-manifest-problems.png'], 'explorer.png': ['05-throughput-in-service.png'],
    'comparison-report.png': ['06-comparison-report.png', 'compare-dark.png'] };
  const out = join(root, 'resources', 'screenshots');
  mkdirSync(out, { recursive: true });
  for (const [target, sources] of Object.entries(pick)) {
    const from = sources.map((s) => join(root, 'test-artifacts', 'e2e', s)).find((p) => existsSync(p));
    if (from) { copyFileSync(from, join(out, target)); console.log(`resources/screenshots/${target} <- ${from}`); }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
