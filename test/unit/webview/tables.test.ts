// The webview's tables over a real report: the comparison engine run on the reference-run embeddings
// (26 text queries; base right on F and V only, fine-tuned on 20 of 26).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { evaluate } from '../../../src/core/eval/evaluate';
import { compileLabelRule } from '../../../src/core/eval/labels';
import type { ComparisonReport } from '../../../src/protocol/report';
import {
  classRows, classTable, confusedPairs, filterQueries, headlineTable, metricTable, queryRows, sortRows,
} from '../../../webview-ui/src/logic/tables';
import { referenceEmbeddings } from '../eval/referenceRun';

async function referenceReport(): Promise<ComparisonReport> {
  const rule = compileLabelRule('The letter (\\w) in sign language');
  if ('error' in rule) throw new Error(rule.error);
  return evaluate({
    models: [
      { model: { name: 'base', baseline: true }, records: referenceEmbeddings('base') },
      { model: { name: 'fine-tuned', baseline: false }, records: referenceEmbeddings('tuned') },
    ],
    baseline: 'base', modes: ['text-to-image', 'classify'], ks: [1, 5], labelRule: rule,
    comparison: { bootstrapResamples: 500, randomizationSamples: 500 }, now: new Date('2026-01-01T00:00:00Z'),
  });
}

test('tables: metric table has every metric x k, a column per model and the difference', async () => {
  const report = await referenceReport();
  const mode = report.modes[0]!;
  const t = metricTable(report, mode);
  assert.deepEqual(t.columns.slice(3), ['base', 'fine-tuned', 'fine-tuned - base']);
  const top1 = t.rows.find((r) => r[1] === 'accuracy' && r[2] === 1)!;
  assert.equal(top1[0], 'Top-1 accuracy (AWS "precision")');
  assert.equal(top1[3], 2 / 26);
  assert.equal(top1[4], 20 / 26);
  assert.ok(Math.abs((top1[5] as number) - 18 / 26) < 1e-12);
  assert.ok(t.rows.some((r) => r[1] === 'ndcg' && r[2] === 5));
  const h = headlineTable(report);
  assert.equal(h.rows.length, report.modes.length);
  assert.equal(h.rows[0]![9], 'exact McNemar');
});

test('tables: per-class rows are AWS\'s per-letter table (A: base Q, fine-tuned S, miss)', async () => {
  const report = await referenceReport();
  const rows = classRows(report, report.modes[0]!);
  assert.equal(rows.length, 26);
  const a = rows.find((r) => r.label === 'A')!;
  assert.deepEqual(a.cells.map((c) => [c.model, c.topLabel, c.hit]), [['base', 'Q', false], ['fine-tuned', 'S', false]]);
  const f = rows.find((r) => r.label === 'F')!;
  assert.deepEqual(f.cells.map((c) => c.hit), [true, true]);
  assert.equal(classTable(report, report.modes[0]!).rows.length, 26);
});

test('tables: misses-only and class filters, search', async () => {
  const report = await referenceReport();
  const rows = queryRows(report, report.modes[0]!);
  assert.equal(rows.length, 26);
  const misses = filterQueries(rows, { missesOf: 'fine-tuned' });
  assert.deepEqual(misses.map((r) => r.label).sort(), ['A', 'E', 'L', 'M', 'N', 'T']);
  assert.equal(filterQueries(rows, { missesOf: 'base' }).length, 24);
  assert.deepEqual(filterQueries(rows, { label: 'M', missesOf: 'fine-tuned' }).map((r) => r.label), ['M']);
  assert.deepEqual(filterQueries(rows, { search: 'LETTER q' }).map((r) => r.label), ['Q']);
});

test('tables: sort is stable, numeric, empty cells last', () => {
  const rows: [string, number | undefined][] = [['a', 2], ['b', undefined], ['c', 10], ['d', 2]];
  assert.deepEqual(sortRows(rows, (r) => r[1], 'asc').map((r) => r[0]), ['a', 'd', 'c', 'b']);
  assert.deepEqual(sortRows(rows, (r) => r[1], 'desc').map((r) => r[0]), ['c', 'a', 'd', 'b']);
  assert.deepEqual(sortRows([['x10'], ['x9']], (r) => r[0], 'asc').map((r) => r[0]), ['x9', 'x10']);
});

test('tables: most confused pairs, largest first', async () => {
  assert.deepEqual(confusedPairs({ labels: ['A', 'B', 'C'], counts: [[5, 3, 0], [1, 4, 1], [0, 3, 2]] }, 2),
    [{ actual: 'A', predicted: 'B', count: 3, rate: 3 / 8 }, { actual: 'C', predicted: 'B', count: 3, rate: 3 / 5 }]);
  const report = await referenceReport();
  const classify = report.modes.find((m) => m.mode === 'classify')!;
  const conf = classify.results[1]!.confusion!;
  assert.equal(conf.labels.length, 26);
  assert.ok(confusedPairs(conf).every((p) => p.actual !== p.predicted));
});
