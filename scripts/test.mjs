// `npm test`: type-check, lint, build, unit tests (node --test), integration tests inside real VS Code, the
// production-mode tests (the VSIX installed as a user has it: scripts/lib/run-production.mjs), then the browser
// end-to-end tests (scripts/lib/run-e2e.mjs). Ends with one line `N passed, N failed, N skipped` over all of them;
// every skipped test (a cross-check whose tool is missing) is listed before it with its reason, never silent.
//   --only unit|integration|production|e2e   run just that stage (after the build)
//   --grep PATTERN            only tests whose title matches (both stages)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInVsCode } from './lib/run-in-vscode.mjs';
import { ensureDebianPackages } from './lib/ensure-code-server.mjs';
import { startEmulatorProcess } from './lib/emulator-process.mjs';
import { runE2e } from './lib/run-e2e.mjs';
import { runProduction } from './lib/run-production.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const grep = argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : undefined;
const artifacts = join(root, 'test-artifacts');
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedTests = []; // `title: reason`, listed before the final line

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n${name} failed (exit ${r.status}).`);
    finish(1);
  }
}

function finish(code) {
  if (skippedTests.length > 0) console.log(`\nSkipped (what did not run, and why):\n${skippedTests.map((t) => `  - ${t}`).join('\n')}`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code || (totals.failed > 0 ? 1 : 0));
}

function walk(dir, pred) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, pred) : pred(p) ? [p] : [];
  });
}

// Cross-checks against independent implementations (scikit-learn, numpy, Python jsonschema) run in the unit stage.
const PYTHON_CHECK_PACKAGES = ['python3-sklearn', 'python3-numpy', 'python3-jsonschema', 'python3-pil'];

function unitTests() {
  ensureDebianPackages(PYTHON_CHECK_PACKAGES);
  // Unit tests plus the AWS SDK contract tests (they start the emulator in-process through startEmulator).
  const files = [join('test', 'unit'), join('test', 'contract'), join('emulator', 'test')]
    .flatMap((dir) => walk(join(root, 'out', dir), (p) => p.endsWith('.test.js')))
    .map((p) => relative(root, p));
  console.log(`\n=== unit tests: ${files.length} files (node --test)`);
  if (files.length === 0) return;
  mkdirSync(artifacts, { recursive: true });
  const tap = join(artifacts, 'unit.tap');
  const args = ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`];
  if (grep) args.push(`--test-name-pattern=${grep}`);
  const r = spawnSync(process.execPath, [...args, ...files], { cwd: root, stdio: 'inherit' });
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  // TAP marks a skipped test `ok N - title # SKIP reason` (subtests indented); those --grep left out are not skips.
  for (const m of text.matchAll(/^\s*ok \d+ - (.*?) # SKIP ?(.*)$/gm)) {
    if (m[2] === 'test name does not match pattern') continue;
    totals.skipped++;
    skippedTests.push(`${m[1]}: ${m[2] || 'no reason given'}`);
  }
  if (r.status !== 0 && count('fail') + count('cancelled') === 0) totals.failed += 1; // crashed outside a test
}

// Flags for the emulator during integration tests: short simulated durations and small-data jobs, so tests wait
// for states in seconds; tests that need other timings drive the admin API (POST /clock, /faults, /seed).
// Batch inference jobs end after 3 s of real time here; a test that needs one to outlast something sets its duration
// with POST /options {batchDurationMs}, moves a job on with POST /clock, and sets its own minimum with POST /seed
// {serviceQuotas: [{quotaCode: 'L-1A69C08F', value}]} (the applied quota, which CreateModelInvocationJob enforces;
// POST /reset restores both).
const EMULATOR_FLAGS = ['--job-duration-ms', '5000', '--stop-duration-ms', '1000', '--throughput-duration-ms', '2000', '--batch-duration-ms', '3000',
  '--collection-duration-ms', '1000', '--visibility-delay-ms', '500', '--min-training-records', '10'];

async function integrationTests() {
  console.log('\n=== integration tests inside real VS Code (code-server 4.100.3 + headless Chromium)');
  const emulator = await startEmulatorProcess(EMULATOR_FLAGS);
  console.log(`  emulator: ${emulator.line}`);
  try {
    await runIntegration(emulator);
  } finally {
    await emulator.stop();
  }
}

/** The extension's settings pointing every service at the emulator (user settings of the code-server run). */
function emulatorSettings(e) {
  return {
    'bedrockCustomizer.endpoints.bedrock': e.bedrock,
    'bedrockCustomizer.endpoints.bedrockRuntime': e.bedrockRuntime,
    'bedrockCustomizer.endpoints.s3': e.s3,
    'bedrockCustomizer.endpoints.opensearchServerless': e.opensearchServerless,
    'bedrockCustomizer.endpoints.iam': e.iam,
    'bedrockCustomizer.endpoints.sts': e.sts,
    'bedrockCustomizer.endpoints.serviceQuotas': e.serviceQuotas,
  };
}

function emulatorEnv(emulator) {
  return {
    ...(grep ? { BMC_TEST_GREP: grep } : {}),
    BMC_EMULATOR: emulator.line,
    // Dummy credentials: the emulator accepts any key; nothing may reach real AWS from tests.
    AWS_ACCESS_KEY_ID: 'AKIAEMULATOREXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'emulator-secret-key',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Adds a VS Code run's results to the totals and prints them. */
function count(stage, { exitCode, results }, started) {
  for (const t of results?.tests ?? []) {
    if (t.state === 'skipped') {
      console.log(`  - ${t.title} (skipped)`);
      skippedTests.push(`${t.title} (${stage})`);
      continue;
    }
    console.log(`  ${t.state === 'passed' ? '✔' : '✖'} ${t.title} (${t.durationMs} ms)`);
    if (t.error) console.log(t.error.split('\n').map((l) => `      ${l}`).join('\n'));
  }
  totals.passed += results?.passed ?? 0;
  totals.failed += results?.failed ?? 0;
  totals.skipped += results?.skipped ?? 0;
  if (exitCode !== 0 && !(results?.failed > 0)) totals.failed += 1; // the entry threw outside a test or timed out
  console.log(`  ${stage}: exit ${exitCode} in ${((Date.now() - started) / 1000).toFixed(1)} s; artifacts in ${relative(root, artifacts)}/${stage}`);
}

async function runIntegration(emulator) {
  // Tests may edit their workspace: give them a fresh copy each run.
  const workspace = mkdtempSync(join(tmpdir(), 'bmc-workspace-'));
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const started = Date.now();
  const outcome = await runInVsCode({
    extensionPath: root,
    testsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    folder: workspace,
    artifactsDir: join(artifacts, 'integration'),
    settings: emulatorSettings(emulator.endpoints),
    env: { ...emulatorEnv(emulator), BMC_TEST_WORKSPACE: workspace },
  });
  count('integration', outcome, started);
  rmSync(workspace, { recursive: true, force: true });
}

// The extension installed from its VSIX (ExtensionMode.Production): no test seam may be reachable. Its own
// emulator (default timings), so nothing the integration tests left behind shows in its Clean Up.
async function productionTests() {
  console.log('\n=== production-mode tests: the VSIX installed in real VS Code (code-server 4.100.3 + headless Chromium)');
  const emulator = await startEmulatorProcess([]);
  const started = Date.now();
  try {
    const outcome = await runProduction({
      root,
      artifactsDir: join(artifacts, 'production'),
      settings: emulatorSettings(emulator.endpoints),
      env: emulatorEnv(emulator),
    });
    count('production', outcome, started);
  } catch (err) {
    totals.failed += 1;
    console.log(`  ✖ the production-mode stage could not be set up: ${err?.stack ?? err}`);
  } finally {
    await emulator.stop();
  }
}

if (!only) {
  step('type-check', 'npx', ['tsc', '--noEmit', '-p', '.']);
  step('type-check webview', 'npx', ['tsc', '--noEmit', '-p', 'webview-ui']);
  step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
}
step('build', process.execPath, ['scripts/build.mjs']);
if (!only || only === 'unit') unitTests();
if (!only || only === 'integration') await integrationTests();
if (!only || only === 'production') await productionTests();
if (!only || only === 'e2e') {
  console.log('\n=== e2e tests in the browser (Playwright + headless Chromium + code-server + the emulator)');
  const e2e = await runE2e(grep ? { grep: new RegExp(grep, 'i') } : {});
  totals.passed += e2e.passed;
  totals.failed += e2e.failed;
  console.log(`  e2e: ${e2e.passed} passed, ${e2e.failed} failed in ${(e2e.ms / 1000).toFixed(1)} s; screenshots in test-artifacts/e2e`);
}
finish(0);
