import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metricKeys, queryMetrics } from '../../../src/core/eval/metrics';

const close = (a: number | undefined, b: number, what: string): void => assert.ok(a !== undefined && Math.abs(a - b) < 1e-12, `${what}: ${a} != ${b}`);

test('metrics: hand-computed ranking 0,1,1,0,1 with |R| = 4', () => {
  const m = queryMetrics([false, true, true, false, true], 4, [1, 3, 5]);
  close(m['accuracy@1'], 0, 'accuracy@1');
  close(m['accuracy@3'], 1, 'accuracy@3');
  close(m['precision@3'], 2 / 3, 'precision@3');
  close(m['precision@5'], 3 / 5, 'precision@5');
  close(m['recall@3'], 2 / 4, 'recall@3');
  close(m['recall@5'], 3 / 4, 'recall@5');
  close(m['mrr@1'], 0, 'mrr@1');
  close(m['mrr@3'], 1 / 2, 'mrr@3');
  // DCG@3 = 1/log2(3) + 1/log2(4); IDCG@3 = three relevant items = 1 + 1/log2(3) + 1/2.
  close(m['ndcg@3'], (1 / Math.log2(3) + 0.5) / (1 + 1 / Math.log2(3) + 0.5), 'ndcg@3');
  close(m['ndcg@5'], (1 / Math.log2(3) + 0.5 + 1 / Math.log2(6)) / (1 + 1 / Math.log2(3) + 0.5 + 1 / Math.log2(5)), 'ndcg@5');
  // AP@k divides by min(k, |R|): (P@2 + P@3) / 3 and (P@2 + P@3 + P@5) / 4.
  close(m['map@3'], (1 / 2 + 2 / 3) / 3, 'map@3');
  close(m['map@5'], (1 / 2 + 2 / 3 + 3 / 5) / 4, 'map@5');
  close(m['r-precision'], 2 / 4, 'r-precision');
});

test('metrics: precision@k is always divided by k, even when |R| < k', () => {
  const m = queryMetrics([true, false, false, false, false], 1, [5]);
  close(m['precision@5'], 1 / 5, 'precision@5');
  close(m['recall@5'], 1, 'recall@5');
  close(m['map@5'], 1, 'map@5 (min(k,|R|) = 1)');
  close(m['ndcg@5'], 1, 'ndcg@5');
  close(m['r-precision'], 1, 'r-precision');
});

test('metrics: no relevant item in the top k gives zeros', () => {
  const m = queryMetrics([false, false, false], 2, [1, 3]);
  for (const key of metricKeys([1, 3])) close(m[key], 0, key);
});

test('metrics: keys are named accuracy@k ... map@k and r-precision', () => {
  assert.deepEqual(metricKeys([1, 5]), ['accuracy@1', 'accuracy@5', 'precision@1', 'precision@5', 'recall@1', 'recall@5', 'mrr@1', 'mrr@5', 'ndcg@1', 'ndcg@5', 'map@1', 'map@5', 'r-precision']);
});
