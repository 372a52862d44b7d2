// The centred data matrix in a WebAssembly SIMD module's memory (kernel: ../wasm/pcaKernel.wat): centred there once,
// then every Gram product and the projection run over it without copying. Rows and columns are zero-padded to
// multiples of 4 so the kernel works on whole SIMD groups; padded values stay zero and contribute nothing.

import kernel from '../wasm/pcaKernel.wat';
import { kernelRuns, wasmApi, WASM_PAGE, type WasmMemory } from '../wasm/runtime';
import type { CentredData } from './centred';

type ColSums = (x: number, n: number, dp: number, mean: number) => void;
type Centre = (x: number, n: number, dp: number, mean: number) => number;
type Gram8 = (x: number, n4: number, dp: number, q: number, z32: number, z64: number, block: number) => void;
type Project2 = (x: number, n: number, dp: number, v: number, out: number) => void;

/** Rows whose float32 partial sums are added to the float64 result at a time: short enough that float32 sums stay
 * accurate (64 terms), long enough that the float64 flush costs nothing measurable. */
const ROW_BLOCK = 64;
/** Addresses are 32-bit and computed as row * rowBytes: stay well inside that (the plain-JS path takes the rest). */
const MAX_BYTES = 2 ** 31;

/** Compiled once per process; each PCA instantiates it with its own memory. */
let compiled: object | undefined;

export function pcaKernelRuns(): boolean {
  return kernelRuns(kernel);
}

/** undefined when WebAssembly SIMD is missing or the data does not fit one module's memory. */
export function centreWasm(data: ArrayLike<number>, n: number, d: number): CentredData | undefined {
  if (n < 1 || d < 1 || !pcaKernelRuns()) return undefined;
  const dp = Math.ceil(d / 4) * 4;
  const n4 = Math.ceil(n / 4) * 4;
  const meanAt = n4 * dp * 4;
  const qAt = meanAt + dp * 8;
  const z32At = qAt + dp * 32;
  const z64At = z32At + dp * 32;
  const vAt = z64At + dp * 64;
  const outAt = vAt + dp * 16;
  const end = outAt + n * 32;
  if (end > MAX_BYTES) return undefined;
  const wasm = wasmApi();
  if (!wasm) return undefined;
  compiled ??= new wasm.Module(kernel);
  const instance = new wasm.Instance(compiled, {}); // a fresh memory per PCA: nothing large outlives the call
  const memory = instance.exports['memory'] as WasmMemory;
  try {
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / WASM_PAGE));
  } catch {
    return undefined; // the host refused the memory: the plain-JS path needs less (no padding, no second copy)
  }
  const buffer = memory.buffer;
  const f32 = new Float32Array(buffer);
  if (dp === d && data.length === n * d) f32.set(data);
  else for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) f32[i * dp + j] = data[i * d + j] as number;
  const mean = new Float64Array(buffer, meanAt, dp);
  (instance.exports['colSums'] as ColSums)(0, n, dp, meanAt);
  for (let j = 0; j < dp; j++) mean[j] = (mean[j] as number) / n;
  const total = (instance.exports['centre'] as Centre)(0, n, dp, meanAt);
  const q32 = new Float32Array(buffer, qAt, dp * 8);
  const z64 = new Float64Array(buffer, z64At, dp * 8);
  const v = new Float64Array(buffer, vAt, dp * 2);
  const out = new Float64Array(buffer, outAt, n * 4);
  const gram8 = instance.exports['gram8'] as Gram8;
  const project2 = instance.exports['project2'] as Project2;
  return {
    n, d, total,
    gramTimes8(q) {
      q32.set(q); // rows d..dp stay zero: never written
      z64.fill(0);
      gram8(0, n4, dp, qAt, z32At, z64At, ROW_BLOCK);
      return z64.slice(0, d * 8);
    },
    project2(a, b) {
      for (let j = 0; j < d; j++) {
        const g = (j >> 2) * 8 + (j & 3);
        v[g] = a[j] as number;
        v[g + 4] = b[j] as number;
      }
      project2(0, n, dp, vAt, outAt);
      const xy = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        xy[i * 2] = (out[i * 4] as number) + (out[i * 4 + 1] as number);
        xy[i * 2 + 1] = (out[i * 4 + 2] as number) + (out[i * 4 + 3] as number);
      }
      return xy;
    },
  };
}
