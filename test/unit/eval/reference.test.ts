import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../src/core/eval/evaluate';
import { compileLabelRule, type LabelRule } from '../../../src/core/eval/labels';
import { caption, LETTERS, referenceEmbeddings, TOP1 } from './referenceRun';

const rule = compileLabelRule('The letter (\\w) in sign language') as LabelRule;

test('reference run: top-1 accuracy 2/26 and 20/26, exact McNemar 2 x 0.5^18', async () => {
  const report = await evaluate({
    models: [
      { model: { name: 'base', baseline: true }, records: referenceEmbeddings('base') },
      { model: { name: 'tuned', baseline: false }, records: referenceEmbeddings('tuned') },
    ],
    baseline: 'base',
    modes: ['text-to-image'],
    ks: [1, 3, 5, 10],
    labelRule: rule,
    trainingCaptions: LETTERS.map(caption),
  });
  const mode = report.modes[0];
  assert.ok(mode);
  assert.equal(mode.queryCount, 26);
  const [base, tuned] = mode.results;
  assert.equal(base?.metrics['accuracy@1'], 2 / 26);
  assert.equal(tuned?.metrics['accuracy@1'], 20 / 26);
  // Every query's top-1 letter is the table's.
  for (const q of tuned?.perQuery ?? []) assert.equal(q.topLabels[0], TOP1.tuned.get(q.label));
  for (const q of base?.perQuery ?? []) assert.equal(q.topLabels[0], TOP1.base.get(q.label));
  const c = mode.comparisons[0];
  assert.ok(c);
  assert.deepEqual(c.outcomes, { bothRight: 2, baselineOnly: 0, modelOnly: 18, bothWrong: 6 });
  assert.equal(c.pValues.mcnemarExact, 2 * 0.5 ** 18);
  assert.ok(Math.abs(c.difference - 18 / 26) < 1e-12);
  assert.ok(c.ci95[0] > 0 && c.ci95[1] <= 1);
  assert.equal(c.bootstrap.resamples, 10_000);
  assert.ok(mode.warnings.some((w) => /only 26 queries/.test(w)), 'few-queries warning');
  assert.ok(mode.warnings.some((w) => /26 of 26 query texts are identical to training captions/.test(w)), 'leak warning');
  assert.equal(report.conventions.labelRule, 'regex /The letter (\\w) in sign language/, group 1');
});

test('reference run: classify against caption prototypes and image-to-image leave-one-out', async () => {
  const report = await evaluate({
    models: [{ model: { name: 'tuned', baseline: true }, records: referenceEmbeddings('tuned') }],
    baseline: 'tuned',
    modes: ['classify', 'image-to-image'],
    ks: [1, 5],
    labelRule: rule,
  });
  const [classify, i2i] = report.modes;
  // Each image sits on its letter's axis; prototypes are the normalised mean query vectors per letter.
  assert.equal(classify?.queryCount, 78);
  assert.equal(classify?.results[0]?.confusion?.labels.length, 26);
  const total = classify?.results[0]?.confusion?.counts.flat().reduce((a, b) => a + b, 0);
  assert.equal(total, 78);
  assert.equal(i2i?.corpus, 'leave-one-out');
  assert.equal(i2i?.results[0]?.metrics['accuracy@1'], 1);
  assert.equal(i2i?.results[0]?.perQuery[0]?.relevantCount, 2);
  assert.ok(!i2i?.results[0]?.perQuery[0]?.topIds.includes('A/0.jpg'), 'the query itself is excluded');
});
