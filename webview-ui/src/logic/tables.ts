// The report's tables as plain rows: what the webview renders and what CSV/JSON exports contain, from one source.
// Pure (no DOM), unit-tested.
import type { TableId } from '../../../src/protocol/messages';
import type { ComparisonReport, ConfusionMatrix, MetricKey, ModeReport, QueryResult } from '../../../src/protocol/report';
import type { Cell } from './csv';
import { fmtP, headlineP, metricLabel, splitMetric } from './format';

export interface Table {
  id: TableId;
  columns: string[];
  rows: Cell[][];
}

/** Metric keys present in a mode, in a stable order: by metric family, then k. */
export function modeMetricKeys(mode: ModeReport): MetricKey[] {
  const keys = new Set<MetricKey>();
  for (const r of mode.results) for (const k of Object.keys(r.metrics)) keys.add(k as MetricKey);
  const family = ['accuracy', 'precision', 'recall', 'mrr', 'ndcg', 'map', 'r-precision', 'mean-per-class-recall'];
  const rank = (k: string): [number, number] => {
    const { metric, k: at } = splitMetric(k);
    const f = family.indexOf(metric);
    return [f < 0 ? family.length : f, at ?? 0];
  };
  return [...keys].sort((a, b) => {
    const [fa, ka] = rank(a);
    const [fb, kb] = rank(b);
    return fa - fb || ka - kb || a.localeCompare(b);
  });
}

/** The metric the headline shows beside top-1 accuracy by default: nDCG at the largest k, else the first metric. */
export function defaultMetric(mode: ModeReport, ks: readonly number[]): MetricKey | undefined {
  const keys = modeMetricKeys(mode);
  const maxK = Math.max(...ks);
  return keys.find((k) => k === `ndcg@${maxK}`) ?? keys.find((k) => k !== 'accuracy@1') ?? keys[0];
}

/** Baseline first, then the others in report order. */
export function orderedModels(report: ComparisonReport): string[] {
  const names = report.models.map((m) => m.name);
  return [report.baseline, ...names.filter((n) => n !== report.baseline)];
}

export function headlineTable(report: ComparisonReport): Table {
  const rows: Cell[][] = [];
  for (const mode of report.modes) {
    for (const c of mode.comparisons) {
      const base = mode.results.find((r) => r.model === c.baseline)?.metrics['accuracy@1'];
      const tuned = mode.results.find((r) => r.model === c.model)?.metrics['accuracy@1'];
      const p = headlineP(c);
      rows.push([mode.mode, c.baseline, base, c.model, tuned, c.difference, c.ci95[0], c.ci95[1], p.p, p.test, mode.queryCount]);
    }
  }
  return {
    id: 'headline',
    columns: ['mode', 'baseline', 'baseline top-1 accuracy', 'model', 'model top-1 accuracy', 'difference', 'ci95 low', 'ci95 high', 'p', 'test', 'queries'],
    rows,
  };
}

/** All metrics x k x model; one column per model, then one difference column per non-baseline model. */
export function metricTable(report: ComparisonReport, mode: ModeReport): Table {
  const models = orderedModels(report).filter((n) => mode.results.some((r) => r.model === n));
  const others = models.filter((m) => m !== report.baseline);
  const rows = modeMetricKeys(mode).map((key) => {
    const { metric, k } = splitMetric(key);
    const values = models.map((m) => mode.results.find((r) => r.model === m)?.metrics[key]);
    const diffs = others.map((m) => mode.comparisons.find((c) => c.model === m)?.metrics[key]?.difference);
    return [metricLabel(key), metric, k, ...values, ...diffs] as Cell[];
  });
  return { id: 'metrics', columns: ['metric', 'family', 'k', ...models, ...others.map((m) => `${m} - ${report.baseline}`)], rows };
}

/** One row per query id, with each model's result (the drill-down joins models on the query id). */
export interface QueryRow {
  queryId: string;
  label: string;
  text: string | undefined;
  byModel: Map<string, QueryResult>;
}

export function queryRows(report: ComparisonReport, mode: ModeReport): QueryRow[] {
  const rows = new Map<string, QueryRow>();
  for (const model of orderedModels(report)) {
    const result = mode.results.find((r) => r.model === model);
    for (const q of result?.perQuery ?? []) {
      let row = rows.get(q.queryId);
      if (!row) {
        row = { queryId: q.queryId, label: q.label, text: q.text, byModel: new Map() };
        rows.set(q.queryId, row);
      }
      row.byModel.set(model, q);
    }
  }
  return [...rows.values()];
}

/** Top-1 is a hit when the first result carries the query's label. */
export function isHit(q: QueryResult | undefined): boolean | undefined {
  if (!q || q.topLabels.length === 0) return undefined;
  return q.topLabels[0] === q.label;
}

export interface QueryFilter {
  /** Keep only queries this model misses at top-1. */
  missesOf?: string;
  /** Keep only queries of this class. */
  label?: string;
  /** Case-insensitive text contained in the query id, text or label. */
  search?: string;
}

export function filterQueries(rows: readonly QueryRow[], f: QueryFilter): QueryRow[] {
  const needle = f.search?.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.label !== undefined && f.label !== '' && r.label !== f.label) return false;
    if (f.missesOf && isHit(r.byModel.get(f.missesOf)) !== false) return false;
    if (needle && ![r.queryId, r.text ?? '', r.label].some((s) => s.toLowerCase().includes(needle))) return false;
    return true;
  });
}

export type SortDirection = 'asc' | 'desc';

/** Stable sort by one column: numbers numerically, text by locale, empty cells last either way. */
export function sortRows<T>(rows: readonly T[], key: (row: T) => Cell, dir: SortDirection): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  const empty = (v: Cell): boolean => v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v));
  return rows
    .map((row, i) => ({ row, i, v: key(row) }))
    .sort((a, b) => {
      if (empty(a.v) || empty(b.v)) return empty(a.v) === empty(b.v) ? a.i - b.i : empty(a.v) ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), undefined, { numeric: true });
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.row);
}

export function queryTable(report: ComparisonReport, rows: readonly QueryRow[]): Table {
  const models = orderedModels(report);
  return {
    id: 'per-query',
    columns: ['query', 'text', 'class', ...models.flatMap((m) => [`${m} top-1`, `${m} top-1 label`, `${m} hit`, `${m} score`])],
    rows: rows.map((r) => [r.queryId, r.text, r.label, ...models.flatMap((m) => {
      const q = r.byModel.get(m);
      return [q?.topIds[0], q?.topLabels[0], isHit(q) === undefined ? '' : isHit(q) ? 'hit' : 'miss', q?.topScores[0]];
    })]),
  };
}

/** AWS's per-letter table: per class, each model's top result for the class's first query, and hit/miss. */
export interface ClassRow {
  label: string;
  queries: number;
  cells: { model: string; topId: string | undefined; topLabel: string | undefined; hit: boolean | undefined; top1: number | undefined }[];
}

export function classRows(report: ComparisonReport, mode: ModeReport): ClassRow[] {
  const models = orderedModels(report);
  const rows = queryRows(report, mode);
  const labels = [...new Set(rows.map((r) => r.label))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return labels.map((label) => {
    const first = rows.find((r) => r.label === label);
    return {
      label,
      queries: rows.filter((r) => r.label === label).length,
      cells: models.map((m) => {
        const q = first?.byModel.get(m);
        const top1 = mode.results.find((r) => r.model === m)?.perClass.find((c) => c.label === label)?.top1;
        return { model: m, topId: q?.topIds[0], topLabel: q?.topLabels[0], hit: isHit(q), top1 };
      }),
    };
  });
}

export function classTable(report: ComparisonReport, mode: ModeReport): Table {
  const models = orderedModels(report);
  return {
    id: 'per-class',
    columns: ['class', 'queries', ...models.flatMap((m) => [`${m} top result`, `${m} top label`, `${m} hit`, `${m} class top-1`])],
    rows: classRows(report, mode).map((r) => [r.label, r.queries, ...r.cells.flatMap((c) =>
      [c.topId, c.topLabel, c.hit === undefined ? '' : c.hit ? 'hit' : 'miss', c.top1])]),
  };
}

export interface ConfusedPair {
  actual: string;
  predicted: string;
  count: number;
  /** Share of the actual class's queries predicted as `predicted`. */
  rate: number;
}

/** Off-diagonal cells, largest first (ties by label order), at most `limit`. */
export function confusedPairs(m: ConfusionMatrix, limit = 10): ConfusedPair[] {
  const pairs: ConfusedPair[] = [];
  m.counts.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    row.forEach((count, j) => {
      if (i !== j && count > 0) pairs.push({ actual: m.labels[i] ?? '', predicted: m.labels[j] ?? '', count, rate: total > 0 ? count / total : 0 });
    });
  });
  return pairs.sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual) || a.predicted.localeCompare(b.predicted)).slice(0, limit);
}

export function confusionTable(m: ConfusionMatrix, model: string): Table {
  return { id: 'confusion', columns: [`${model}: actual \\ predicted`, ...m.labels], rows: m.labels.map((l, i) => [l, ...(m.counts[i] ?? [])]) };
}

export function confusedPairsTable(pairs: readonly ConfusedPair[]): Table {
  return { id: 'confused-pairs', columns: ['actual', 'predicted', 'count', 'rate'], rows: pairs.map((p) => [p.actual, p.predicted, p.count, p.rate]) };
}

/** Colour intensity 0..1 for a confusion cell: its share of the row, so small and large classes compare. */
export function heat(count: number, rowTotal: number): number {
  return rowTotal > 0 ? Math.min(1, Math.max(0, count / rowTotal)) : 0;
}

/** The p-value shown in a table cell. */
export function pCell(p: number | null): string {
  return fmtP(p).replace(/^p /, '');
}
