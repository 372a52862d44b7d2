// Big manifests are validated on several threads: the file is cut at line starts, each worker thread checks the
// lines of its part (the CLI checks the first part itself meanwhile; the editor leaves every part to workers, so
// its extension host stays responsive), and the file-level checks (repeated images, record count) run once on the
// joined parts. A thread costs ~40 ms to start, so it takes at least 8 MB of manifest. BEDROCK_MM_THREADS=N sets
// the count. The worker script is dist/cli.js, which runs runPartJob() when it starts in a worker thread.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { finishManifestParts, splitAtLines, validateManifestFile, validateManifestRange, type ByteRange } from './file';
import { seekableInput } from './spool';
import type { BatchOptions, ManifestPart, ManifestReport } from './validate';

const BYTES_PER_THREAD = 8 * 1024 * 1024;
const MAX_THREADS = 8;

interface PartJob {
  path: string;
  range: ByteRange;
  options: BatchOptions;
}

export function threadCount(size: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number(env['BEDROCK_MM_THREADS']);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, MAX_THREADS * 4);
  return Math.max(1, Math.min(availableParallelism(), Math.floor(size / BYTES_PER_THREAD), MAX_THREADS));
}

export interface ThreadedRun {
  report: ManifestReport;
  bytes: number;
  threads: number;
}

/**
 * `script` runs the CLI bundle in a worker thread; without it everything runs on this thread. `thisThreadToo`:
 * this thread checks the first part while the workers check the rest (else every part goes to a worker).
 */
export async function validateFileOnThreads(path: string, options: BatchOptions, script: string | undefined, thisThreadToo = true): Promise<ThreadedRun> {
  // A FIFO or device reports size 0 and cannot be read at offsets: validate a copy streamed to its end.
  if (!statSync(path).isFile()) {
    const copy = await seekableInput(path);
    try {
      return await validateFileOnThreads(copy.path, options, script, thisThreadToo);
    } finally {
      copy.dispose();
    }
  }
  const bytes = statSync(path).size;
  const ranges = script === undefined ? [] : splitAtLines(path, threadCount(bytes));
  if (script === undefined || (thisThreadToo && ranges.length <= 1)) return { report: validateManifestFile(path, options), bytes, threads: 1 };
  const [first, ...rest] = ranges;
  const others = (thisThreadToo ? rest : ranges).map((range) => partOnThread(script, { path, range, options }));
  const parts: ManifestPart[] = [];
  try {
    if (thisThreadToo) parts.push(validateManifestRange(path, first, options));
  } catch (err) {
    await Promise.allSettled(others);
    throw err;
  }
  parts.push(...await Promise.all(others));
  return { report: finishManifestParts(path, parts, options), bytes, threads: ranges.length };
}

function partOnThread(script: string, job: PartJob): Promise<ManifestPart> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { bedrockMmValidatePart: job } });
    worker.once('message', (part: ManifestPart) => resolve(part));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a validation thread stopped (exit code ${code}) before it reported`)));
  });
}

/** The worker side of partOnThread (dist/cli.js in a worker thread): checks its part and posts it back (the hash arrays are moved, not copied). */
export function runPartJob(): void {
  const job = (workerData as { bedrockMmValidatePart?: PartJob } | null)?.bedrockMmValidatePart;
  if (isMainThread || !parentPort || !job) throw new Error('runPartJob runs only in a validation thread');
  const part = validateManifestRange(job.path, job.range, job.options);
  parentPort.postMessage(part, [part.refs.hashes.buffer, part.refs.lines.buffer, part.refs.offsets.buffer]);
}
