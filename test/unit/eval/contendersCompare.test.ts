// End to end against the in-process emulator: base Titan, fine-tuned Titan and the off-the-shelf contenders in one
// report. A contender the emulator does not offer is skipped with the reason; every model has its family, cost
// lines from the given prices, and its paired comparison with the best other model; the headline says the answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCompare } from '../../../src/aws/compare/runCompare';
import type { AwsSession } from '../../../src/aws';
import { formatReportText } from '../../../src/cli/reportText';
import { verdict } from '../../../src/protocol/verdict';
import { pricesFrom } from '../../../src/core/eval/prices';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { admin, aslSpec, emulatorRuntime, emulatorSession, requestCount, trainedModel, writeSpec } from '../../support/emulatorCompare';

const NOVA = 'amazon.nova-2-multimodal-embeddings-v1:0';
const COHERE = 'cohere.embed-v4:0';
let emu: RunningEmulator;
let session: AwsSession;
let rt: ReturnType<typeof emulatorRuntime>;
let dir: string;
let spec: Record<string, unknown>;

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 40 });
  session = emulatorSession(emu);
  rt = emulatorRuntime(emu);
  const data = await emu.uploadSampleData({ imagesPerClass: 6, testPerClass: 3, classes: 10 });
  const tuned = await trainedModel(emu, session, data);
  dir = mkdtempSync(join(tmpdir(), 'bmc-contenders-'));
  const base = aslSpec(data, tuned, 'fine-tuned', { modes: ['text-to-image'], k: [1, 5], seed: 3 });
  spec = { ...base, models: [...(base['models'] as object[]), { name: 'nova', modelId: NOVA, dimension: 1024 }, { name: 'cohere', modelId: COHERE }] };
});

after(async () => {
  session?.dispose();
  rt?.dispose();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('contenders: a model not offered is skipped with its reason; families, costs, best-other comparisons and the answer', async () => {
  await admin(emu, '/seed', { notOffered: [COHERE] });
  const before = await requestCount(emu, 'bedrockRuntime', '/invoke');
  const out = await runCompare({
    specPath: writeSpec(dir, spec), session, runtime: rt.runtime, concurrency: 4, requestsPerMinute: 60_000,
    prices: pricesFrom((k) => ({ 'pricing.onDemandPerImage': 0.00006, 'pricing.textPer1000Tokens': 0.0008, 'pricing.throughputHourlyNoCommitment': 9.38 } as Record<string, number>)[k]),
  });
  const r = out.report;
  assert.deepEqual(r.skipped?.map((s) => s.name), ['cohere']);
  assert.match(r.skipped?.[0]?.reason ?? '', /not offered in us-east-1/);
  assert.deepEqual(r.models.map((m) => [m.name, m.family, m.embeddingLength]), [['base', 'titan-mm-g1', 384], ['fine-tuned', 'titan-mm-g1', 384], ['nova', 'nova-mme', 1024]]);
  // Every call went to the three embedded models: none to the skipped one (its calls would have failed the run).
  assert.equal((await requestCount(emu, 'bedrockRuntime', '/invoke')) - before, out.calls);

  const base = r.models.find((m) => m.name === 'base')?.cost;
  assert.equal(base?.embeddedImages, 30);
  assert.ok(Math.abs((base?.onDemandPer1000ImagesUsd ?? 0) - 0.06) < 1e-12);
  assert.ok((base?.evaluationUsd ?? 0) > 30 * 0.00006, 'images and text tokens');
  assert.equal(r.models.find((m) => m.name === 'fine-tuned')?.cost?.provisionedPerHourUsd, 9.38);
  assert.equal(r.models.find((m) => m.name === 'nova')?.cost?.evaluationUsd, undefined, 'no Nova price set: no amount');

  const mode = r.modes[0];
  assert.ok(mode);
  assert.equal(mode.comparisons.length, 2);
  assert.equal(mode.versusBestOther?.length, 3);
  const top1 = (n: string): number => mode.results.find((x) => x.model === n)?.metrics['accuracy@1'] ?? 0;
  const tunedVsBest = mode.versusBestOther?.find((c) => c.model === 'fine-tuned');
  assert.equal(tunedVsBest?.baseline, top1('nova') >= top1('base') ? 'nova' : 'base');
  assert.ok(top1('fine-tuned') > top1('nova') && top1('nova') > top1('base'), JSON.stringify(mode.results.map((x) => [x.model, x.metrics['accuracy@1']])));
  const answer = verdict(r, mode) ?? '';
  assert.match(answer, /^fine-tuned (beats base by [\d.]+ top-1 \(.+\) and nova by [\d.]+ \(.+\)|.*nova is as good or better.*not worth it on this test set)\.$/);
  const text = formatReportText(r);
  assert.ok(text.includes(`Answer: ${answer}`));
  assert.match(text, /skipped cohere \(cohere\.embed-v4:0\): .*not offered/);
  assert.match(text, /cost base: 30 images .*\$0\.06 per 1,000 images on demand/);
  assert.match(text, /cost nova: .*no prices set, so no amounts/);
  assert.match(text, /fine-tuned vs nova: accuracy@1 difference/);
});
