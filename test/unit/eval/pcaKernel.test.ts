// PCA's two implementations of the centred data (WebAssembly SIMD kernel and plain JS) against each other: the same
// centring, Gram products within float32 rounding, the same PCA; odd sizes exercise the kernel's zero padding.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centreJs, type CentredData } from '../../../src/core/eval/projection/centred';
import { centreWasm, pcaKernelRuns } from '../../../src/core/eval/projection/centredWasm';
import { pca2, pca2Of } from '../../../src/core/eval/projection/pca';
import { seededRandom } from '../../../src/core/random';

const noSimd = !pcaKernelRuns() && 'no WebAssembly SIMD in this runtime';

/** Embedding-like rows: a few class centres plus noise, away from the origin (so centring matters). */
function clustered(n: number, d: number, seed: number): Float32Array {
  const r = seededRandom(seed);
  const centres = Array.from({ length: 5 }, () => Array.from({ length: d }, () => r() * 2 - 1));
  return Float32Array.from({ length: n * d }, (_, t) => 3 + ((centres[Math.floor(t / d) % 5] as number[])[t % d] as number) + 0.3 * (r() - 0.5));
}

const maxAbs = (a: ArrayLike<number>): number => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
function assertClose(a: ArrayLike<number>, b: ArrayLike<number>, relative: number, what: string): void {
  assert.equal(a.length, b.length, what);
  const tol = relative * Math.max(maxAbs(a), maxAbs(b));
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs((a[i] as number) - (b[i] as number)) <= tol, `${what}[${i}]: ${a[i]} vs ${b[i]} (tolerance ${tol})`);
}

describe('PCA kernel (WebAssembly SIMD) against plain JS', { skip: noSimd }, () => {
  // [2, 1500]: a few rows of many dimensions, where the scratch regions, not the data, fill the memory.
  for (const [n, d] of [[5, 2], [37, 13], [203, 33], [64, 8], [2, 1500], [3, 3000]] as const) {
    it(`${n} x ${d}: same total scatter, Gram products within float32 rounding, same projections`, () => {
      const data = clustered(n, d, n + d);
      const wasm = centreWasm(data, n, d) as CentredData;
      const js = centreJs(data, n, d);
      assert.ok(wasm, 'the kernel runs here');
      assert.ok(Math.abs(wasm.total - js.total) <= 1e-12 * js.total, `total ${wasm.total} vs ${js.total}`);
      const r = seededRandom(3);
      const q = Float64Array.from({ length: d * 8 }, () => r() - 0.5);
      assertClose(wasm.gramTimes8(q), js.gramTimes8(q), 1e-5, 'Xc^T Xc Q');
      assertClose(wasm.gramTimes8(q), js.gramTimes8(q), 1e-5, 'Xc^T Xc Q, again (scratch reset between calls)');
      const a = q.subarray(0, d);
      const b = q.subarray(d, 2 * d);
      assertClose(wasm.project2(a, b), js.project2(a, b), 1e-12, 'Xc [a b]');
    });
  }

  it('gives the PCA of the plain-JS path: explained variance, components, coordinates', () => {
    const n = 500;
    const d = 70;
    const data = clustered(n, d, 9);
    const fast = pca2Of(centreWasm(data, n, d) as CentredData, 4);
    const slow = pca2Of(centreJs(data, n, d), 4);
    for (const c of [0, 1]) {
      assert.ok(Math.abs(fast.explainedVariance[c]! - slow.explainedVariance[c]!) <= 1e-9 * slow.explainedVariance[0], `variance ${c}`);
      assertClose(fast.components[c]!, slow.components[c]!, 1e-5, `component ${c}`);
    }
    assertClose(fast.xy, slow.xy, 1e-5, 'coordinates');
    assert.deepEqual(pca2(data, n, d, 4).xy, fast.xy, 'pca2 takes the kernel');
  });
});

describe('PCA on degenerate input', () => {
  it('one row, or all rows equal: zero variance and zero coordinates, no NaN', () => {
    for (const [data, n, d] of [[[1, 2, 3], 1, 3], [[1, 2, 1, 2, 1, 2], 3, 2]] as const) {
      const p = pca2(data, n, d, 1);
      assert.equal(p.xy.length, n * 2);
      assert.ok(p.xy.every((v) => v === 0), `coordinates ${Array.from(p.xy).join(', ')}`);
      assert.deepEqual(p.explainedVarianceRatio, [0, 0]);
    }
  });
});
