// `bedrock-mm cleanup` in-process against the emulator: discovery writes the plan, no --yes refuses, --dry-run
// touches nothing, --yes deletes and verifies, a second --yes reports all gone; bad input exits 2.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsSession, type AwsSession } from '../../../src/aws/session';
import { LEDGER_PATH } from '../../../src/core/cleanup/ledger';
import { appendLedger } from '../../../src/core/cleanup/ledgerFile';
import { parsePlan } from '../../../src/core/cleanup/planFile';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { buildCleanupWorld } from '../../support/cleanupWorld';
import { emulatorCliEnv, runCliCaptured, type CliResult } from '../../support/cliRun';

let emulator: RunningEmulator;
let session: AwsSession;
let dir: string;
const saved = { ...process.env };

before(async () => {
  emulator = await startEmulator({});
  const e = emulator.endpoints;
  Object.assign(process.env, emulatorCliEnv(e));
  session = createAwsSession({ region: 'us-east-1', endpoints: { bedrock: e.bedrock, s3: e.s3, opensearchServerless: e.opensearchServerless } });
  dir = mkdtempSync(join(tmpdir(), 'bmc-cleanup-cli-'));
});
after(async () => {
  session.dispose();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
  process.env = saved;
});

const cli = (...argv: string[]): Promise<CliResult> => runCliCaptured(['cleanup', ...argv]);

test('cleanup CLI: plan, refuse without --yes, dry run, delete, re-run all gone', async () => {
  const w = await buildCleanupWorld(session, emulator.endpoints.admin, 30);
  writeFileSync(join(dir, 'ft.bedrock-job.json'), w.specText);
  writeFileSync(join(dir, 'comparison.json'), w.reportText);
  appendLedger(join(dir, LEDGER_PATH), w.ledger);
  const planFile = join(dir, 'plan.json');

  const first = await cli('--plan', planFile, '--workspace', dir);
  assert.equal(first.code, 1, first.err);
  assert.match(first.out, /Plan written to .*plan\.json/);
  assert.match(first.out, /Not deleting without --yes/);
  const plan = parsePlan(readFileSync(planFile, 'utf8')).plan;
  assert.equal(plan?.resources.length, 10);

  const dry = await cli('--plan', planFile, '--dry-run');
  assert.equal(dry.code, 0);
  assert.match(dry.out, /Step 1:\n {2}1\. \[customization-job\] ft-live-/);
  assert.match(dry.out, /Dry run: nothing was touched/);
  assert.ok((await session.bedrock.getCustomModel(w.names.modelArn)).modelArn);

  const run = await cli('--plan', planFile, '--yes', '--workspace', dir);
  assert.equal(run.code, 0, run.out + run.err);
  assert.match(run.out, /Clean-up: 9 deleted, 0 already gone; everything in the plan is gone\./);
  assert.match(run.out, /kept \(unticked\): BedrockFt-/);

  const again = await cli('--plan', planFile, '--yes', '--workspace', dir);
  assert.equal(again.code, 0);
  assert.match(again.out, /Clean-up: 0 deleted, 9 already gone; everything in the plan is gone\./);
});

test('cleanup CLI: usage and bad plan files exit 2 with the reason', async () => {
  assert.equal((await cli()).code, 2);
  assert.match((await cli('--plan', 'x.json', '--dry-run', '--yes')).err, /contradict/);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ version: 2, account: '123456789012', region: 'us-east-1', resources: [{ kind: 's3-prefix', identity: { bucket: 'b', prefix: '' } }] }));
  const r = await cli('--plan', bad, '--yes');
  assert.equal(r.code, 2);
  assert.match(r.err, /needs a non-empty "prefix"/);
});
