// A small pool of worker threads (one per available core) that decodes images and makes their thumbnails and
// perceptual hashes (process.ts), so 1,000 decodes of ~13 ms each neither block the extension host's thread nor run
// one at a time. One pool per process (sharedImagePool), shared by the report's thumbnails and the leakage check.
// The worker script is dist/imageWorker.js, next to the bundle that loads it (the extension, the AWS layer, the CLI
// package) or, for tests and benchmarks run from out/, in the repository's dist/. Without it, work runs in-thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { processImage, type ImageWants, type ProcessedImage } from './process';
import type { WorkerAnswer, WorkerTask } from './imageWorker';

export const WORKER_FILE = 'imageWorker.js';
/** Tasks sent ahead to each worker, so it never waits for the main thread between two images. */
const AHEAD = 2;
/** Workers idle this long are ended (each holds a V8 isolate); the next task starts them again. */
const IDLE_MS = 15_000;

/** The worker script: beside this bundle, else dist/ of the nearest folder up that has it. */
export function findWorkerScript(from = __dirname): string | undefined {
  const beside = join(from, WORKER_FILE);
  if (existsSync(beside)) return beside;
  for (let d = from; ; d = dirname(d)) {
    const candidate = join(d, 'dist', WORKER_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

interface Pending { task: WorkerTask; resolve(r: ProcessedImage): void }
interface Slot { worker: Worker; inFlight: Map<number, Pending> }

export class ImagePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  /** `script` undefined: work in-thread. */
  constructor(private readonly script: string | undefined, readonly size = Math.max(1, availableParallelism())) {}

  /** Whether the work runs off this thread. */
  get threaded(): boolean { return this.script !== undefined; }

  /** One decode of `bytes` gives what `wants` asks; never rejects (a failure is the result's `error`). */
  process(bytes: Uint8Array, wants: ImageWants): Promise<ProcessedImage> {
    if (!this.script) return processImage(bytes, wants);
    // A copy the worker owns (S3 bodies may be views into a larger pooled buffer; Buffer#slice would not copy).
    const own = new Uint8Array(bytes);
    return new Promise((resolve) => {
      this.queue.push({ task: { id: this.nextId++, bytes: own, wants }, resolve });
      this.pump();
    });
  }

  private pump(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length > 0) {
      const slot = this.freeSlot();
      if (!slot) break;
      const p = this.queue.shift() as Pending;
      slot.inFlight.set(p.task.id, p);
      if (slot.inFlight.size === 1) slot.worker.ref();
      slot.worker.postMessage(p.task, [p.task.bytes.buffer as ArrayBuffer]);
    }
    if (this.queue.length === 0 && this.slots.every((s) => s.inFlight.size === 0)) {
      this.idleTimer = setTimeout(() => void this.dispose(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private freeSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.inFlight.size < AHEAD && (!best || s.inFlight.size < best.inFlight.size)) best = s;
    if (best && best.inFlight.size === 0) return best;
    if (this.slots.length < this.size) return this.spawn();
    return best;
  }

  private spawn(): Slot {
    const worker = new Worker(this.script as string);
    const slot: Slot = { worker, inFlight: new Map() };
    worker.on('message', (m: WorkerAnswer) => {
      const p = slot.inFlight.get(m.id);
      slot.inFlight.delete(m.id);
      // An idle worker must not keep a CLI run alive; a busy one must (its caller awaits it).
      if (slot.inFlight.size === 0) worker.unref();
      p?.resolve(m.result);
      this.pump();
    });
    const lost = (why: string): void => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      for (const p of slot.inFlight.values()) p.resolve({ sha256: '', error: `The image worker stopped: ${why}` });
      slot.inFlight.clear();
      this.pump();
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  /** Ends every worker (tasks still queued run on new workers if more come). */
  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** Held on globalThis: the extension and the lazily loaded AWS layer are separate bundles, each with its own copy of
 * this module, and must still share one pool (so the host never runs more workers than cores). */
const SHARED = Symbol.for('bedrock-mm.imagePool');

/** The process's one pool. */
export function sharedImagePool(): ImagePool {
  const g = globalThis as { [SHARED]?: ImagePool };
  g[SHARED] ??= new ImagePool(findWorkerScript());
  return g[SHARED];
}
