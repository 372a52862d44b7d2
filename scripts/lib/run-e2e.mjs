// The e2e stage: starts the local emulator (jobs done in seconds), uploads the sample dataset, writes the demo
// workspace (scripts/lib/demo-env.mjs, the same as `npm run demo`) plus a fixture comparison report, starts
// code-server (real VS Code 1.100.3) with the extension under development pointed at the emulator, and runs the
// tests of test/e2e (bundled to out/test/e2e/index.js) in headless Chromium through Playwright. Expects a build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { E2E_EMULATOR_FLAGS, FINE_TUNED_PLACEHOLDER, demoAwsEnv, demoSettings, uploadSampleData, writeDemoWorkspace } from './demo-env.mjs';
import { startEmulatorProcess } from './emulator-process.mjs';
import { workbenchUrl } from './run-in-vscode.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {{ grep?: RegExp }} [options]
 * @returns {Promise<{ passed: number, failed: number, ms: number }>}
 */
export async function runE2e(options = {}) {
  const started = Date.now();
  const artifacts = join(root, 'test-artifacts', 'e2e');
  rmSync(artifacts, { recursive: true, force: true }); // this run's screenshots only
  mkdirSync(artifacts, { recursive: true });
  const e2e = await import(pathToFileURL(join(root, 'out', 'test', 'e2e', 'index.js')).href);
  const { TESTS, prepare } = e2e.default ?? e2e;
  const home = mkdtempSync(join(tmpdir(), 'bmc-e2e-'));
  const workspace = join(home, 'workspace');
  let passed = 0;
  let failed = 0;
  const emulatorLog = [];
  const emulator = await startEmulatorProcess(E2E_EMULATOR_FLAGS, { log: (l) => emulatorLog.push(l) });
  let server;
  let browser;
  try {
    const data = await uploadSampleData(emulator.endpoints);
    const files = await writeDemoWorkspace(workspace, emulator.endpoints, data);
    const { reportPath, report } = await prepare(workspace);
    server = await startCodeServer({
      settings: {
        ...demoSettings(emulator.endpoints),
        'bedrockCustomizer.explorer.pollSeconds': 1,
        'bedrockCustomizer.compare.requestsPerMinute': 60_000,
      },
      env: demoAwsEnv(home, emulator.endpoints),
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const consoleLines = [];
    const dialogs = [];
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionPath: root }));
    // Ready when the workbench is up and the extension shows its AWS status (it has activated on the workspace).
    await page.locator('.monaco-workbench').waitFor({ timeout: 180_000 });
    await page.locator('.statusbar-item', { hasText: 'AWS:' }).first().waitFor({ timeout: 180_000 });
    const ctx = { page, reportPath, report, artifacts, dialogs, files, endpoints: emulator.endpoints, placeholder: FINE_TUNED_PLACEHOLDER };
    let broken; // after a user-path step fails, the later steps (which build on it) are reported, not run
    for (const t of TESTS) {
      if (options.grep && !options.grep.test(t.name)) continue;
      const t0 = Date.now();
      if (broken && t.dependsOnPrevious) {
        failed++;
        console.log(`  ✖ ${t.name} (not run: "${broken}" failed before it)`);
        continue;
      }
      try {
        await t.run(ctx);
        passed++;
        if (!t.dependsOnPrevious) broken = undefined;
        console.log(`  ✔ ${t.name} (${Date.now() - t0} ms)`);
      } catch (err) {
        failed++;
        broken = t.name;
        console.log(`  ✖ ${t.name} (${Date.now() - t0} ms)\n      ${String(err?.stack ?? err).split('\n').join('\n      ')}`);
        await page.screenshot({ path: join(artifacts, `failure-${passed + failed}.png`) }).catch(() => undefined);
        await page.keyboard.press('Escape').catch(() => undefined);
      }
    }
    writeFileSync(join(artifacts, 'browser-console.log'), consoleLines.join('\n'));
  } catch (err) {
    failed++;
    console.log(`  ✖ the e2e environment could not be set up or driven: ${err?.stack ?? err}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (server) writeFileSync(join(artifacts, 'code-server.log'), server.output());
    await emulator.stop();
    writeFileSync(join(artifacts, 'emulator.log'), emulatorLog.join('\n'));
    rmSync(home, { recursive: true, force: true });
  }
  return { passed, failed, ms: Date.now() - started };
}
