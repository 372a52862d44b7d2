// One decode per image where both are needed (issue 16): the comparison's leakage check decodes each test image once
// for its perceptual hash and its thumbnail (the image pool, src/core/image/process.ts), handing the thumbnail to the
// report's cache; opening the report then shows those images with no S3 read at all (the emulator's request log).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCompare } from '../../../src/aws/compare/runCompare';
import type { AwsSession } from '../../../src/aws';
import { ThumbnailCache, thumbnailRequests } from '../../../src/vscode/compare/thumbnails';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { aslSpec, emulatorRuntime, emulatorSession, trainedModel, writeSpec } from '../../support/emulatorCompare';

let emu: RunningEmulator;
let session: AwsSession;
let rt: ReturnType<typeof emulatorRuntime>;
let dir: string;

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 20 });
  session = emulatorSession(emu);
  rt = emulatorRuntime(emu);
  dir = mkdtempSync(join(tmpdir(), 'bmc-compare-thumbs-'));
});

after(async () => {
  session?.dispose();
  rt?.dispose();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the leakage check fills the report\'s thumbnail cache: the report\'s test images open with no S3 request', async () => {
  const data = await emu.uploadSampleData({ imagesPerClass: 6, testPerClass: 2, classes: 4 });
  const tuned = await trainedModel(emu, session, data);
  const specPath = writeSpec(dir, aslSpec(data, tuned, 'tuned', { modes: ['text-to-image'], k: [1, 5], cacheDir: 'cache' }));
  const thumbsDir = join(dir, 'thumbnails');
  const filled = new ThumbnailCache(thumbsDir);
  const out = await runCompare({ specPath, session, runtime: rt.runtime, concurrency: 4, requestsPerMinute: 60_000, thumbnails: filled });
  await filled.flush();
  const testImages = (out.report.embeddingMap?.items ?? []).filter((i) => i.kind === 'image');
  assert.equal(testImages.length, 8, 'the map holds the 8 test images');

  const requests = thumbnailRequests(out.report);
  const bySource = requests.filter((r) => testImages.some((i) => i.source === r.source));
  assert.ok(bySource.length >= testImages.length, 'the report shows every test image');
  const opened = new ThumbnailCache(thumbsDir);
  const known = await opened.known(bySource);
  assert.equal(known.size, bySource.length, 'every test image is already in the index when the report opens');
  let reads = 0;
  const counting = { getObjectUpTo: (b: string, k: string, max: number) => { reads++; return session.s3.getObjectUpTo(b, k, max); } };
  const got = await opened.resolve(bySource, [], [], () => Promise.resolve(counting));
  assert.equal(reads, 0, 'no S3 read when the report opens');
  for (const r of bySource) assert.ok('file' in (got.get(r.key) ?? {}), `${r.key} has its thumbnail`);
});
