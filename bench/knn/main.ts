// bench/knn: exact top-10 for 10,000 queries over 10,000 vectors of 1,024 floats, as a ratio to numpy float32
// (normalise, matrix product, argpartition) measured on the same machine in the same run. The ratio is taken
// against the newest numpy the machine has (see ./anchors.ts); Debian's older one is printed beside it.
// Both sides time normalisation + similarity + top-k selection (not data generation or loading).
// Usage: node out/bench/knn/main.js [--queries N] [--corpus N] [--dim N] [--reps N]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exactKnnFast, wasmSimdAvailable } from '../../src/core/eval/knnFast';
import { seededRandom } from '../../src/core/random';
import { exactKnnNaive, type KnnResult } from '../../src/core/eval/topk';
import { normalisedMatrix, type VectorMatrix } from '../../src/core/eval/vectors';
import { describeBlas, findNumpyAnchors, readAnchorTop, runAnchor, type AnchorRun } from './anchors';

const { values } = parseArgs({ options: { queries: { type: 'string', default: '10000' }, corpus: { type: 'string', default: '10000' }, dim: { type: 'string', default: '1024' }, reps: { type: 'string', default: '3' } } });
const NQ = Number(values.queries);
const NC = Number(values.corpus);
const DIM = Number(values.dim);
const REPS = Number(values.reps);
const K = 10;

function randomRaw(n: number, seed: number): Float32Array {
  const r = seededRandom(seed);
  const a = new Float32Array(n * DIM);
  for (let i = 0; i < a.length; i++) a[i] = r() * 2 - 1;
  return a;
}
const rowsOf = (a: Float32Array, n: number): Float32Array[] => Array.from({ length: n }, (_, i) => a.subarray(i * DIM, (i + 1) * DIM));

/** Queries whose top-k set (order aside) is the anchor's. */
function sameSets(result: KnnResult | undefined, npTop: Int32Array): number {
  let same = 0;
  result?.indices.forEach((idx, qi) => {
    const ours = Array.from(idx).sort((a, b) => a - b);
    if (ours.every((v, j) => v === npTop[qi * K + j])) same++;
  });
  return same;
}

async function main(): Promise<void> {
  const { anchors, missing } = findNumpyAnchors();
  for (const m of missing) console.log(`no numpy anchor from ${m}`);
  const newest = anchors[0];
  if (!newest) {
    console.log('no python3 with numpy: the numpy anchor cannot run (apt-get install python3-numpy, or pip install numpy).');
    process.exitCode = 2;
    return;
  }
  console.log(`exact top-${K}: ${NQ} queries x ${NC} vectors x ${DIM} float32; WebAssembly SIMD: ${wasmSimdAvailable()}; best of ${REPS}`);
  const qRaw = randomRaw(NQ, 1);
  const cRaw = randomRaw(NC, 2);
  const dir = mkdtempSync(join(tmpdir(), 'bench-knn-'));
  try {
    const files = (i: number) => ({ queries: join(dir, 'q.f32'), corpus: join(dir, 'c.f32'), topPath: join(dir, `top${i}.npy`) });
    writeFileSync(files(0).queries, qRaw);
    writeFileSync(files(0).corpus, cRaw);
    const shape = { nq: NQ, nc: NC, dim: DIM, k: K };
    // Every anchor and this implementation alternate, one repetition each, so load from other processes on the
    // machine hits all alike; the best time of each side counts.
    const bestOf: (AnchorRun | undefined)[] = anchors.map(() => undefined);
    let best = Infinity;
    let result: KnnResult | undefined;
    for (let rep = 0; rep < REPS; rep++) {
      const times = anchors.map((a, i) => {
        const run = runAnchor(a, files(i), shape);
        if (run.seconds < (bestOf[i]?.seconds ?? Infinity)) bestOf[i] = run;
        return `numpy ${a.numpy} ${run.seconds.toFixed(3)} s`;
      });
      const t = performance.now();
      const q: VectorMatrix = normalisedMatrix(rowsOf(qRaw, NQ), DIM);
      const c: VectorMatrix = normalisedMatrix(rowsOf(cRaw, NC), DIM);
      result = await exactKnnFast(q, c, K, undefined);
      const seconds = (performance.now() - t) / 1000;
      best = Math.min(best, seconds);
      console.log(`rep ${rep + 1}: ${times.join(', ')}, bedrock-mm ${seconds.toFixed(3)} s (load average ${loadavg()[0]?.toFixed(1)})`);
    }
    anchors.forEach((a, i) => {
      const run = bestOf[i] as AnchorRun;
      const role = i === 0 ? 'anchor (newest numpy)' : 'for the record';
      console.log(`${role}: ${a.source === 'debian' ? "Debian's" : 'PATH'} ${a.python}, numpy ${a.numpy} float32: ${run.seconds.toFixed(3)} s; BLAS: ${describeBlas(run.blas)}; ${a.envNote}`);
    });
    console.log(`bedrock-mm exact kNN (WebAssembly SIMD kernel, worker threads): ${best.toFixed(3)} s`);
    anchors.forEach((a, i) => {
      if (i > 0) console.log(`ratio against numpy ${a.numpy} (for the record): ${(best / (bestOf[i] as AnchorRun).seconds).toFixed(2)}`);
    });

    // Same neighbour sets as numpy? (float32 sums in another order may swap items tied to the last bits at rank 10.)
    anchors.forEach((a, i) => console.log(`top-${K} sets identical to numpy ${a.numpy}'s for ${sameSets(result, readAnchorTop(a, files(i).topPath))} of ${NQ} queries`));

    const anchorSeconds = (bestOf[0] as AnchorRun).seconds;
    // The naive plain-JS loop, on a sample of queries, scaled to the full run (for the record, not the target).
    const sample = Math.min(NQ, 200);
    const t = performance.now();
    exactKnnNaive(normalisedMatrix(rowsOf(qRaw, sample), DIM), normalisedMatrix(rowsOf(cRaw, NC), DIM), K, undefined);
    const naive = ((performance.now() - t) / 1000) * (NQ / sample);
    console.log(`naive plain-JS loop (extrapolated from ${sample} queries): ${naive.toFixed(1)} s = ${(naive / anchorSeconds).toFixed(1)}x numpy ${newest.numpy}`);
    const kernel = (bestOf[0] as AnchorRun).blas[0]?.kernel ?? 'unknown-blas';
    console.log(`RESULT knn ratio=${(best / anchorSeconds).toFixed(2)} anchor=numpy-${newest.numpy}-${kernel}-float32-matmul-argpartition target=2`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
