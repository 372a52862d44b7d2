// Cross-check against an independent implementation: scikit-learn's ndcg_score, top_k_accuracy_score and
// balanced_accuracy_score, run by Debian's /usr/bin/python3 on the same normalised float32 vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { scoreMode } from '../../../src/core/eval/modes';
import { WHOLE_CAPTION } from '../../../src/core/eval/labels';
import { seededRandom } from '../../../src/core/random';
import type { EmbeddingRecord } from '../../../src/core/eval/records';
import { exactKnnNaive } from '../../../src/core/eval/topk';

const PYTHON = '/usr/bin/python3';

function pythonSkipReason(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found: install Debian python3-sklearn to run the scikit-learn cross-check`;
  const r = spawnSync(PYTHON, ['-c', 'import numpy, sklearn'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `scikit-learn missing in ${PYTHON} (apt-get install python3-sklearn): ${r.stderr.trim().split('\n').pop()}`;
}

function dataset(): EmbeddingRecord[] {
  const rand = seededRandom(99);
  const dim = 24;
  const classes = Array.from({ length: 8 }, (_, i) => `class-${i}`);
  const centres = classes.map(() => Array.from({ length: dim }, () => rand() * 2 - 1));
  const near = (c: number, noise: number): number[] => (centres[c] as number[]).map((x) => x + noise * (rand() * 2 - 1));
  const records: EmbeddingRecord[] = [];
  classes.forEach((label, c) => {
    for (let t = 0; t < 2; t++) records.push({ id: `t${c}-${t}`, label, kind: 'text', vector: near(c, 1.2) });
  });
  for (let i = 0; i < 90; i++) {
    const c = Math.floor(rand() * classes.length);
    records.push({ id: `i${i}`, label: classes[c] as string, kind: 'image', vector: near(c, 1.5) });
  }
  return records;
}

const SCRIPT = `
import json, sys
import numpy as np
from sklearn.metrics import ndcg_score, top_k_accuracy_score, balanced_accuracy_score
d = json.load(sys.stdin)
def norm(m):
    m = np.asarray(m, dtype=np.float64)
    return (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)
imgs = [r for r in d if r['kind'] == 'image']; txts = [r for r in d if r['kind'] == 'text']
I = norm([r['vector'] for r in imgs]); T = norm([r['vector'] for r in txts])
il = np.array([r['label'] for r in imgs]); tl = np.array([r['label'] for r in txts])
S = T @ I.T
rel = (tl[:, None] == il[None, :]).astype(float)
out = {'ndcg@10': ndcg_score(rel, S, k=10), 'ndcg@5': ndcg_score(rel, S, k=5)}
classes = sorted(set(tl))
P = norm([T[tl == c].astype(np.float64).mean(axis=0) for c in classes])
C = I @ P.T
out['accuracy@1'] = top_k_accuracy_score(il, C, k=1, labels=classes)
out['accuracy@3'] = top_k_accuracy_score(il, C, k=3, labels=classes)
out['mean-per-class-recall'] = balanced_accuracy_score(il, np.array(classes)[C.argmax(axis=1)])
print(json.dumps(out))
`;

test('sklearn cross-check: nDCG@k, top-k accuracy and balanced accuracy agree with scikit-learn', async (t) => {
  const skip = pythonSkipReason();
  if (skip) return t.skip(skip);
  const records = dataset();
  const r = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(records), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const sk = JSON.parse(r.stdout) as Record<string, number>;
  const t2i = await scoreMode({ mode: 'text-to-image', records, labelRule: WHOLE_CAPTION, ks: [5, 10] }, exactKnnNaive);
  const cls = await scoreMode({ mode: 'classify', records, labelRule: WHOLE_CAPTION, ks: [1, 3] }, exactKnnNaive);
  const near = (ours: number | undefined, theirs: number | undefined, what: string): void =>
    assert.ok(ours !== undefined && theirs !== undefined && Math.abs(ours - theirs) < 1e-9, `${what}: ours ${ours}, scikit-learn ${theirs}`);
  near(t2i.result.metrics['ndcg@10'], sk['ndcg@10'], 'ndcg@10');
  near(t2i.result.metrics['ndcg@5'], sk['ndcg@5'], 'ndcg@5');
  near(cls.result.metrics['accuracy@1'], sk['accuracy@1'], 'top-1 accuracy');
  near(cls.result.metrics['accuracy@3'], sk['accuracy@3'], 'top-3 accuracy');
  near(cls.result.metrics['mean-per-class-recall'], sk['mean-per-class-recall'], 'balanced accuracy');
  // The data must not be trivial, or agreement proves little.
  const acc = cls.result.metrics['accuracy@1'] ?? 0;
  assert.ok(acc > 0.2 && acc < 0.95, `top-1 accuracy ${acc} should be neither trivial nor perfect`);
});
