// Number, interval, p-value and metric-name wording for the report. Pure (no DOM), unit-tested in plain Node.
export { modeLabel } from '../../../src/protocol/modeLabel';
import type { MetricComparison, MetricKey, ModelComparison } from '../../../src/protocol/report';

/** Below this many queries the headline says "few" (docs/reference/evaluation.md: warn when queries are few, < 30). */
export const FEW_QUERIES = 30;
export const DASH = '\u2013';

export function fmt(x: number | undefined | null, digits = 2): string {
  return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : DASH;
}

export function fmtSigned(x: number, digits = 2): string {
  const s = fmt(x, digits);
  return x > 0 && s !== fmt(0, digits) ? `+${s}` : s;
}

/** "(0.50-0.85)" when both ends are non-negative, "(-0.12 to 0.05)" when a minus sign would make a dash ambiguous. */
export function fmtInterval(ci: readonly [number, number], digits = 2): string {
  const [lo, hi] = ci;
  return lo < 0 || hi < 0 ? `(${fmt(lo, digits)} to ${fmt(hi, digits)})` : `(${fmt(lo, digits)}-${fmt(hi, digits)})`;
}

/** "p < 0.001", else two significant digits: "p = 0.046", "p = 0.21", "p = 1". */
export function fmtP(p: number | null | undefined): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return 'p n/a';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${Number(p.toPrecision(2)).toString()}`;
}

const METRIC_NAMES: Record<string, string> = {
  accuracy: 'Accuracy', precision: 'Precision', recall: 'Recall', mrr: 'MRR', ndcg: 'nDCG', map: 'MAP',
};

/** Splits `ndcg@10` into its metric and k; `r-precision` and `mean-per-class-recall` have no k. */
export function splitMetric(key: string): { metric: string; k: number | null } {
  const m = /^([a-z-]+)@(\d+)$/.exec(key);
  return m ? { metric: m[1] ?? key, k: Number(m[2]) } : { metric: key, k: null };
}

/** The user-facing name. accuracy@1 is what AWS's reference run calls "precision": say so. */
export function metricLabel(key: string): string {
  if (key === 'accuracy@1') return 'Top-1 accuracy (AWS "precision")';
  if (key === 'r-precision') return 'R-precision';
  if (key === 'mean-per-class-recall') return 'Mean per-class recall';
  const { metric, k } = splitMetric(key);
  const name = METRIC_NAMES[metric] ?? metric;
  return k === null ? name : `${name}@${k}`;
}

/** The headline's p-value: exact McNemar for top-1 correctness when the engine computed it, else the randomization test. */
export function headlineP(c: Pick<ModelComparison, 'pValues'>): { p: number; test: string } {
  return c.pValues.mcnemarExact !== null
    ? { p: c.pValues.mcnemarExact, test: 'exact McNemar' }
    : { p: c.pValues.randomization, test: 'sign-flip randomization' };
}

export interface Difference {
  model: string;
  baseline: string;
  difference: number;
  ci95: readonly [number, number];
  p: number;
}

/**
 * Plain words for one difference: "fine-tuned is better by 0.69 (0.50-0.85), p < 0.001, 26 queries: few".
 * "better"/"worse" only when the 95% interval excludes 0; otherwise "no clear difference".
 */
export function plainWords(d: Difference, queryCount: number): string {
  const size = Math.abs(d.difference);
  const direction = d.ci95[0] > 0 ? `is better by ${fmt(size)}`
    : d.ci95[1] < 0 ? `is worse by ${fmt(size)}`
      : `shows no clear difference (${fmtSigned(d.difference)})`;
  const queries = `${queryCount} ${queryCount === 1 ? 'query' : 'queries'}${queryCount < FEW_QUERIES ? ': few' : ''}`;
  return `${d.model} ${direction} ${fmtInterval(d.ci95)}, ${fmtP(d.p)}, ${queries}`;
}

/** The difference on the chosen metric, or undefined when the engine did not compare that metric. */
export function metricDifference(c: ModelComparison, key: MetricKey): Difference | undefined {
  const m: MetricComparison | undefined = c.metrics[key];
  if (!m) return undefined;
  return { model: c.model, baseline: c.baseline, difference: m.difference, ci95: m.ci95, p: m.pValues.randomization };
}

export function top1Difference(c: ModelComparison): Difference {
  return { model: c.model, baseline: c.baseline, difference: c.difference, ci95: c.ci95, p: headlineP(c).p };
}
