// The comparison's leakage check against the training AND the validation manifest (issue 16, 6a), end to end through
// runCompare and the emulator's S3: a test set with one training image copied under a new key, one validation image
// copied and one validation image re-encoded at JPEG quality 70. All three are reported with the manifest each came
// from, no other test image is paired, and the "without leaked" scores equal a run on the test set without them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Jimp } from 'jimp';
import { runCompare, type CompareOutcome } from '../../../src/aws/compare/runCompare';
import type { AwsSession } from '../../../src/aws';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { generateDataset } from '../../../emulator/dataset/generate';
import { BASE_MODEL, emulatorRuntime, emulatorSession, writeSpec } from '../../support/emulatorCompare';

const DATASET = { imagesPerClass: 5, testPerClass: 2, classes: 4 };
let emu: RunningEmulator;
let session: AwsSession;
let rt: ReturnType<typeof emulatorRuntime>;
let dir: string;
let data: Awaited<ReturnType<RunningEmulator['uploadSampleData']>>;
const all = [...generateDataset(DATASET)];
const image = (split: string, n: number): (typeof all)[number] => all.filter((i) => i.split === split)[n] as (typeof all)[number];
const line = (key: string, caption: string): string => JSON.stringify({ 'image-ref': `s3://${data.bucket}/${key}`, caption });

before(async () => {
  emu = await startEmulator();
  session = emulatorSession(emu);
  rt = emulatorRuntime(emu);
  data = await emu.uploadSampleData(DATASET);
  await emu.store.putObject(data.bucket, 'leak/train-copy.png', image('training', 2).bytes, 'image/png');
  await emu.store.putObject(data.bucket, 'leak/valid-copy.png', image('validation', 0).bytes, 'image/png');
  const jpeg = await (await Jimp.fromBuffer(image('validation', 1).bytes)).getBuffer('image/jpeg', { quality: 70 });
  await emu.store.putObject(data.bucket, 'leak/valid-q70.jpg', jpeg, 'image/jpeg');
  dir = mkdtempSync(join(tmpdir(), 'bmc-compare-leak-'));
});

after(async () => {
  session?.dispose();
  rt?.dispose();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const scores = (modes: CompareOutcome['report']['modes']): unknown => modes.map((m) => ({ mode: m.mode, results: m.results.map((r) => ({ model: r.model, metrics: r.metrics, top: r.perQuery.map((q) => q.topIds) })) }));

test('compare: test images leaked from training and from validation are reported with their manifest, and scored without', async () => {
  const tests = all.filter((i) => i.split === 'test').map((i) => line(i.key, i.caption));
  const planted = [
    line('leak/train-copy.png', image('training', 2).caption),
    line('leak/valid-copy.png', image('validation', 0).caption),
    line('leak/valid-q70.jpg', image('validation', 1).caption),
  ];
  writeFileSync(join(dir, 'test-leaky.jsonl'), `${[...tests, ...planted].join('\n')}\n`);
  writeFileSync(join(dir, 'test-clean.jsonl'), `${tests.join('\n')}\n`);
  const base = {
    labelRegex: 'The letter (\\w) in sign language',
    queries: { template: 'The letter {label} in sign language' },
    models: [{ name: 'base', modelId: BASE_MODEL, baseline: true }],
    embeddingLength: 384,
    modes: ['text-to-image', 'image-to-image', 'classify'],
    k: [1, 5],
    seed: 3,
    cacheDir: 'cache',
  };
  const run = (spec: Record<string, unknown>, name: string): Promise<CompareOutcome> =>
    runCompare({ specPath: writeSpec(dir, { ...base, ...spec }, name), session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000 });

  const leaky = await run({ testSet: { manifest: 'test-leaky.jsonl' }, trainingManifest: data.training, validationManifest: data.validation }, 'leaky.compare.json');
  const l = leaky.report.leakage;
  assert.ok(l, 'the report has a leakage section');
  assert.deepEqual(l.against, [data.training, data.validation]);
  assert.deepEqual(l.pairs.map((p) => [p.testId, p.kind, p.role, p.manifest, p.trainUri]), [
    [`s3://${data.bucket}/leak/train-copy.png`, 'exact', 'training', data.training, `s3://${data.bucket}/${image('training', 2).key}`],
    [`s3://${data.bucket}/leak/valid-copy.png`, 'exact', 'validation', data.validation, `s3://${data.bucket}/${image('validation', 0).key}`],
    [`s3://${data.bucket}/leak/valid-q70.jpg`, 'near', 'validation', data.validation, `s3://${data.bucket}/${image('validation', 1).key}`],
  ]);
  assert.deepEqual(leaky.report.inputs.map((i) => i.role), ['spec', 'manifest', 'training', 'validation']);
  assert.match(leaky.report.warnings.join('\n'), /without the 3 leaked test images: /);

  const clean = await run({ testSet: { manifest: 'test-clean.jsonl' } }, 'clean.compare.json');
  assert.equal(clean.report.leakage, undefined);
  assert.deepEqual(scores(l.withoutLeaked ?? []), scores(clean.report.modes), 'scored without the leaked images = a run without them');
  assert.notDeepEqual(scores(leaky.report.modes), scores(clean.report.modes), 'the leaked images change the scores, so the equality is not vacuous');

  const trainingOnly = await run({ testSet: { manifest: 'test-leaky.jsonl' }, trainingManifest: data.training }, 'training-only.compare.json');
  assert.deepEqual(trainingOnly.report.leakage?.pairs.map((p) => p.testId), [`s3://${data.bucket}/leak/train-copy.png`], 'without validationManifest the validation copies are not found');
});

test('compare spec: validationManifest naming the trainingManifest is a problem at its line', async () => {
  const specPath = join(dir, 'same.compare.json');
  writeFileSync(specPath, `{\n  "testSet": {"manifest": "t.jsonl"},\n  "trainingManifest": "train.jsonl",\n  "validationManifest": "./train.jsonl",\n  "models": [{"name": "base", "modelId": "${BASE_MODEL}"}]\n}\n`);
  await assert.rejects(runCompare({ specPath, session, runtime: rt.runtime, concurrency: 1, requestsPerMinute: 60_000 }), (err: Error & { problems?: string[] }) => {
    assert.match(String(err.problems ?? err.message), new RegExp(`same\\.compare\\.json:4:\\d+: validationManifest: "\\./train\\.jsonl" is the trainingManifest too`));
    return true;
  });
});
