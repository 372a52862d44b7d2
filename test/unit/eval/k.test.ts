// k of the @k metrics: every parser refuses a k outside 1..1,000 before any work, naming the limit, the value and its
// place; a valid k set without 1 still gives the top-1 headline (difference, McNemar, outcomes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../../../src/core/eval/evaluate';
import { compileLabelRule, type LabelRule } from '../../../src/core/eval/labels';
import { formatEmbeddingsJsonl } from '../../../src/core/eval/records';
import { parseCompareSpec, parseCompareSpecValue } from '../../../src/core/eval/spec';
import type { ComparisonReport } from '../../../src/protocol/report';
import { referenceEmbeddings } from './referenceRun';

const REGEX = 'The letter (\\w) in sign language';

test('k: the compare spec names the limit and the value at its line and column', () => {
  const text = `{
  "testSet": { "manifest": "s3://asl/test.jsonl" },
  "models": [{ "name": "base", "modelId": "amazon.titan-embed-image-v1" }],
  "k": [1, 1e308]
}`;
  const r = parseCompareSpec(text);
  assert.ok('problems' in r, JSON.stringify(r));
  assert.deepEqual(r.problems, [{ line: 4, column: 12, message: 'k.1: must be an integer from 1 to 1,000, got 1e+308' }]);
  const zero = parseCompareSpec(text.replace('1e308', '0'));
  assert.ok('problems' in zero);
  assert.deepEqual(zero.problems.map((p) => p.message), ['k.1: must be an integer from 1 to 1,000, got 0']);
  assert.ok('spec' in parseCompareSpec(text.replace('[1, 1e308]', '[5, 10]')));
});

test('k: the embeddings-file spec names the limit and the value at line:column', () => {
  const text = '{\n  "models": [{ "name": "a", "embeddings": "a.jsonl" }, { "name": "b", "embeddings": "b.jsonl" }],\n  "k": [5, 1e308, 2.5]\n}';
  // One parser for both forms: the same message and place as the model-id form above.
  const r = parseCompareSpec(text, { baseDir: '/w', defaultOutput: '/w/o.json' });
  assert.ok('problems' in r);
  assert.deepEqual(r.problems, [
    { line: 3, column: 12, message: 'k.1: must be an integer from 1 to 1,000, got 1e+308' },
    { line: 3, column: 19, message: 'k.2: must be an integer from 1 to 1,000, got 2.5' },
  ]);
  const ok = parseCompareSpecValue({ ...JSON.parse(text), k: [10, 5, 5] }, { baseDir: '/w', defaultOutput: '/w/o.json' });
  assert.ok('spec' in ok);
  assert.deepEqual(ok.spec.k, [5, 10]);
});

test('k: an evaluation with k = [5, 10] reports @5 and @10 plus the top-1 outcomes', async () => {
  const report = await evaluate({
    models: [
      { model: { name: 'base', modelId: 'base', embeddingLength: 4, baseline: true }, records: referenceEmbeddings('base') },
      { model: { name: 'tuned', modelId: 'tuned', embeddingLength: 4, baseline: false }, records: referenceEmbeddings('tuned') },
    ],
    baseline: 'base', modes: ['text-to-image'], ks: [5, 10], labelRule: compileLabelRule(REGEX) as LabelRule,
  });
  assert.deepEqual(report.k, [5, 10]);
  const mode = report.modes[0];
  const tuned = mode?.results.find((x) => x.model === 'tuned');
  assert.equal(tuned?.metrics['accuracy@1'], 20 / 26, 'the headline metric is there without k = 1');
  for (const key of ['accuracy@5', 'accuracy@10', 'ndcg@10', 'map@5']) assert.equal(typeof tuned?.metrics[key as 'accuracy@5'], 'number', key);
  assert.equal(tuned?.metrics['precision@1' as 'accuracy@1'], undefined, 'no other @1 metric was asked for');
  const c = mode?.comparisons[0];
  assert.equal(c?.difference, 18 / 26);
  assert.equal(c?.pValues.mcnemarExact, 2 * 0.5 ** 18);
  assert.deepEqual(c?.outcomes, { bothRight: 2, baselineOnly: 0, modelOnly: 18, bothWrong: 6 });
  assert.ok(c?.metrics['ndcg@10']);
});

test('k: bedrock-mm evaluate --k 5 works; --k 0 and --k 1e308 are usage errors (exit 2, no stack)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bmc-k-'));
  try {
    writeFileSync(join(dir, 'base.jsonl'), formatEmbeddingsJsonl(referenceEmbeddings('base')));
    writeFileSync(join(dir, 'tuned.jsonl'), formatEmbeddingsJsonl(referenceEmbeddings('tuned')));
    const evaluateWith = (k: string): ReturnType<typeof spawnSync> => spawnSync(process.execPath, ['dist/cli.js', 'evaluate', '--mode', 'text-to-image',
      '--model', `base=${join(dir, 'base.jsonl')}`, '--model', `tuned=${join(dir, 'tuned.jsonl')}`, '--label-regex', REGEX, '--format', 'json', '--k', k], { encoding: 'utf8' });
    const five = evaluateWith('5');
    assert.equal(five.status, 0, String(five.stderr));
    const report = JSON.parse(String(five.stdout)) as ComparisonReport;
    assert.deepEqual(report.k, [5]);
    assert.equal(report.modes[0]?.comparisons[0]?.difference, 18 / 26);
    for (const [k, shown] of [['0', '"0"'], ['1e308', '"1e308"'], ['1,x', '"x"']] as const) {
      const bad = evaluateWith(k);
      assert.equal(bad.status, 2, `--k ${k}: ${String(bad.stderr)}`);
      assert.match(String(bad.stderr), new RegExp(`--k: each value must be an integer from 1 to 1,000, got ${shown}`));
      assert.doesNotMatch(String(bad.stderr), /\n\s+at /, 'no stack trace');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
