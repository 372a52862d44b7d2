// The numpy anchors of bench/knn. Two interpreters are asked: Debian's /usr/bin/python3 (numpy 1.24 on OpenBLAS
// 0.3.21) and the `python3` on PATH (here a current wheel, numpy 2.x on its own OpenBLAS, what `pip install numpy`
// gives). The ratio is taken against the newest numpy found: that is what a user would run today; the older one
// is timed and printed for the record.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

/** The BLAS one interpreter runs, as that interpreter reports it (threadpoolctl, else OpenBLAS's own calls). */
export interface BlasInfo {
  library: string;
  version: string;
  /** The kernel OpenBLAS picked at run time (e.g. Haswell, SkylakeX): what decides its speed. */
  kernel: string;
  threads: number | null;
}

export interface NumpyAnchor {
  /** Where it was found: `debian` (/usr/bin/python3) or `path` (python3 on PATH). */
  source: 'debian' | 'path';
  python: string;
  numpy: string;
  env: NodeJS.ProcessEnv;
  /** What was done to the environment, printed beside the anchor's time. */
  envNote: string;
}

export interface AnchorRun {
  seconds: number;
  blas: BlasInfo[];
}

// The timed part (normalise, matrix product, argpartition) and the BLAS report. threadpoolctl is not installed
// beside every numpy (the pip-installed one here has none), so OpenBLAS's own get_config/get_corename, found among
// the libraries the process has mapped, answer when it is missing.
const RUN_PY = `
import ctypes, json, sys, time
import numpy as np
nq, nc, dim, k = (int(x) for x in sys.argv[3:7])
Q = np.fromfile(sys.argv[1], dtype=np.float32).reshape(nq, dim)
C = np.fromfile(sys.argv[2], dtype=np.float32).reshape(nc, dim)
t = time.perf_counter()
Qn = Q / np.linalg.norm(Q, axis=1, keepdims=True)
Cn = C / np.linalg.norm(C, axis=1, keepdims=True)
S = Qn @ Cn.T
top = np.argpartition(-S, k, axis=1)[:, :k]
seconds = time.perf_counter() - t
blas = []
try:
    from threadpoolctl import threadpool_info
    for d in threadpool_info():
        if d.get('user_api') == 'blas':
            blas.append({'library': d.get('internal_api') or '?', 'version': str(d.get('version')), 'kernel': str(d.get('architecture')), 'threads': d.get('num_threads')})
except ImportError:
    pass
def openblas(path):
    lib = ctypes.CDLL(path)
    for name in ('scipy_openblas_%s64_', 'openblas_%s'):
        if getattr(lib, name % 'get_corename', None) is None: continue
        cfg, core, nth = (getattr(lib, name % key) for key in ('get_config', 'get_corename', 'get_num_threads'))
        cfg.restype = core.restype = ctypes.c_char_p
        return {'library': 'openblas', 'version': cfg().decode().split()[1], 'kernel': core().decode(), 'threads': nth()}
if not blas:
    for path in sorted({l.split()[-1] for l in open('/proc/self/maps') if 'blas' in l.lower() and '.so' in l}):
        info = openblas(path)
        if info and info not in blas: blas.append(info)
np.save(sys.argv[7], np.sort(top, axis=1).astype(np.int32))
print(json.dumps({'seconds': seconds, 'blas': blas}))
`;

const PROBE_PY = `import json, sys, numpy; print(json.dumps({'python': sys.executable, 'numpy': numpy.__version__}))`;

/** numpy versions compared numerically, part by part ("2.4.6" > "1.24.2"); non-numeric tails are ignored. */
export function newerNumpy(a: string, b: string): boolean {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}

/**
 * The interpreters that have numpy, one per real executable, newest numpy first. The newest runs with
 * OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset: they are set on some processors here because older OpenBLAS builds
 * pick a wrong kernel there, and they force a current one onto a slower kernel. The older anchors keep the
 * machine's environment as it is (the guard is there for them). `missing` says which interpreter had no numpy.
 */
export function findNumpyAnchors(): { anchors: NumpyAnchor[]; missing: string[] } {
  const found: Omit<NumpyAnchor, 'env' | 'envNote'>[] = [];
  const missing: string[] = [];
  for (const [source, command] of [['debian', '/usr/bin/python3'], ['path', 'python3']] as const) {
    const r = spawnSync(command, ['-c', PROBE_PY], { encoding: 'utf8' });
    if (r.status !== 0) {
      missing.push(`${command}: ${r.error?.message ?? (r.stderr.trim().split('\n').pop() || `exit ${r.status}`)}`);
      continue;
    }
    const probe = JSON.parse(r.stdout) as { python: string; numpy: string };
    const python = realpathSync(probe.python);
    if (!found.some((a) => a.python === python)) found.push({ source, python, numpy: probe.numpy });
  }
  found.sort((a, b) => (newerNumpy(a.numpy, b.numpy) ? -1 : newerNumpy(b.numpy, a.numpy) ? 1 : 0));
  const anchors = found.map((a, i): NumpyAnchor => {
    if (i > 0) return { ...a, env: { ...process.env }, envNote: 'machine environment as is' };
    const env = { ...process.env };
    const unset = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'].filter((n) => n in env);
    for (const n of unset) delete env[n];
    return { ...a, env, envNote: unset.length > 0 ? `${unset.join(' and ')} unset` : 'no OPENBLAS_* override set' };
  });
  return { anchors, missing };
}

/** One timed repetition of an anchor on the raw files; its sorted top-k goes to `topPath` (.npy). */
export function runAnchor(anchor: NumpyAnchor, files: { queries: string; corpus: string; topPath: string }, shape: { nq: number; nc: number; dim: number; k: number }): AnchorRun {
  const args = ['-c', RUN_PY, files.queries, files.corpus, String(shape.nq), String(shape.nc), String(shape.dim), String(shape.k), files.topPath];
  const py = spawnSync(anchor.python, args, { encoding: 'utf8', env: anchor.env, maxBuffer: 1 << 26 });
  if (py.status !== 0) throw new Error(`numpy anchor ${anchor.python} failed: ${py.stderr}`);
  return JSON.parse(py.stdout) as AnchorRun;
}

/** The sorted top-k rows an anchor saved, flat (query-major). */
export function readAnchorTop(anchor: NumpyAnchor, topPath: string): Int32Array {
  const py = spawnSync(anchor.python, ['-c', 'import numpy as np, sys; sys.stdout.buffer.write(np.load(sys.argv[1]).tobytes())', topPath], { env: anchor.env, maxBuffer: 1 << 28 });
  if (py.status !== 0) throw new Error(`reading ${topPath} failed: ${py.stderr.toString()}`);
  return new Int32Array(py.stdout.buffer, py.stdout.byteOffset, py.stdout.byteLength / 4);
}

export const describeBlas = (blas: BlasInfo[]): string =>
  blas.length === 0 ? 'not reported' : blas.map((b) => `${b.library} ${b.version}, kernel ${b.kernel}, ${b.threads ?? '?'} threads`).join('; ');
