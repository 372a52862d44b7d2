// `bedrock-mm compare` (the bundled CLI) against the in-process emulator on the sample data: base Titan, fine-tuned
// Titan through the batch route and Nova Multimodal Embeddings in one report, Cohere Embed v4 skipped with the
// reason (the emulator told it is not offered), the headline naming the fine-tuned model against base and Nova, cost
// lines from --prices, and the best_other gate's pass and fail exit codes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import type { ComparisonReport } from '../../../src/protocol/report';
import { admin, aslSpec, BATCH_ROLE, emulatorSession, trainedCustomModel, writeSpec } from '../../support/emulatorCompare';

const NOVA = 'amazon.nova-2-multimodal-embeddings-v1:0';
const COHERE = 'cohere.embed-v4:0';
let emu: RunningEmulator;
let dir: string;
let specPath: string;
let pricesPath: string;

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 40, batchDurationMs: 2_500 });
  const data = await emu.uploadSampleData({ imagesPerClass: 6, testPerClass: 3, classes: 10 });
  const session = emulatorSession(emu);
  const custom = await trainedCustomModel(emu, session, data);
  session.dispose();
  dir = mkdtempSync(join(tmpdir(), 'bmc-cli-contenders-'));
  const base = aslSpec(data, custom, 'fine-tuned', { modes: ['text-to-image'], k: [1, 5], seed: 3 });
  specPath = writeSpec(dir, {
    ...base,
    models: [...(base['models'] as object[]).map((m) => ((m as { name: string }).name === 'fine-tuned' ? { ...m, inference: 'batch' } : m)), { name: 'nova', modelId: NOVA }, { name: 'cohere', modelId: COHERE }],
  }, 'contenders.compare.json');
  pricesPath = join(dir, 'prices.json');
  writeFileSync(pricesPath, JSON.stringify({
    'bedrockCustomizer.pricing.onDemandPerImage': 0.00006, 'bedrockCustomizer.pricing.batchPerImage': 0.00003, 'bedrockCustomizer.pricing.textPer1000Tokens': 0.0008,
    'bedrockCustomizer.pricing.nova.onDemandPerImage': 0.0001, 'bedrockCustomizer.pricing.nova.textPer1000Tokens': 0.001,
    'bedrockCustomizer.pricing.throughputHourlyNoCommitment': 9.38,
  }, null, 2));
  await admin(emu, '/seed', { notOffered: [COHERE] });
});

after(async () => {
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env = { ...process.env, BMC_EMULATOR: JSON.stringify(emu.endpoints), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1' };
  const child = spawn(process.execPath, ['dist/cli.js', 'compare', '--rpm', '60000', '--spec', specPath, '--workspace', dir, '--batch-poll-seconds', '1', '--batch-role', BATCH_ROLE, '--yes', ...args], { env });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

test('cli contenders: three models in one report (fine-tuned by batch), Cohere skipped with the reason, the headline, --prices cost lines, best_other gate passes', async () => {
  const r = await run(['--prices', pricesPath, '--gate-model', 'fine-tuned', '--gate', 'accuracy@1 - best_other >= 0.01']);
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(readFileSync(join(dir, 'contenders.report.json'), 'utf8')) as ComparisonReport;
  assert.deepEqual(report.models.map((m) => [m.name, m.family]), [['base', 'titan-mm-g1'], ['fine-tuned', 'titan-mm-g1'], ['nova', 'nova-mme']]);
  assert.match(r.err, /fine-tuned: batch arn:\S+ Completed/);
  assert.match(r.err, /gate PASS: accuracy@1 - best_other >= 0\.01 \(fine-tuned, text-to-image\): measured [\d.]+ against the best other model, nova/);
  assert.match(r.out, /skipped cohere \(cohere\.embed-v4:0\): .*not offered in us-east-1/);
  assert.match(r.out, /Answer: fine-tuned beats base by \d\.\d\d top-1 \(.+\) and nova by \d\.\d\d \(.+\)\./);
  // The fine-tuned model's embeddings at the batch price, base and Nova at their on-demand prices.
  assert.match(r.out, /cost base: 30 images and about \d+ text tokens embedded this run; \$0\.00\d+ for this evaluation; \$0\.06 per 1,000 images on demand/);
  assert.match(r.out, /cost fine-tuned: 30 images .*\$0\.00\d+ for this evaluation; \$9\.38 per hour of provisioned throughput/);
  assert.match(r.out, /cost nova: 30 images .*\$0\.00\d+ for this evaluation; \$0\.10 per 1,000 images on demand/);
  const tuned = report.models.find((m) => m.name === 'fine-tuned')?.cost;
  assert.ok(Math.abs((tuned?.evaluationUsd ?? 0) - (30 * 0.00003 + (tuned?.embeddedTextTokens ?? 0) * 0.0008 / 1000)) < 1e-12, JSON.stringify(tuned));
});

test('cli contenders: the same run from the cache (nothing embedded, no --prices) fails a best_other gate it cannot meet (exit 5); a bad --prices file is refused at its place (exit 2)', async () => {
  const r = await run(['--gate-model', 'fine-tuned', '--gate', 'accuracy@1 - best_other >= 0.99']);
  assert.equal(r.code, 5, r.err);
  assert.match(r.err, /gate FAIL: accuracy@1 - best_other >= 0\.99/);
  // Everything came from the cache: nothing is paid for this run, and without --prices no serving price is stated.
  assert.match(r.out, /^cost nova: 0 images and about 0 text tokens embedded this run; \$0 for this evaluation$/m);
  const bad = join(dir, 'bad-prices.json');
  writeFileSync(bad, '{\n  "bedrockCustomizer.pricing.nova.onDemandPerImage": "0.0001"\n}\n');
  const refused = await run(['--prices', bad]);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /bad-prices\.json:2:54: "bedrockCustomizer\.pricing\.nova\.onDemandPerImage" must be a number of USD at least 0 \(0: not set\), got "0\.0001"/);
});
