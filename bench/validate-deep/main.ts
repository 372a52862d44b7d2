// bench/validate-deep: the deep image check over 10,000 objects in the local emulator's S3 (s3rver) through the
// AWS layer (one ranged GET of the first 64 KiB per image, size and ETag from its headers), in objects/s (target >= 500/s). Anchor, same run and
// concurrency: bare HEAD requests for the same objects (the request floor). Then a re-check: If-None-Match, so
// unchanged objects answer 304 with no body and come from the cache.
// Run: node scripts/build.mjs && node out/bench/validate-deep/main.js [--objects N] [--concurrency N]
import { createAwsSession } from '../../src/aws/session';
import { mapBounded } from '../../src/core/concurrency';
import { s3ImageSource } from '../../src/core/image/s3Source';
import { deepCheck, ImageCheckCache } from '../../src/core/manifest';
import { makeJpeg, makePng } from '../../test/support/images';
import { startEmulator } from '../../emulator';

const argv = process.argv.slice(2);
const opt = (name: string, def: number): number => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : def);
const OBJECTS = opt('--objects', 10_000);
const CONCURRENCY = opt('--concurrency', 32);
const BUCKET = 'bench-deep';

async function main(): Promise<void> {
  process.env['AWS_ACCESS_KEY_ID'] ??= 'bench';
  process.env['AWS_SECRET_ACCESS_KEY'] ??= 'bench';
  const emulator = await startEmulator();
  try {
    await emulator.store.createBucket(BUCKET);
    const bodies = [makePng(300, 200), makeJpeg(256, 256), makePng(100, 100), makeJpeg(800, 150)];
    const keys = Array.from({ length: OBJECTS }, (_, i) => `img/${i}.${i % 2 === 0 ? 'png' : 'jpg'}`);
    await mapBounded(keys, 64, (key, i) => emulator.store.putObject(BUCKET, key, bodies[i % 4] as Buffer, 'image/png'));
    const session = createAwsSession({ region: 'us-east-1', endpoints: { s3: emulator.endpoints.s3 } });
    const s3 = session.s3;

    let started = performance.now();
    await mapBounded(keys, CONCURRENCY, (key) => s3.headObject(BUCKET, key));
    const headMs = performance.now() - started;

    const cache = new ImageCheckCache();
    const targets = keys.map((key, line) => ({ ref: `s3://${BUCKET}/${key}`, line }));
    started = performance.now();
    const first = await deepCheck(targets, s3ImageSource(s3), { concurrency: CONCURRENCY, cache });
    const deepMs = performance.now() - started;
    started = performance.now();
    const again = await deepCheck(targets, s3ImageSource(s3), { concurrency: CONCURRENCY, cache });
    const recheckMs = performance.now() - started;
    session.dispose();

    const rate = (ms: number): string => (OBJECTS / (ms / 1000)).toFixed(0);
    console.log(`${OBJECTS.toLocaleString('en-US')} objects in s3rver, concurrency ${CONCURRENCY}`);
    console.log(`anchor, bare HEAD per object: ${headMs.toFixed(0)} ms (${rate(headMs)} objects/s)`);
    console.log(`deep check (one ranged GET + header check per object): ${deepMs.toFixed(0)} ms = ${rate(deepMs)} objects/s (target >= 500/s); ${first.diagnostics.length} problems found (expected ${OBJECTS / 2}: the 100 px and 800x150 images)`);
    console.log(`re-check with the ETag cache: ${recheckMs.toFixed(0)} ms = ${rate(recheckMs)} objects/s, ${again.fromCache} from cache`);
    console.log(`RESULT validate-deep ratio=${(deepMs / headMs).toFixed(2)} anchor=bare-HEAD-per-object target=500-objects-per-s objects_per_s=${rate(deepMs)}`);
  } finally {
    await emulator.stop();
  }
}

void main();
