// Big manifests are validated on several threads: the file is cut at line starts, each worker thread checks the
// lines of its part while this thread checks the first, and the file-level checks (repeated images, record count)
// run once on the joined parts. A thread costs ~40 ms to start, so it takes at least 8 MB of manifest.
// BEDROCK_MM_THREADS=N sets the count (1: no threads).
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  finishManifestParts, splitAtLines, validateManifestFile, validateManifestRange, type BatchOptions, type ByteRange, type ManifestPart, type ManifestReport,
} from '../core/manifest';

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

/** `script` runs this CLI in a worker thread (the bundle itself); without it everything runs on this thread. */
export async function validateFileOnThreads(path: string, options: BatchOptions, script: string | undefined): Promise<ThreadedRun> {
  const bytes = statSync(path).size;
  const ranges = script === undefined ? [] : splitAtLines(path, threadCount(bytes));
  if (script === undefined || ranges.length <= 1) return { report: validateManifestFile(path, options), bytes, threads: 1 };
  const others = ranges.slice(1).map((range) => partOnThread(script, { path, range, options }));
  let first: ManifestPart;
  try {
    first = validateManifestRange(path, ranges[0], options);
  } catch (err) {
    await Promise.allSettled(others);
    throw err;
  }
  const report = finishManifestParts(path, [first, ...await Promise.all(others)], options);
  return { report, bytes, threads: ranges.length };
}

function partOnThread(script: string, job: PartJob): Promise<ManifestPart> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { bedrockMmValidatePart: job } });
    worker.once('message', (part: ManifestPart) => resolve(part));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a validation thread stopped (exit code ${code}) before it reported`)));
  });
}

/** The worker side of partOnThread: checks its part and posts it back (the hash arrays are moved, not copied). */
export function runPartJob(): void {
  const job = (workerData as { bedrockMmValidatePart?: PartJob } | null)?.bedrockMmValidatePart;
  if (isMainThread || !parentPort || !job) throw new Error('runPartJob runs only in a validation thread');
  const part = validateManifestRange(job.path, job.range, job.options);
  parentPort.postMessage(part, [part.refs.hashes.buffer, part.refs.lines.buffer, part.refs.offsets.buffer]);
}
