// `npm run test:electron`: the same integration suite in desktop VS Code through @vscode/test-electron, for
// machines that can download VS Code (this project's CI cannot; it runs the suite in code-server instead).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('..', import.meta.url));
spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const workspace = mkdtempSync(join(tmpdir(), 'bmc-workspace-'));
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { BMC_TEST_WORKSPACE: workspace },
  });
} catch (err) {
  console.error(`Integration tests failed in desktop VS Code: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
