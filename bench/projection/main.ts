// bench/projection: PCA of 10,000 x 1,024 float32 vectors to 2D, as a ratio to scikit-learn's
// PCA(n_components=2, svd_solver="randomized") on the same data in the same run (Debian /usr/bin/python3 with
// python3-sklearn, OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE removed from its environment). Both sides time centring +
// decomposition + projection (not data generation or loading). The data is embedding-like: 26 class centres plus
// noise. UMAP's time is printed too (same data; umap-js).
// Usage: node out/bench/projection/main.js [--rows N] [--dim N] [--reps N] [--umap-rows N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pcaKernelRuns } from '../../src/core/eval/projection/centredWasm';
import { pca2 } from '../../src/core/eval/projection/pca';
import { umap2 } from '../../src/core/eval/projection/umap';
import { seededRandom } from '../../src/core/random';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, dim: { type: 'string', default: '1024' }, reps: { type: 'string', default: '3' }, 'umap-rows': { type: 'string', default: '10000' } } });
const N = Number(values.rows);
const D = Number(values.dim);
const REPS = Number(values.reps);
const UMAP_ROWS = Number(values['umap-rows']);
const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import sys, time, json
import numpy as np
from sklearn.decomposition import PCA
n, d = int(sys.argv[2]), int(sys.argv[3])
X = np.fromfile(sys.argv[1], dtype=np.float32).reshape(n, d)
t = time.perf_counter()
p = PCA(n_components=2, svd_solver="randomized", random_state=0)
Y = p.fit_transform(X)
s = time.perf_counter() - t
print(json.dumps({"seconds": s, "ratio": p.explained_variance_ratio_.tolist()}))
`;

function data(): Float32Array {
  const r = seededRandom(1);
  const centres = Array.from({ length: 26 }, () => Float32Array.from({ length: D }, () => r() * 2 - 1));
  const a = new Float32Array(N * D);
  for (let i = 0; i < N; i++) {
    const c = centres[i % 26] as Float32Array;
    for (let j = 0; j < D; j++) a[i * D + j] = (c[j] as number) * 0.6 + (r() * 2 - 1);
  }
  return a;
}

function main(): void {
  const env = { ...process.env };
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn'], { env, encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(`no scikit-learn in ${PYTHON}: the anchor cannot run (apt-get install python3-sklearn)`);
    process.exitCode = 2;
    return;
  }
  const x = data();
  const dir = mkdtempSync(join(tmpdir(), 'bench-projection-'));
  try {
    const file = join(dir, 'x.f32');
    writeFileSync(file, x);
    let bestSk = Infinity;
    let bestOurs = Infinity;
    let skRatio: number[] = [];
    let ours: ReturnType<typeof pca2> | undefined;
    console.log(`PCA of ${N} x ${D} to 2D; bedrock-mm kernel: ${pcaKernelRuns() ? 'WebAssembly SIMD' : 'plain JS (no WebAssembly SIMD)'}; best of ${REPS}`);
    for (let rep = 0; rep < REPS; rep++) {
      const r = spawnSync(PYTHON, ['-c', SCRIPT, file, String(N), String(D)], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      const sk = JSON.parse(r.stdout) as { seconds: number; ratio: number[] };
      bestSk = Math.min(bestSk, sk.seconds);
      skRatio = sk.ratio;
      const t = performance.now();
      ours = pca2(x, N, D, 1);
      const seconds = (performance.now() - t) / 1000;
      bestOurs = Math.min(bestOurs, seconds);
      console.log(`rep ${rep + 1}: scikit-learn ${sk.seconds.toFixed(3)} s, bedrock-mm ${seconds.toFixed(3)} s (load average ${loadavg()[0]?.toFixed(1)})`);
    }
    console.log(`explained variance ratio: bedrock-mm ${ours?.explainedVarianceRatio.map((v) => v.toFixed(6)).join(', ')}; scikit-learn ${skRatio.map((v) => v.toFixed(6)).join(', ')}`);
    const um = Math.min(UMAP_ROWS, N);
    const rows = Array.from({ length: um }, (_, i) => {
      const v = x.subarray(i * D, (i + 1) * D);
      const norm = Math.hypot(...v) || 1;
      return Float64Array.from(v, (y) => y / norm);
    });
    const t = performance.now();
    umap2(rows, 1);
    console.log(`UMAP (umap-js, 2D, 15 neighbours) of ${um} x ${D}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
    console.log(`RESULT projection ratio=${(bestOurs / bestSk).toFixed(2)} anchor=sklearn-pca-randomized target=2`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
