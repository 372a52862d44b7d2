// Fast exact kNN: the SIMD WebAssembly kernel (wasm/knnKernel.wat) over cache-sized blocks, on worker threads for
// large problems. Scores are bit-identical to exactKnnNaive (same float32 accumulation order, same tie rule), so
// it is a drop-in replacement; the naive path stays as the fallback where WebAssembly SIMD is missing.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import kernel from './wasm/knnKernel.wat';
import { kernelRuns, type WasmApi, type WasmMemory } from './wasm/runtime';
import { exactKnnNaive, TopKCollector, type Exclusions, type KnnResult } from './topk';
import type { VectorMatrix } from './vectors';

/** One slice of queries against the whole corpus; plain data so it can cross to a worker. */
interface KnnJob {
  kernel: Uint8Array;
  /** The corpus in panels of 8 vectors, interleaved by dimension (see the kernel's layout comment). */
  panels: Float32Array;
  queries: Float32Array;
  nq: number;
  dim: number;
  corpusRows: number;
  k: number;
  /** Per query of this slice, the corpus row to skip or -1; null for none. */
  exclude: Int32Array | null;
}

interface KnnJobResult {
  indices: Int32Array;
  scores: Float32Array;
  counts: Int32Array;
}

type TopKClass = typeof TopKCollector;
type ScoresFn = (q: number, nq: number, panels: number, np: number, dim: number, out: number, stride: number) => void;

/**
 * Runs one job. Self-contained on purpose (no outer references): its source text is also what a worker runs.
 * Blocks: 64 queries (their rows stay in L1/L2) against chunks of 16 panels (128 corpus vectors, in L2).
 */
function runKnnJob(TopK: TopKClass, job: KnnJob): KnnJobResult {
  const QUERY_BLOCK = 64;
  const PANEL_CHUNK = 16;
  const { dim, corpusRows, k, nq } = job;
  const np = Math.ceil(corpusRows / 8);
  const stride = np * 8;
  const panelsAt = 0;
  const queriesAt = np * dim * 32;
  const outAt = queriesAt + QUERY_BLOCK * dim * 4;
  const need = outAt + QUERY_BLOCK * stride * 4;
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const instance = new wasm.Instance(new wasm.Module(job.kernel), {});
  const memory = instance.exports['memory'] as WasmMemory;
  const scores = instance.exports['scores'] as ScoresFn;
  if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
  const f32 = new Float32Array(memory.buffer);
  f32.set(job.panels, panelsAt / 4);
  const indices = new Int32Array(nq * k);
  const values = new Float32Array(nq * k);
  const counts = new Int32Array(nq);
  const col = new TopK(k);
  for (let q0 = 0; q0 < nq; q0 += QUERY_BLOCK) {
    const n = Math.min(QUERY_BLOCK, nq - q0);
    const n4 = Math.ceil(n / 4) * 4;
    f32.fill(0, queriesAt / 4, queriesAt / 4 + n4 * dim);
    f32.set(job.queries.subarray(q0 * dim, (q0 + n) * dim), queriesAt / 4);
    for (let c = 0; c < np; c += PANEL_CHUNK) {
      scores(queriesAt, n4, panelsAt + c * dim * 32, Math.min(PANEL_CHUNK, np - c), dim, outAt + c * 32, stride);
    }
    for (let i = 0; i < n; i++) {
      col.reset();
      const row = outAt / 4 + i * stride;
      const skip = job.exclude ? (job.exclude[q0 + i] as number) : -1;
      for (let c = 0; c < corpusRows; c++) if (c !== skip) col.offer(f32[row + c] as number, c);
      const at = (q0 + i) * k;
      indices.set(col.idx.subarray(0, col.size), at);
      values.set(col.val.subarray(0, col.size), at);
      counts[q0 + i] = col.size;
    }
  }
  return { indices, scores: values, counts };
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const TopKCollector = ${TopKCollector.toString()};
const runKnnJob = ${runKnnJob.toString()};
const r = runKnnJob(TopKCollector, workerData);
parentPort.postMessage(r, [r.indices.buffer, r.scores.buffer, r.counts.buffer]);
`;

function runInWorker(job: KnnJob): Promise<KnnJobResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: job });
    w.once('message', (r: KnnJobResult) => resolve(r));
    w.once('error', reject);
    w.once('exit', (code) => (code !== 0 ? reject(new Error(`kNN worker exited with code ${code}`)) : undefined));
  });
}

/** Corpus rows in panels of 8 interleaved by dimension, zero-padded to a whole panel. */
function packPanels(corpus: VectorMatrix): Float32Array {
  const { rows, dim, data } = corpus;
  const np = Math.ceil(rows / 8);
  const out = new Float32Array(np * dim * 8);
  for (let r = 0; r < rows; r++) {
    const base = Math.floor(r / 8) * dim * 8 + (r % 8);
    for (let d = 0; d < dim; d++) out[base + d * 8] = data[r * dim + d] as number;
  }
  return out;
}

export function wasmSimdAvailable(): boolean {
  return kernelRuns(kernel);
}

/** Below this many multiply-adds, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 5e7;

export interface FastKnnOptions {
  /** Worker threads; 0 runs the kernel on the calling thread. Default: all cores for large problems. */
  threads?: number;
}

export async function exactKnnWasm(queries: VectorMatrix, corpus: VectorMatrix, k: number, exclude: Exclusions, options: FastKnnOptions = {}): Promise<KnnResult> {
  if (queries.dim !== corpus.dim) throw new RangeError(`query dimension ${queries.dim} differs from corpus dimension ${corpus.dim}`);
  const keep = Math.max(0, Math.min(k, corpus.rows));
  const dim = corpus.dim;
  const panels = packPanels(corpus);
  const job = (q0: number, q1: number): KnnJob => ({
    kernel,
    panels,
    queries: queries.data.subarray(q0 * dim, q1 * dim),
    nq: q1 - q0,
    dim,
    corpusRows: corpus.rows,
    k: keep,
    exclude: exclude ? exclude.subarray(q0, q1) : null,
  });
  const big = queries.rows * corpus.rows * dim >= WORKER_THRESHOLD;
  const threads = Math.min(options.threads ?? (big ? availableParallelism() : 0), Math.ceil(queries.rows / 64));
  let parts: { q0: number; r: KnnJobResult }[];
  if (threads <= 0) {
    parts = [{ q0: 0, r: runKnnJob(TopKCollector, job(0, queries.rows)) }];
  } else {
    const per = Math.ceil(queries.rows / threads);
    const starts = Array.from({ length: threads }, (_, t) => t * per).filter((q0) => q0 < queries.rows);
    parts = await Promise.all(starts.map(async (q0) => ({ q0, r: await runInWorker(job(q0, Math.min(queries.rows, q0 + per))) })));
  }
  const indices: Int32Array[] = [];
  const scores: Float32Array[] = [];
  for (const { r } of parts) {
    for (let i = 0; i < r.counts.length; i++) {
      indices.push(r.indices.subarray(i * keep, i * keep + (r.counts[i] as number)));
      scores.push(r.scores.subarray(i * keep, i * keep + (r.counts[i] as number)));
    }
  }
  return { k: keep, indices, scores };
}

/** The exact kNN the product uses: the WebAssembly kernel when the runtime has SIMD, else the plain-JS reference. */
export function exactKnnFast(queries: VectorMatrix, corpus: VectorMatrix, k: number, exclude: Exclusions): Promise<KnnResult> | KnnResult {
  if (corpus.dim === 0 || corpus.rows === 0 || queries.rows === 0 || !wasmSimdAvailable()) return exactKnnNaive(queries, corpus, k, exclude);
  return exactKnnWasm(queries, corpus, k, exclude);
}
