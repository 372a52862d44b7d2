// bench/thumbnails: the report's thumbnails for 1,000 images of 416 x 416 (the reference dataset's size) in the local
// emulator's S3, through the AWS layer and the panel's ThumbnailCache (one GET each, decode, shrink to 128 px and PNG
// in the image pool's worker threads, dist/imageWorker.js). Target: <= 10 s cold; then a second cache over the same folder must make 0 S3 requests (counted by
// the cache and by the emulator's request log). Anchor, same run: GET of every object alone (the S3 floor).
// Run: node scripts/build.mjs && node out/bench/thumbnails/main.js [--images N]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { createAwsSession } from '../../src/aws/session';
import { mapBounded } from '../../src/core/concurrency';
import { sharedImagePool } from '../../src/core/image/imagePool';
import { ThumbnailCache } from '../../src/vscode/compare/thumbnails';
import { startEmulator } from '../../emulator';

const argv = process.argv.slice(2);
const IMAGES = argv.includes('--images') ? Number(argv[argv.indexOf('--images') + 1]) : 1_000;
const BUCKET = 'bench-thumbs';
const SIDE = 416;

/** A photo-like 416 x 416 JPEG (gradients and noise, so the decoder does real work), quality 90. */
function photo(seed: number): Buffer {
  const data = Buffer.alloc(SIDE * SIDE * 4);
  let s = seed;
  for (let i = 0; i < SIDE * SIDE; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const x = i % SIDE; const y = Math.floor(i / SIDE);
    data[i * 4] = (x + seed * 13) & 255; data[i * 4 + 1] = (y + (s & 31)) & 255; data[i * 4 + 2] = ((x ^ y) + seed) & 255; data[i * 4 + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width: SIDE, height: SIDE }, 90).data);
}

async function s3Requests(admin: string): Promise<number> {
  return ((await (await fetch(`${admin}/requests?service=s3`)).json()) as { requests: unknown[] }).requests.length;
}

async function main(): Promise<void> {
  process.env['AWS_ACCESS_KEY_ID'] ??= 'bench';
  process.env['AWS_SECRET_ACCESS_KEY'] ??= 'bench';
  const emulator = await startEmulator();
  const dir = mkdtempSync(join(tmpdir(), 'bench-thumbs-'));
  try {
    await emulator.store.createBucket(BUCKET);
    const bodies = Array.from({ length: 20 }, (_, i) => photo(i + 1));
    const keys = Array.from({ length: IMAGES }, (_, i) => `images/${String.fromCharCode(65 + (i % 26))}/${i}.jpg`);
    await mapBounded(keys, 64, (key, i) => emulator.store.putObject(BUCKET, key, bodies[i % bodies.length] as Buffer, 'image/jpeg'));
    const session = createAwsSession({ region: 'us-east-1', endpoints: { s3: emulator.endpoints.s3 } });
    const requests = keys.map((key) => ({ key, source: `s3://${BUCKET}/${key}` }));

    let started = performance.now();
    await mapBounded(keys, 8, (key) => session.s3.getObject(BUCKET, key));
    const getMs = performance.now() - started;

    const cold = new ThumbnailCache(dir);
    started = performance.now();
    const cpu = process.cpuUsage();
    const first = await cold.resolve(requests, [], [], () => Promise.resolve(session.s3));
    const coldMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const coldCpuMs = (used.user + used.system) / 1000;
    const made = [...first.values()].filter((o) => 'file' in o).length;

    const logBefore = await s3Requests(emulator.endpoints.admin);
    const warm = new ThumbnailCache(dir);
    started = performance.now();
    const second = await warm.resolve(requests, [], [], () => Promise.resolve(session.s3));
    const warmMs = performance.now() - started;
    const logged = (await s3Requests(emulator.endpoints.admin)) - logBefore;
    session.dispose();

    console.log(`${IMAGES} JPEGs of ${SIDE} x ${SIDE} (${(bodies[0]?.length ?? 0) / 1024 | 0} KiB each) in the emulator's S3`);
    console.log(`anchor, GET of every object (concurrency 8): ${getMs.toFixed(0)} ms`);
    const pool = sharedImagePool();
    console.log(`image pool: ${pool.threaded ? `${pool.size} worker threads` : 'in-thread (dist/imageWorker.js not built)'}`);
    console.log(`cold: ${coldMs.toFixed(0)} ms for ${made} thumbnails (target <= 10000 ms), ${cold.s3Requests} S3 requests; this process used ${coldCpuMs.toFixed(0)} ms of CPU (emulator included), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this shared machine`);
    console.log(`second run: ${warmMs.toFixed(0)} ms, ${warm.s3Requests} S3 requests counted by the cache, ${logged} in the emulator's request log (target 0), ${[...second.values()].filter((o) => 'file' in o).length} thumbnails`);
    if (made !== IMAGES || warm.s3Requests !== 0 || logged !== 0) process.exitCode = 1;
    console.log(`RESULT thumbnails ratio=${(coldMs / getMs).toFixed(2)} anchor=GET-every-object(${getMs.toFixed(0)}ms) target=cold<=10000ms cold_ms=${coldMs.toFixed(0)} cold_cpu_ms=${coldCpuMs.toFixed(0)} second_run_s3_requests=${warm.s3Requests + logged}`);
  } finally {
    await sharedImagePool().dispose();
    rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}

void main();
