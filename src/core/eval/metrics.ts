// Per-query retrieval metrics exactly as docs/reference/evaluation.md defines them, over one ranked list.
// rel[i] = 1 when the item at rank i+1 is relevant; relevantCount = |R| (all relevant items in the corpus).

import type { MetricKey, MetricValues } from '../../protocol/report';

/** Metric names computed at each k, in report order. */
export const AT_K_METRICS = ['accuracy', 'precision', 'recall', 'mrr', 'ndcg', 'map'] as const;

/** Every metric key a retrieval mode reports for the given k values, in report order (accuracy@1 always). */
export function metricKeys(ks: readonly number[]): MetricKey[] {
  const keys: MetricKey[] = [];
  for (const m of AT_K_METRICS) {
    // The headline (top-1 accuracy and McNemar's table) needs accuracy@1 whatever k values were asked for.
    if (m === 'accuracy' && !ks.includes(1)) keys.push('accuracy@1');
    for (const k of ks) keys.push(`${m}@${k}`);
  }
  keys.push('r-precision');
  return keys;
}

/**
 * Metrics of one query. `rel` must cover at least max(k) ranks and, for R-precision, |R| ranks (or the whole
 * corpus when it is shorter); ranks beyond the list count as non-relevant.
 */
export function queryMetrics(rel: readonly boolean[], relevantCount: number, ks: readonly number[]): MetricValues {
  const out: MetricValues = {};
  const R = relevantCount;
  for (const k of ks) {
    let hits = 0;
    let firstRank = 0;
    let dcg = 0;
    let apSum = 0;
    for (let i = 0; i < k; i++) {
      if (!rel[i]) continue;
      hits++;
      if (firstRank === 0) firstRank = i + 1;
      dcg += 1 / Math.log2(i + 2);
      apSum += hits / (i + 1); // precision at this relevant rank
    }
    let idcg = 0;
    for (let i = 0; i < Math.min(R, k); i++) idcg += 1 / Math.log2(i + 2);
    out[`accuracy@${k}`] = hits > 0 ? 1 : 0;
    out[`precision@${k}`] = hits / k;
    out[`recall@${k}`] = R > 0 ? hits / R : 0;
    out[`mrr@${k}`] = firstRank > 0 ? 1 / firstRank : 0;
    out[`ndcg@${k}`] = idcg > 0 ? dcg / idcg : 0;
    out[`map@${k}`] = R > 0 ? apSum / Math.min(k, R) : 0;
  }
  if (!ks.includes(1)) out['accuracy@1'] = rel[0] ? 1 : 0; // the headline's, see metricKeys
  let rHits = 0;
  for (let i = 0; i < R; i++) if (rel[i]) rHits++;
  out['r-precision'] = R > 0 ? rHits / R : 0;
  return out;
}

/** Mean of each key over the rows (rows all have the same keys). */
export function meanMetrics(rows: readonly MetricValues[], keys: readonly MetricKey[]): MetricValues {
  const out: MetricValues = {};
  for (const key of keys) {
    let sum = 0;
    for (const r of rows) sum += r[key] ?? 0;
    out[key] = rows.length > 0 ? sum / rows.length : 0;
  }
  return out;
}
