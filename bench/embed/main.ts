// bench/embed: 2,000 images embedded against the local emulator (50 ms latency per call) under a 6,000
// requests/minute cap, through the real AWS SDK and the comparison's embedding path (S3 ETag identity, cache,
// pacer, bounded concurrency). The anchor is the cap itself: achieved rate / cap, target >= 0.95.
// Then a rerun over the same cache must make zero calls.
// Then 2,000 texts through the Cohere family, 96 per call, under --cohere-rpm (default 120): >= 0.95 of that cap
// with at least 20x fewer requests than one text per call.
// Usage: node out/bench/embed/main.js [--images N] [--rpm N] [--concurrency N] [--latency MS] [--cohere-rpm N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { embeddingRuntime } from '../../src/aws/compare/embeddingRuntime';
import { parseManifest, sourceReader } from '../../src/aws/compare/sources';
import { AwsUserError } from '../../src/core/awsRules/userError';
import { embedAll, type EmbedItem } from '../../src/core/eval/embedAll';
import { EmbeddingCache, imageKey, textKey } from '../../src/core/eval/embeddingCache';
import { cohereFamily } from '../../src/core/eval/families';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Endpoints } from '../../emulator';
import { admin, BASE_MODEL, emulatorSession, requestCount } from '../../test/support/emulatorCompare';

const { values } = parseArgs({ options: { images: { type: 'string', default: '2000' }, rpm: { type: 'string', default: '6000' }, concurrency: { type: 'string', default: '16' }, latency: { type: 'string', default: '50' }, 'cohere-rpm': { type: 'string', default: '120' } } });
const IMAGES = Number(values.images);
const RPM = Number(values.rpm);
const COHERE = 'cohere.embed-v4:0';

/** User + system CPU seconds of a process (Linux /proc), to show where the time goes. */
function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The emulator in its own process (as `npm run emulator` runs it), so it does not share this process's core. */
async function startEmulatorProcess(): Promise<{ emu: { endpoints: Endpoints }; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'emulator', 'main.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited with code ${code}`)));
  });
  return { emu: { endpoints: JSON.parse(line) as Endpoints }, child };
}

async function main(): Promise<void> {
  const { emu, child } = await startEmulatorProcess();
  const session = emulatorSession(emu);
  const rt = embeddingRuntime({ region: 'us-east-1', endpoint: emu.endpoints.bedrockRuntime, credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }) });
  const dir = mkdtempSync(join(tmpdir(), 'bench-embed-'));
  try {
    const perClass = Math.ceil(IMAGES / 26 / 2) + 1; // training + validation with one augmented copy each
    const data = (await admin(emu, '/sample-data', { imagesPerClass: perClass })) as { training: string; validation: string };
    const reader = sourceReader(() => session.s3, dir);
    const refs = [data.training, data.validation]
      .flatMap((m) => m)
      .map((m) => m);
    const entries = [];
    for (const m of refs) entries.push(...parseManifest(await reader.readText(m), m).entries);
    const images = entries.slice(0, IMAGES).map((e) => e.imageRef);
    if (images.length < IMAGES) throw new Error(`the sample dataset has only ${images.length} images`);
    const etags = new Map<string, string>();
    for (const ref of images) etags.set(ref, await reader.identity(ref));
    const items: EmbedItem[] = images.map((ref) => ({ key: imageKey(etags.get(ref) as string), load: async () => ({ imageBase64: Buffer.from(await reader.readBytes(ref)).toString('base64') }) }));
    const unique = new Set(items.map((i) => i.key)).size;
    await admin(emu, '/faults', { service: 'bedrockRuntime', latencyMs: Number(values.latency) });
    const run = async (): Promise<{ calls: number; seconds: number; served: number }> => {
      const cache = new EmbeddingCache(join(dir, 'cache'), BASE_MODEL, 256);
      const before = await requestCount(emu, 'bedrockRuntime', '/invoke');
      const t = performance.now();
      const cpu0 = process.cpuUsage();
      const emuCpu0 = processCpuSeconds(child.pid);
      const r = await embedAll(items, {
        cache,
        embed: async ([input], signal) => [(await rt.runtime.embed({ modelId: BASE_MODEL, ...input, length: 256, signal })).vector],
        isRetryable: (e) => e instanceof AwsUserError && e.details.retryable,
        isThrottling: (e) => e instanceof AwsUserError && e.kind === 'throttled',
        concurrency: Number(values.concurrency),
        requestsPerMinute: RPM,
      });
      const seconds = (performance.now() - t) / 1000;
      const cpu = process.cpuUsage(cpu0);
      cpuNote = `CPU: this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, emulator process ${(processCpuSeconds(child.pid) - emuCpu0).toFixed(1)} s, over ${seconds.toFixed(1)} s wall on ${availableParallelism()} cores (load average ${loadavg()[0]?.toFixed(1)})`;
      return { calls: r.calls, seconds, served: (await requestCount(emu, 'bedrockRuntime', '/invoke')) - before };
    };
    let cpuNote = '';
    const first = await run();
    const achieved = (first.calls / first.seconds) * 60;
    console.log(`first run: ${first.calls} calls for ${IMAGES} images (${unique} distinct ETags) in ${first.seconds.toFixed(2)} s = ${achieved.toFixed(0)} requests/min (cap ${RPM}, latency ${values.latency} ms, concurrency ${values.concurrency})`);
    console.log(cpuNote);
    const second = await run();
    console.log(`cached rerun: ${second.calls} calls (emulator saw ${second.served}) in ${second.seconds.toFixed(2)} s`);
    if (second.calls !== 0 || second.served !== 0) process.exitCode = 1;
    console.log(`RESULT embed ratio=${(achieved / RPM).toFixed(3)} anchor=requests-per-minute-cap-${RPM} target=0.95`);
    // Cohere Embed v4 takes up to 96 inputs per call: the same pacer, the family's batching, 2,000 texts.
    const texts: EmbedItem[] = Array.from({ length: 2000 }, (_, i) => ({ key: textKey(`caption ${i}`), group: 'text', load: async () => ({ text: `caption ${i}` }) }));
    const cohereRpm = Number(values['cohere-rpm']);
    const cohereCache = new EmbeddingCache(join(dir, 'cache-cohere'), COHERE, 256);
    const t0 = performance.now();
    const batched = await embedAll(texts, {
      cache: cohereCache,
      itemsPerCall: cohereFamily.maxItemsPerCall,
      embed: (inputs, signal) => rt.runtime.embedMany({ modelId: COHERE, family: cohereFamily, inputs, params: { dimension: 256, purpose: 'document' }, signal }),
      isRetryable: (e) => e instanceof AwsUserError && e.details.retryable,
      isThrottling: (e) => e instanceof AwsUserError && e.kind === 'throttled',
      concurrency: Number(values.concurrency),
      requestsPerMinute: cohereRpm,
    });
    const cohereSeconds = (performance.now() - t0) / 1000;
    const cohereAchieved = (batched.calls / cohereSeconds) * 60;
    // One item per call makes exactly one call per text (embedAll's contract, test/unit/eval/cache.test.ts).
    const fewer = texts.length / batched.calls;
    console.log(`cohere: ${batched.calls} calls for ${texts.length} texts (${fewer.toFixed(1)}x fewer than one per call) in ${cohereSeconds.toFixed(2)} s = ${cohereAchieved.toFixed(0)} requests/min (cap ${cohereRpm})`);
    if (fewer < 20) process.exitCode = 1;
    console.log(`RESULT embed-cohere-batching ratio=${(cohereAchieved / cohereRpm).toFixed(3)} anchor=requests-per-minute-cap-${cohereRpm}-with-${fewer.toFixed(1)}x-fewer-requests target=0.95`);
  } finally {
    rt.dispose();
    session.dispose();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
