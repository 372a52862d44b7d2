import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cliRun';
import type { ComparisonReport } from '../../../src/protocol/report';
import { writeReferenceFiles } from './referenceRun';

const REGEX = 'The letter (\\w) in sign language';

const fixture = writeReferenceFiles;

const run = runCliCaptured;

test('cli evaluate: reference run through the bundled CLI gives 2/26, 20/26 and McNemar 2 x 0.5^18', () => {
  const f = fixture();
  try {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'evaluate', '--mode', 'text-to-image', '--model', `base=${f.base}`, '--model', `tuned=${f.tuned}`,
      '--baseline', 'base', '--format', 'json', '--label-regex', REGEX, '--train', f.train, '--seed', '7'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as ComparisonReport;
    const mode = report.modes[0];
    assert.equal(mode?.results.find((x) => x.model === 'base')?.metrics['accuracy@1'], 2 / 26);
    assert.equal(mode?.results.find((x) => x.model === 'tuned')?.metrics['accuracy@1'], 20 / 26);
    for (const key of ['accuracy@1', 'precision@5', 'recall@5', 'mrr@10', 'ndcg@10', 'map@10', 'r-precision']) {
      assert.equal(typeof mode?.results[0]?.metrics[key as 'r-precision'], 'number', key);
    }
    const c = mode?.comparisons[0];
    assert.equal(c?.model, 'tuned');
    assert.equal(c?.pValues.mcnemarExact, 2 * 0.5 ** 18);
    assert.equal(typeof c?.pValues.randomization, 'number');
    assert.equal(c?.ci95.length, 2);
    assert.equal(c?.bootstrap.seed, 7);
    assert.equal(report.inputs.filter((i) => i.role === 'embeddings').length, 2);
    assert.match(report.inputs[0]?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.ok(mode?.warnings.some((w) => /identical to training captions/.test(w)));
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('cli evaluate: text output names the metric and the tests', async () => {
  const f = fixture();
  try {
    const r = await run(['evaluate', '--mode', 'text-to-image,classify', '--model', `base=${f.base}`, '--model', `tuned=${f.tuned}`, '--label-regex', REGEX, '--k', '1,5']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /accuracy@1\s+0\.077\s+0\.769/);
    assert.match(r.out, /McNemar exact p = 7\.63e-6/);
    assert.match(r.out, /== classify/);
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('cli evaluate: bad input gives located messages and exit 2, never a crash', async () => {
  const f = fixture();
  try {
    const bad = join(f.dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","label":"x","kind":"image","vector":[1,2]}\nnot json\n{"id":"b","label":"x","kind":"audio","vector":[1]}\n{"id":"c","label":"x","kind":"image","vector":[1,2,3]}\n');
    const r = await run(['evaluate', '--mode', 'classify', '--model', `m=${bad}`]);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.jsonl:2: not valid JSON/);
    assert.match(r.err, /bad\.jsonl:3: "kind" must be "image" or "text"/);
    assert.match(r.err, /bad\.jsonl:4: "vector" has 3 values but earlier records have 2/);
    const cases: [string[], RegExp][] = [
      [['--mode', 'sideways', '--model', `a=${f.base}`], /unknown --mode "sideways"/],
      [['--mode', 'classify', '--model', `a=${join(f.dir, 'missing.jsonl')}`], /cannot read embeddings of model a .*ENOENT/],
      [['--mode', 'classify', '--model', `a=${f.base}`, '--k', '0,x'], /--k: each value must be an integer from 1 to 1,000/],
      [['--mode', 'classify', '--model', `a=${f.base}`, '--label-regex', 'no groups'], /exactly one capture group/],
      [['--mode', 'classify', '--model', `a=${f.base}`, '--baseline', 'zzz'], /--baseline "zzz" is not one of/],
      [['--mode', 'classify', '--model', 'justafile.jsonl'], /NAME=EMBEDDINGS\.jsonl/],
      [['--mode', 'classify', '--model', `a=${f.base}`, '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, re] of cases) {
      const x = await run(['evaluate', ...args]);
      assert.equal(x.code, 2, args.join(' '));
      assert.match(x.err, re);
    }
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});
