// The production-mode stage (issue 13, finding 2): the extension packed into a VSIX (vsce, offline) and installed
// into a fresh code-server extensions folder, as a user installs it, so VS Code runs it in ExtensionMode.Production.
// The tests (test/production, bundled to out/test/production) run from a tiny runner extension loaded as the
// extension under development; they prove no test seam is reachable. Expects a build and a running emulator.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer } from './ensure-code-server.mjs';
import { runInVsCode } from './run-in-vscode.mjs';

/** Packs the current build (dist/, as .vscodeignore selects it) and installs it into `extensionsDir`. */
function installVsix(root, work, extensionsDir) {
  const vsix = join(work, 'bedrock-mm-customizer.vsix');
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, [ensureCodeServer(), '--extensions-dir', extensionsDir, '--user-data-dir', join(work, 'install-data'),
    '--install-extension', vsix, '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The real Clean Up checklist is on screen: close it as a user pressing Escape would, so the command ends. */
async function closeCleanupChecklist(page) {
  const checklist = page.locator('.quick-input-widget', { hasText: 'Clean Up (' });
  await checklist.waitFor({ state: 'visible', timeout: 180_000 });
  await page.keyboard.press('Escape');
}

/**
 * @param {{ root: string, artifactsDir: string, settings: object, env: object }} o
 * @returns {Promise<{ exitCode: number, results: { passed: number, failed: number, tests: object[] } | undefined }>}
 */
export async function runProduction(o) {
  const work = mkdtempSync(join(tmpdir(), 'bmc-production-'));
  const extensionsDir = join(work, 'extensions');
  const folder = join(work, 'workspace');
  mkdirSync(folder, { recursive: true });
  try {
    installVsix(o.root, work, extensionsDir);
    return await runInVsCode({
      extensionPath: join(o.root, 'test', 'production'),
      testsPath: join(o.root, 'out', 'test', 'production', 'index.js'),
      folder,
      artifactsDir: o.artifactsDir,
      extensionsDir,
      settings: o.settings,
      env: { ...o.env, BMC_EXTENSIONS_DIR: extensionsDir },
      timeoutMs: 4 * 60 * 1000,
      drive: closeCleanupChecklist,
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
