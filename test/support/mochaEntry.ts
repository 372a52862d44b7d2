// The body of a test entry VS Code loads through `extensionTestsPath`: runs every `*.test.js` next to the entry
// with mocha inside the real extension host and writes the outcome to the file the harness named
// (BMC_TEST_RESULTS), which scripts/test.mjs counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestOutcome { title: string; state: 'passed' | 'failed' | 'skipped'; durationMs: number; error?: string }

export async function runMochaSuites(dir: string, what: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, bail: false });
  const grep = process.env['BMC_TEST_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, file));
  }
  const outcomes: TestOutcome[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    // `this.skip()` (e.g. no emulator): counted and listed as skipped, not silently dropped.
    runner.on('pending', (t) => outcomes.push({ title: t.fullTitle(), state: 'skipped', durationMs: 0 }));
    runner.on('fail', (t, err: Error) => outcomes.push({
      title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err.stack ?? String(err),
    }));
  });
  const resultsFile = process.env['BMC_TEST_RESULTS'];
  if (resultsFile) {
    const passed = outcomes.filter((o) => o.state === 'passed').length;
    const skipped = outcomes.filter((o) => o.state === 'skipped').length;
    fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed: outcomes.length - passed - skipped, skipped, tests: outcomes }, null, 2));
  }
  if (failures > 0) throw new Error(`${failures} ${what} test(s) failed`);
}
