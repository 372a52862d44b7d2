// Class separation: silhouette against sklearn.metrics.silhouette_score(metric="cosine") and silhouette_samples,
// a hand-checked case, and the paired difference against the baseline with worsened classes first.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classSeparation, separationVsBaseline } from '../../../src/core/eval/separation';
import { normalisedMatrix } from '../../../src/core/eval/vectors';
import { seededRandom } from '../../../src/core/random';
import { runSklearn } from './sklearnRun';

function clustered(seed: number, n: number, dim: number, classes: number, noise: number): { vectors: number[][]; labels: string[] } {
  const rand = seededRandom(seed);
  const centres = Array.from({ length: classes }, () => Array.from({ length: dim }, () => rand() * 2 - 1));
  const labels: string[] = [];
  const vectors: number[][] = [];
  for (let i = 0; i < n; i++) {
    const c = i < classes ? i : Math.floor(rand() * classes);
    labels.push(`class-${c}`);
    vectors.push((centres[c] as number[]).map((x) => x + noise * (rand() * 2 - 1)));
  }
  // One singleton class: sklearn gives its item silhouette 0.
  labels.push('lonely');
  vectors.push(Array.from({ length: dim }, () => rand()));
  return { vectors, labels };
}

describe('class separation', () => {
  it('hand case: two tight orthogonal classes separate perfectly', () => {
    const m = normalisedMatrix([[1, 0], [1, 0], [0, 1], [0, 1]], 2);
    const s = classSeparation(m, ['a', 'a', 'b', 'b']);
    assert.ok(s);
    assert.equal(s.separation.silhouette, 1);
    assert.equal(s.separation.intraClass, 1);
    assert.equal(s.separation.nearestOtherClass, 0);
    assert.deepEqual(s.separation.perClass.map((c) => [c.label, c.count]), [['a', 2], ['b', 2]]);
  });

  it('is undefined with a single class', () => {
    assert.equal(classSeparation(normalisedMatrix([[1, 0], [0, 1]], 2), ['a', 'a']), undefined);
  });

  it('agrees with scikit-learn silhouette_score and silhouette_samples on cosine distance', async (t) => {
    const { vectors, labels } = clustered(5, 150, 16, 6, 1.6);
    const m = normalisedMatrix(vectors, 16);
    const sk = runSklearn<{ score: number; samples: number[] }>(`
import json, sys
import numpy as np
from sklearn.metrics import silhouette_score, silhouette_samples
d = json.load(sys.stdin)
X = np.asarray(d["x"], dtype=np.float64)
print(json.dumps({"score": float(silhouette_score(X, d["labels"], metric="cosine")), "samples": silhouette_samples(X, d["labels"], metric="cosine").tolist()}))
`, { x: Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * 16, (i + 1) * 16))), labels });
    if ('skip' in sk) return t.skip(sk.skip);
    const ours = classSeparation(m, labels);
    assert.ok(ours);
    assert.ok(Math.abs(ours.separation.silhouette - sk.result.score) < 1e-9, `ours ${ours.separation.silhouette}, scikit-learn ${sk.result.score}`);
    sk.result.samples.forEach((v, i) => assert.ok(Math.abs((ours.silhouette[i] as number) - v) < 1e-9, `item ${i}: ${ours.silhouette[i]} vs ${v}`));
    // Not trivial: some items are on the wrong side.
    assert.ok(ours.separation.silhouette > 0.02 && ours.separation.silhouette < 0.9, `silhouette ${ours.separation.silhouette}`);
    assert.ok(sk.result.samples.some((v) => v < 0));
  });

  it('pairs with the baseline by id and lists the classes that got worse first, the largest fall first', () => {
    const { vectors, labels } = clustered(7, 60, 8, 4, 0.6);
    const ids = labels.map((_, i) => `i${i}`);
    const c0 = vectors.filter((_, i) => labels[i] === 'class-0');
    const centre = (c0[0] as number[]).map((_, j) => c0.reduce((s, v) => s + (v[j] as number), 0) / c0.length);
    // Tuned: class-1 pulled hard towards class-0, class-2 a little; the others as they were.
    const pull: Record<string, number> = { 'class-1': 1.5, 'class-2': 0.5 };
    const moved = vectors.map((v, i) => v.map((x, j) => x + (pull[labels[i] as string] ?? 0) * (centre[j] as number)));
    const base = classSeparation(normalisedMatrix(vectors, 8), labels);
    const tuned = classSeparation(normalisedMatrix(moved, 8), labels);
    assert.ok(base && tuned);
    const vs = separationVsBaseline({ ids, sep: base }, { ids, sep: tuned }, { resamples: 500, seed: 1 });
    const fall = (l: string): number => (base.separation.perClass.find((c) => c.label === l)?.silhouette ?? 0) - (tuned.separation.perClass.find((c) => c.label === l)?.silhouette ?? 0);
    const expected = base.separation.perClass.map((c) => c.label).filter((l) => fall(l) > 0).sort((x, y) => fall(y) - fall(x));
    assert.ok(expected.length >= 2, `the case must make at least two classes worse: ${expected}`);
    assert.deepEqual(vs.worsenedClasses, expected);
    assert.ok(vs.difference < 0);
    assert.ok(vs.ci95[0] <= vs.difference && vs.difference <= vs.ci95[1]);
  });
});
