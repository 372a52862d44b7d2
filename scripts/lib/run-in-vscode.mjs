// Runs a test entry (`exports.run`) inside real VS Code: code-server + headless Chromium, the extension under
// development and the test entry passed through the `payload` URL parameter, exactly as @vscode/test-electron
// would. The workbench reports the end through window.codeAutomationExit(code).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';

export function workbenchUrl(server, { folder, extensionPath, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function findFiles(dir, pred, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findFiles(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

/**
 * `extensionsDir`: code-server's extensions folder (extensions installed there run as a user's, in
 * ExtensionMode.Production). `drive(page)`: runs alongside the tests, for what only the page can do (e.g. close a
 * quick pick another extension shows); its failure is logged, the tests' results decide.
 * @param {{ extensionPath: string, testsPath: string, folder: string, artifactsDir: string,
 *   settings?: object, env?: object, timeoutMs?: number, log?: (s: string) => void,
 *   extensionsDir?: string, drive?: (page: import('playwright-core').Page) => Promise<void> }} o
 * @returns {Promise<{ exitCode: number, results: { passed: number, failed: number, failures: object[] } | undefined }>}
 */
export async function runInVsCode(o) {
  const log = o.log ?? ((s) => console.error(s));
  mkdirSync(o.artifactsDir, { recursive: true });
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'bmc-results-')), 'results.json');
  const server = await startCodeServer({
    settings: o.settings,
    env: { ...o.env, BMC_TEST_RESULTS: resultsFile },
    ...(o.extensionsDir ? { extensionsDir: o.extensionsDir } : {}),
  });
  const browser = await launchBrowser();
  let exitCode = 1;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const exited = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => { resolve(Number(code)); });
    });
    const timeoutMs = o.timeoutMs ?? 10 * 60 * 1000;
    let timer;
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    await page.goto(workbenchUrl(server, o));
    if (o.drive) o.drive(page).catch((e) => consoleLines.push(`[drive] ${e?.message ?? e}`));
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      log(`[vscode] the test entry did not finish within ${timeoutMs / 1000} s`);
      exitCode = 1;
    } else {
      exitCode = outcome;
    }
    if (exitCode !== 0) {
      await page.screenshot({ path: join(o.artifactsDir, 'failure.png') }).catch(() => undefined);
      writeFileSync(join(o.artifactsDir, 'browser-console.log'), consoleLines.join('\n'));
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
  // The extension host's own log: what the extension and the tests printed.
  const hostLogs = findFiles(join(server.userDataDir, 'logs'), (p) => /exthost\.log$|Bedrock Customizer\.log$/.test(p));
  const hostLog = hostLogs.map((p) => `==> ${p}\n${readFileSync(p, 'utf8')}`).join('\n');
  writeFileSync(join(o.artifactsDir, 'extension-host.log'), hostLog + '\n==> code-server\n' + server.output());
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
  if (exitCode !== 0 && !results) log(`[vscode] no test results; see ${o.artifactsDir}/extension-host.log`);
  return { exitCode, results };
}
