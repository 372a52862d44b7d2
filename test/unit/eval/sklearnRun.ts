// Runs a scikit-learn script with Debian's /usr/bin/python3 on JSON input; a skip reason when it is not installed.
// OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are removed from its environment (they mis-tune numpy's BLAS on this machine).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

export function pythonEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  return env;
}

export function runSklearn<T>(script: string, input: unknown): { result: T } | { skip: string } {
  if (!existsSync(PYTHON)) return { skip: `${PYTHON} not found: install Debian python3-sklearn to run the scikit-learn cross-check` };
  const probe = spawnSync(PYTHON, ['-c', 'import numpy, sklearn'], { encoding: 'utf8', env: pythonEnv() });
  if (probe.status !== 0) return { skip: `scikit-learn missing in ${PYTHON} (apt-get install python3-sklearn): ${probe.stderr.trim().split('\n').pop()}` };
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', env: pythonEnv(), maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`scikit-learn script failed: ${r.stderr}`);
  return { result: JSON.parse(r.stdout) as T };
}
