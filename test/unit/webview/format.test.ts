import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fmt, fmtInterval, fmtP, fmtSigned, metricLabel, plainWords } from '../../../webview-ui/src/logic/format';
import { csvCell, toCsv } from '../../../webview-ui/src/logic/csv';

test('format: numbers, signed numbers, intervals', () => {
  assert.equal(fmt(0.6923), '0.69');
  assert.equal(fmt(Number.NaN), '\u2013');
  assert.equal(fmt(undefined), '\u2013');
  assert.equal(fmtSigned(0.123), '+0.12');
  assert.equal(fmtSigned(-0.123), '-0.12');
  assert.equal(fmtSigned(0.001), '0.00', 'no sign on a value that rounds to zero');
  assert.equal(fmtInterval([0.5, 0.846]), '(0.50-0.85)');
  assert.equal(fmtInterval([-0.12, 0.05]), '(-0.12 to 0.05)', 'a negative end uses "to", not a dash');
});

test('format: p-values', () => {
  assert.equal(fmtP(7.63e-6), 'p < 0.001');
  assert.equal(fmtP(0.001), 'p = 0.001');
  assert.equal(fmtP(0.04637), 'p = 0.046');
  assert.equal(fmtP(0.2149), 'p = 0.21');
  assert.equal(fmtP(1), 'p = 1');
  assert.equal(fmtP(null), 'p n/a');
});

test('format: the reference run "precision" is labelled top-1 accuracy', () => {
  assert.equal(metricLabel('accuracy@1'), 'Top-1 accuracy (AWS "precision")');
  assert.equal(metricLabel('ndcg@10'), 'nDCG@10');
  assert.equal(metricLabel('map@5'), 'MAP@5');
  assert.equal(metricLabel('r-precision'), 'R-precision');
});

test('headline wording: better, worse, no clear difference, few queries', () => {
  const d = { model: 'fine-tuned', baseline: 'base', difference: 0.6923, ci95: [0.5, 0.846] as const, p: 7.63e-6 };
  assert.equal(plainWords(d, 26), 'fine-tuned is better by 0.69 (0.50-0.85), p < 0.001, 26 queries: few');
  assert.equal(plainWords({ ...d, difference: -0.2, ci95: [-0.3, -0.1], p: 0.004 }, 120), 'fine-tuned is worse by 0.20 (-0.30 to -0.10), p = 0.004, 120 queries');
  assert.equal(plainWords({ ...d, difference: 0.03, ci95: [-0.02, 0.08], p: 0.31 }, 40), 'fine-tuned shows no clear difference (+0.03) (-0.02 to 0.08), p = 0.31, 40 queries');
  assert.equal(plainWords({ ...d, difference: 1, ci95: [1, 1], p: 1 }, 1), 'fine-tuned is better by 1.00 (1.00-1.00), p = 1, 1 query: few');
});

test('csv: quoting, formulas neutralised, numbers kept', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('-1+1'), "'-1+1");
  assert.equal(csvCell(-0.5), '-0.5');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(toCsv(['a', 'b'], [[1, 'x\ny']]), 'a,b\r\n1,"x\ny"\r\n');
});
