// `npm run test:e2e`: browser tests of the comparison webview. Starts code-server (real VS Code 1.100.3) with the
// extension under development and a workspace holding a comparison report, drives the workbench with Playwright
// in headless Chromium, runs test/e2e (bundled to out/test/e2e/index.js) and ends with `N passed, N failed`.
//   --grep PATTERN   only tests whose name matches
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCodeServer } from './lib/code-server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { workbenchUrl } from './lib/run-in-vscode.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const grep = argv.includes('--grep') ? new RegExp(argv[argv.indexOf('--grep') + 1], 'i') : undefined;
const artifacts = join(root, 'test-artifacts', 'e2e');
mkdirSync(artifacts, { recursive: true });

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) { console.log('\nbuild failed\n0 passed, 1 failed'); process.exit(1); }

const e2e = await import(pathToFileURL(join(root, 'out', 'test', 'e2e', 'index.js')).href);
const { TESTS, prepare } = e2e.default ?? e2e;
const workspace = mkdtempSync(join(tmpdir(), 'bmc-e2e-'));
const { reportPath, report } = await prepare(workspace);

const server = await startCodeServer();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const consoleLines = [];
  const dialogs = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  await page.goto(workbenchUrl(server, { folder: workspace, extensionPath: root }));
  const ctx = { page, reportPath, report, artifacts, dialogs };
  for (const t of TESTS) {
    if (grep && !grep.test(t.name)) continue;
    const started = Date.now();
    try {
      await t.run(ctx);
      passed++;
      console.log(`  ✔ ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`  ✖ ${t.name} (${Date.now() - started} ms)\n      ${String(err?.stack ?? err).split('\n').join('\n      ')}`);
      await page.screenshot({ path: join(artifacts, `failure-${passed + failed}.png`) }).catch(() => undefined);
    }
  }
  writeFileSync(join(artifacts, 'browser-console.log'), consoleLines.join('\n'));
} catch (err) {
  failed++;
  console.log(`  ✖ the workbench could not be driven: ${err?.stack ?? err}`);
} finally {
  await browser.close().catch(() => undefined);
  await server.stop();
  writeFileSync(join(artifacts, 'code-server.log'), server.output());
  rmSync(workspace, { recursive: true, force: true });
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
