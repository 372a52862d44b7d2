// One scoring path (issue 14, item 2): `bedrock-mm evaluate` and Compare Models' embeddings specs both go through
// core/eval/scoreFiles, so the same files give the same report; neither reads, hashes or parses embeddings itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cliRun';
import { compileLabelRule, type LabelRule } from '../../../src/core/eval/labels';
import { scoreFiles, ScoreInputError } from '../../../src/core/eval/scoreFiles';
import type { ComparisonReport } from '../../../src/protocol/report';
import { writeReferenceFiles } from './referenceRun';

const REGEX = 'The letter (\\w) in sign language';
// out/test/unit/eval -> repository root
const root = join(__dirname, '..', '..', '..', '..');

test('scoreFiles: the CLI prints the report scoreFiles gives for the same files (all but the time it was made)', async () => {
  const { dir, base, tuned, train } = writeReferenceFiles();
  try {
    const { code, out } = await runCliCaptured(['evaluate', '--mode', 'text-to-image,classify', '--model', `base=${base}`, '--model', `tuned=${tuned}`,
      '--label-regex', REGEX, '--k', '1,5', '--seed', '7', '--train', train, '--format', 'json']);
    assert.equal(code, 0);
    const cli = JSON.parse(out) as ComparisonReport;
    const direct = await scoreFiles({
      models: [{ name: 'base', embeddings: base }, { name: 'tuned', embeddings: tuned }], baseline: 'base',
      modes: ['text-to-image', 'classify'], ks: [1, 5], labelRule: compileLabelRule(REGEX) as LabelRule, seed: 7, trainingManifest: train,
      now: new Date(cli.createdAt),
    });
    assert.deepEqual(cli, JSON.parse(JSON.stringify(direct)));
    assert.deepEqual(cli.inputs.map((i) => i.role), ['embeddings', 'embeddings', 'manifest']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scoreFiles: a bad file is a ScoreInputError naming the file, the model and each line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bmc-score-'));
  try {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","label":"x","kind":"image","vector":[1,2]}\nnot json\n');
    const rule = compileLabelRule(undefined) as LabelRule;
    const fail = (models: { name: string; embeddings: string }[]): Promise<unknown> => scoreFiles({ models, baseline: 'm', modes: ['classify'], ks: [1], labelRule: rule });
    await assert.rejects(fail([{ name: 'm', embeddings: bad }]), (e) => e instanceof ScoreInputError && e.problem.kind === 'invalid' && e.problem.errors[0]?.line === 2);
    await assert.rejects(fail([{ name: 'm', embeddings: join(dir, 'missing.jsonl') }]), (e) => e instanceof ScoreInputError && e.problem.kind === 'unreadable' && e.problem.model === 'm' && e.problem.code === 'ENOENT');
    writeFileSync(join(dir, 'empty.jsonl'), '\n');
    await assert.rejects(fail([{ name: 'm', embeddings: join(dir, 'empty.jsonl') }]), (e) => e instanceof ScoreInputError && e.problem.kind === 'empty');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scoreFiles: the CLI and the VS Code comparison both score through it, and neither reads or parses embeddings itself', () => {
  for (const file of ['src/cli/evaluate.ts', 'src/vscode/compare/runComparison.ts']) {
    const source = readFileSync(join(root, file), 'utf8');
    assert.match(source, /import \{[^}]*\bscoreFiles\b[^}]*\} from '[./]+core\/eval\/scoreFiles'/, `${file} imports scoreFiles`);
    for (const own of [/\bparseEmbeddingsJsonl\b/, /\bcreateHash\b/, /from '[./]+core\/eval\/evaluate'/, /workspace\.fs\.readFile/]) {
      assert.doesNotMatch(source, own, `${file} does its own ${own.source}`);
    }
  }
});
