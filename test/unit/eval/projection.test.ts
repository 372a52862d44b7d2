// PCA to 2D: a hand-computed case, scikit-learn's PCA on the same data, determinism, and the map's scaling.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pca2 } from '../../../src/core/eval/projection/pca';
import { symmetricEigen } from '../../../src/core/eval/projection/eigen';
import { buildEmbeddingMap, scaleToUnit } from '../../../src/core/eval/projection/embeddingMap';
import { WHOLE_CAPTION } from '../../../src/core/eval/labels';
import { seededRandom } from '../../../src/core/random';
import { runSklearn } from './sklearnRun';

const close = (a: number, b: number, tol: number, what: string): void => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

describe('PCA to 2D', () => {
  it('matches a hand-computed case', () => {
    // Points on the line y = x plus one off it: centred data (-2,-2),(0,0),(2,2) and (0,0) shifted.
    // Data (x, y): (1,1), (3,3), (5,5), (3,1), (3,5). Mean (3,3). Centred: (-2,-2),(0,0),(2,2),(0,-2),(0,2).
    // Scatter: sxx = 8, syy = 16, sxy = 8 -> covariance /4: [[2,2],[2,4]]; eigenvalues 3 +- sqrt(5).
    const data = [1, 1, 3, 3, 5, 5, 3, 1, 3, 5];
    const p = pca2(data, 5, 2, 1);
    close(p.explainedVariance[0], 3 + Math.sqrt(5), 1e-9, 'lambda 1');
    close(p.explainedVariance[1], 3 - Math.sqrt(5), 1e-9, 'lambda 2');
    close(p.explainedVarianceRatio[0], (3 + Math.sqrt(5)) / 6, 1e-9, 'ratio 1');
    // First component direction (1, (1 + sqrt 5) / 2) normalised, largest entry positive.
    const g = (1 + Math.sqrt(5)) / 2;
    const norm = Math.hypot(1, g);
    close(p.components[0][0] as number, 1 / norm, 1e-9, 'v1.x');
    close(p.components[0][1] as number, g / norm, 1e-9, 'v1.y');
    // Coordinates: centred point (2,2) projects to (2 + 2g) / norm on axis 1.
    close(p.xy[4] as number, (2 + 2 * g) / norm, 1e-9, 'x of point 3');
  });

  it('symmetric eigen-decomposition recovers a known spectrum', () => {
    const e = symmetricEigen(Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]), 3);
    close(e.values[0] as number, 3 + Math.sqrt(3), 1e-12, 'max');
    close(e.values[1] as number, 3, 1e-12, 'mid');
    close(e.values[2] as number, 3 - Math.sqrt(3), 1e-12, 'min');
  });

  it('symmetric eigen-decomposition of a rank-deficient 48 x 48: B v = lambda v, orthonormal vectors, descending', () => {
    const m = 48;
    const rand = seededRandom(21);
    const b = new Float64Array(m * m);
    // Rows and columns past 30 are zero: 18 zero eigenvalues, as a Krylov basis with zeroed columns gives.
    for (let i = 0; i < 30; i++) for (let j = 0; j <= i; j++) b[i * m + j] = b[j * m + i] = rand() - 0.5;
    const e = symmetricEigen(b, m);
    for (let c = 0; c < m; c++) {
      if (c > 0) assert.ok((e.values[c] as number) <= (e.values[c - 1] as number), 'descending');
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let t = 0; t < m; t++) s += (b[i * m + t] as number) * (e.vectors[t * m + c] as number);
        close(s, (e.values[c] as number) * (e.vectors[i * m + c] as number), 1e-12, `(B v - lambda v) of ${c} at ${i}`);
      }
      for (let c2 = 0; c2 <= c; c2++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += (e.vectors[i * m + c] as number) * (e.vectors[i * m + c2] as number);
        close(s, c === c2 ? 1 : 0, 1e-12, `v${c} . v${c2}`);
      }
    }
    assert.equal(e.values.filter((v) => Math.abs(v) < 1e-12).length, 18);
  });

  it('is deterministic for a seed and its map coordinates lie in [-1, 1]', () => {
    const rand = seededRandom(3);
    const data = Array.from({ length: 60 * 16 }, () => rand());
    const a = pca2(data, 60, 16, 5);
    const b = pca2(data, 60, 16, 5);
    assert.deepEqual(a.xy, b.xy);
    const s = scaleToUnit(a.xy);
    assert.ok(s.every((v) => v >= -1 && v <= 1));
    assert.ok(s.some((v) => v === 1 || v === -1), 'the widest axis touches the edge');
  });

  it('agrees with scikit-learn PCA (explained variance ratio, coordinates up to sign)', async (t) => {
    const rand = seededRandom(11);
    const n = 300;
    const d = 40;
    // Anisotropic data so the two leading components are well separated from the rest.
    const scales = Array.from({ length: d }, (_, j) => (j === 0 ? 5 : j === 1 ? 3 : 1) * (0.5 + rand()));
    const rows = Array.from({ length: n }, () => Array.from({ length: d }, (_, j) => (rand() * 2 - 1) * (scales[j] as number)));
    const sk = runSklearn<{ ratio: number[]; xy: number[][] }>(`
import json, sys
import numpy as np
from sklearn.decomposition import PCA
X = np.asarray(json.load(sys.stdin), dtype=np.float64)
p = PCA(n_components=2, svd_solver="full").fit(X)
print(json.dumps({"ratio": p.explained_variance_ratio_.tolist(), "xy": p.transform(X).tolist()}))
`, rows);
    if ('skip' in sk) return t.skip(sk.skip);
    const ours = pca2(rows.flat(), n, d, 7);
    close(ours.explainedVarianceRatio[0], sk.result.ratio[0] as number, 1e-7, 'ratio 1');
    close(ours.explainedVarianceRatio[1], sk.result.ratio[1] as number, 1e-7, 'ratio 2');
    for (let c = 0; c < 2; c++) {
      const sign = Math.sign((ours.xy[c] as number) * ((sk.result.xy[0] as number[])[c] as number)) || 1;
      for (let i = 0; i < n; i++) close(ours.xy[i * 2 + c] as number, sign * ((sk.result.xy[i] as number[])[c] as number), 1e-4, `point ${i} axis ${c}`);
    }
  });
});

describe('embedding map', () => {
  it('holds every corpus image and text query once, the same items for every model, PCA by default', () => {
    const rand = seededRandom(8);
    const rec = (kind: 'image' | 'text', id: string, label: string) => ({ id, label, kind, vector: Array.from({ length: 8 }, () => rand()) });
    const base = [rec('image', 'a', 'A'), rec('image', 'b', 'B'), rec('image', 'c', 'A'), rec('text', 'q1', 'A')];
    const tuned = base.map((r) => ({ ...r, vector: r.vector.map((v) => v * 2 + rand()) }));
    const map = buildEmbeddingMap([{ name: 'base', records: base, imageUris: new Map([['a', 's3://b/a.png']]) }, { name: 'tuned', records: tuned }], WHOLE_CAPTION, { method: 'pca', seed: 1 });
    assert.ok(map);
    assert.equal(map.method, 'pca');
    assert.deepEqual(map.items.map((i) => [i.id, i.kind]), [['a', 'image'], ['b', 'image'], ['c', 'image'], ['q1', 'text']]);
    assert.equal(map.items[0]?.source, 's3://b/a.png');
    assert.deepEqual(map.models.map((m) => [m.model, m.xy.length]), [['base', 8], ['tuned', 8]]);
    assert.ok(map.models.every((m) => m.explainedVariance && m.xy.every((v) => Math.abs(v) <= 1)));
  });

  it('UMAP on request is seeded: the same seed gives the same layout', () => {
    const rand = seededRandom(9);
    const records = Array.from({ length: 40 }, (_, i) => ({ id: `i${i}`, label: `c${i % 4}`, kind: 'image' as const, vector: Array.from({ length: 6 }, () => rand() + (i % 4)) }));
    const a = buildEmbeddingMap([{ name: 'm', records }], WHOLE_CAPTION, { method: 'umap', seed: 4 });
    const b = buildEmbeddingMap([{ name: 'm', records }], WHOLE_CAPTION, { method: 'umap', seed: 4 });
    assert.equal(a?.method, 'umap');
    assert.deepEqual(a?.models[0]?.xy, b?.models[0]?.xy);
    assert.ok(a?.models[0]?.xy.every((v) => Math.abs(v) <= 1));
  });
});
