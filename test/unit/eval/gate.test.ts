// The quality-gate language of `bedrock-mm compare --gate`: parse, evaluate over a report, and the messages of a
// gate that cannot be read or does not fit the report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateGates, formatGateResults, gateCandidate, GateError, parseGate } from '../../../src/core/eval/gate';
import type { ComparisonReport, MetricComparison, ModeReport } from '../../../src/protocol/report';

const cmp = (difference: number, ci95: [number, number], p: number, mcnemar: number | null = null): MetricComparison => ({
  difference, ci95, pValues: { mcnemarExact: mcnemar, randomization: p }, randomizationMethod: 'exact',
});

function mode(name: ModeReport['mode'], values: Record<string, Record<string, number>>, vs: Record<string, Record<string, MetricComparison>>): ModeReport {
  return {
    mode: name, queryCount: 10, corpusSize: 10, droppedQueries: [], warnings: [],
    results: Object.entries(values).map(([model, metrics]) => ({ model, metrics, perQuery: [], perClass: [] })),
    comparisons: Object.entries(vs).map(([model, metrics]) => ({
      model, baseline: 'base', difference: metrics['accuracy@1']?.difference ?? 0, ci95: metrics['accuracy@1']?.ci95 ?? [0, 0],
      pValues: { mcnemarExact: null, randomization: 1 }, outcomes: { bothRight: 0, baselineOnly: 0, modelOnly: 0, bothWrong: 0 },
      metrics, bootstrap: { resamples: 1000, seed: 1 }, randomization: { method: 'exact', permutations: 0, seed: 1 },
    })),
  };
}

function report(models: string[], modes: ModeReport[]): ComparisonReport {
  return {
    schemaVersion: 2, createdAt: '2026-01-01T00:00:00Z', generator: 'test', inputs: [], baseline: 'base', k: [1, 10],
    models: models.map((name) => ({ name, baseline: name === 'base' })),
    conventions: { similarity: 'cosine on L2-normalised float32 vectors', tieBreak: '', averagePrecision: '', labelRule: '' },
    vectorStore: 'exact', modes, warnings: [],
  };
}

const TWO = report(['base', 'tuned'], [mode('text-to-image',
  { base: { 'accuracy@1': 0.4, 'ndcg@10': 0.5 }, tuned: { 'accuracy@1': 0.75, 'ndcg@10': 0.58 } },
  { tuned: { 'accuracy@1': cmp(0.35, [0.2, 0.5], 0.001, 0.0005), 'ndcg@10': cmp(0.08, [-0.01, 0.17], 0.09) } })]);

describe('gate: parse', () => {
  it('reads the four shapes, with an optional mode', () => {
    assert.deepEqual(parseGate('accuracy@1 >= 0.70'), { text: 'accuracy@1 >= 0.70', kind: 'compare', metric: 'accuracy@1', term: 'value', op: '>=', threshold: 0.7 });
    assert.equal((parseGate('ndcg@10 - baseline >= 0.05') as { term: string }).term, 'baseline');
    assert.equal((parseGate('ndcg@10-best_other>0') as { term: string; op: string }).term, 'best_other');
    assert.deepEqual(parseGate('significant accuracy@1'), { text: 'significant accuracy@1', kind: 'significant', metric: 'accuracy@1' });
    assert.equal(parseGate('image-to-image:r-precision < 0.9').mode, 'image-to-image');
    assert.equal(parseGate('r-precision - baseline > -0.01').metric, 'r-precision');
  });

  it('a gate that is not one says what to write', () => {
    assert.throws(() => parseGate('accuracy@1 is good'), (e: Error) => e instanceof GateError && /not a gate: write "METRIC >= 0.7"/.test(e.message));
    assert.throws(() => parseGate('ndcg@10 - baseliene >= 0.05'), /after "-" write baseline or best_other/);
    assert.throws(() => parseGate('significant'), /write "significant METRIC"/);
    assert.throws(() => parseGate('accuracy@1 >= high'), GateError);
    assert.throws(() => parseGate('acuracy@1 >= 0.7'), (e: Error) => e instanceof GateError
      && e.message === 'gate "acuracy@1 >= 0.7": unknown metric "acuracy@1"; metrics are accuracy@K, precision@K, recall@K, mrr@K, ndcg@K, map@K, r-precision, mean-per-class-recall');
  });
});

describe('gate: evaluate', () => {
  it('value, difference against the baseline with its interval, and significance', () => {
    const [a, b, c, d] = evaluateGates(['accuracy@1 >= 0.70', 'ndcg@10 - baseline >= 0.05', 'significant accuracy@1', 'significant ndcg@10'].map(parseGate), TWO, 'tuned');
    assert.equal(a?.passed, true);
    assert.equal(a?.checks[0]?.measured, 0.75);
    assert.equal(b?.passed, true);
    assert.deepEqual(b?.checks[0]?.ci95, [-0.01, 0.17]);
    assert.equal(c?.passed, true);
    assert.equal(c?.checks[0]?.measured, 0.0005, 'the exact McNemar p where the report has it');
    assert.equal(d?.passed, false, 'p 0.09 and an interval reaching below 0 is not significant');
  });

  it('a failed gate prints the condition, the measured value and the interval', () => {
    const [r] = evaluateGates([parseGate('ndcg@10 - baseline >= 0.10')], TWO, 'tuned');
    assert.equal(r?.passed, false);
    assert.equal(formatGateResults(r ? [r] : []), 'gate FAIL: ndcg@10 - baseline >= 0.10 (tuned, text-to-image): measured 0.080, 95% CI [-0.010, 0.170]\n');
  });

  it('best_other: the candidate against the best of the other models', () => {
    const three = report(['base', 'a', 'b'], [mode('text-to-image',
      { base: { 'accuracy@1': 0.4 }, a: { 'accuracy@1': 0.7 }, b: { 'accuracy@1': 0.65 } },
      { a: { 'accuracy@1': cmp(0.3, [0.1, 0.5], 0.01) }, b: { 'accuracy@1': cmp(0.25, [0.1, 0.4], 0.01) } })]);
    const [ok] = evaluateGates([parseGate('accuracy@1 - best_other > 0')], three, 'a');
    assert.equal(ok?.passed, true);
    assert.ok(Math.abs((ok?.checks[0]?.measured ?? 0) - 0.05) < 1e-12);
    assert.match(ok?.checks[0]?.against ?? '', /b \(0\.650\)/);
    const [no] = evaluateGates([parseGate('accuracy@1 - best_other > 0')], three, 'b');
    assert.equal(no?.passed, false);
  });

  it('without a mode every mode that has the metric must pass', () => {
    const two = report(['base', 'tuned'], [
      mode('text-to-image', { base: { 'accuracy@1': 0.4 }, tuned: { 'accuracy@1': 0.8 } }, {}),
      mode('classify', { base: { 'accuracy@1': 0.4, 'mean-per-class-recall': 0.3 }, tuned: { 'accuracy@1': 0.6, 'mean-per-class-recall': 0.5 } }, {}),
    ]);
    assert.equal(evaluateGates([parseGate('accuracy@1 >= 0.7')], two, 'tuned')[0]?.passed, false);
    assert.equal(evaluateGates([parseGate('text-to-image:accuracy@1 >= 0.7')], two, 'tuned')[0]?.passed, true);
    assert.equal(evaluateGates([parseGate('mean-per-class-recall >= 0.5')], two, 'tuned')[0]?.checks.length, 1);
  });
});

describe('gate: errors against the report', () => {
  it('a metric the report does not have names the keys that exist', () => {
    assert.throws(() => evaluateGates([parseGate('accuracy@3 >= 0.7')], TWO, 'tuned'),
      (e: Error) => e instanceof GateError && e.message === 'gate "accuracy@3 >= 0.7": unknown metric "accuracy@3"; the report has accuracy@1, ndcg@10');
    assert.throws(() => evaluateGates([parseGate('classify:accuracy@1 >= 0.7')], TWO, 'tuned'), /no mode classify; its modes are text-to-image/);
  });

  it('the candidate: the one non-baseline model, or named; several without a name list them', () => {
    assert.equal(gateCandidate(TWO, undefined), 'tuned');
    const three = report(['base', 'a', 'b'], []);
    assert.throws(() => gateCandidate(three, undefined), /2 models besides the baseline base \(a, b\): name the one the gates judge with --gate-model NAME/);
    assert.equal(gateCandidate(three, 'b'), 'b');
    assert.throws(() => gateCandidate(three, 'c'), /--gate-model c: the report's models are base, a, b/);
    assert.throws(() => evaluateGates([parseGate('accuracy@1 - baseline > 0')], TWO, 'base'), /base is the baseline/);
  });
});
