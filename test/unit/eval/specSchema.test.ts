// One compare spec (issue 14, item 1): one schema, bound to *.compare.json for IntelliSense, whose TS type is tied
// to it here; one parser for both model sources (`modelId`, `embeddings`); the old embeddings form still read with
// a warning that says how to write it now; the defaults defined once, in the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_K, DEFAULT_MODES, parseCompareSpec, placeOfFile, type CompareSpecFile, type ModelById, type ModelFromFile } from '../../../src/core/eval/spec';

// out/test/unit/eval -> repository root
const root = path.join(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'compare-spec.schema.json'), 'utf8')) as {
  properties: Record<string, { default?: unknown }> & { models: { items: { properties: Record<string, unknown> } } };
};

test('compare spec: package.json binds *.compare.json to the compare-spec schema, as *.bedrock-job.json to its own', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
  const bound = pkg.contributes.jsonValidation.find((v) => v.fileMatch === '*.compare.json');
  assert.deepEqual(bound, { fileMatch: '*.compare.json', url: './schemas/compare-spec.schema.json' });
  assert.ok(fs.existsSync(path.join(root, bound.url)), 'the bound schema ships in the repository (and the VSIX)');
});

test('compare spec: the TS type and the schema list the same properties', () => {
  // `satisfies Record<keyof T, true>` fails to compile when the type gains or loses a key; the asserts catch the schema.
  const fileKeys = {
    $schema: true, testSet: true, gallery: true, trainingManifest: true, validationManifest: true, labelRegex: true, queries: true, models: true, embeddingLength: true,
    modes: true, k: true, seed: true, cacheDir: true, map: true, nearDuplicateDistance: true, vectorStore: true, batch: true, output: true, baseline: true,
  } satisfies Record<keyof CompareSpecFile, true>;
  const modelKeys = { name: true, modelId: true, embeddings: true, baseline: true, family: true, dimension: true, inference: true } satisfies Record<keyof ModelById | keyof ModelFromFile, true>;
  assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(fileKeys).sort());
  assert.deepEqual(Object.keys(schema.properties.models.items.properties).sort(), Object.keys(modelKeys).sort());
});

test('compare spec: the defaults are the schema\'s, and a spec without k or modes gets them', () => {
  assert.deepEqual(DEFAULT_K, schema.properties['k']?.default);
  assert.deepEqual(DEFAULT_K, [1, 3, 5, 10]);
  assert.deepEqual(DEFAULT_MODES, schema.properties['modes']?.default);
  const r = parseCompareSpec('{"models": [{"name": "a", "embeddings": "a.jsonl"}, {"name": "b", "embeddings": "b.jsonl"}]}');
  assert.ok('spec' in r, JSON.stringify(r));
  assert.deepEqual(r.spec.k, DEFAULT_K);
  assert.deepEqual(r.spec.modes, DEFAULT_MODES);
});

test('compare spec: one parser reads both model sources, each into its form', () => {
  const place = placeOfFile('/w/specs/letters.compare.json');
  const byId = parseCompareSpec(JSON.stringify({
    testSet: { manifest: 'test.jsonl' },
    models: [{ name: 'base', modelId: 'amazon.titan-embed-image-v1' }, { name: 'tuned', modelId: 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc' }],
    output: 'out/r.json',
  }), place);
  assert.ok('spec' in byId && byId.spec.kind === 'models', JSON.stringify(byId));
  assert.equal(byId.spec.testSet.manifest, 'test.jsonl');
  assert.equal(byId.spec.output, '/w/specs/out/r.json', '"output" is read for both forms');
  const byFile = parseCompareSpec(JSON.stringify({
    models: [{ name: 'base', embeddings: 'base.jsonl' }, { name: 'tuned', embeddings: '/abs/tuned.jsonl', baseline: true }],
    modes: ['classify', 'classify'], k: [10, 1], labelRegex: 'The letter (\\w)', seed: 7, trainingManifest: 'train.jsonl',
  }), place);
  assert.ok('spec' in byFile && byFile.spec.kind === 'embeddings', JSON.stringify(byFile));
  assert.deepEqual(byFile.spec, {
    kind: 'embeddings',
    models: [{ name: 'base', embeddings: '/w/specs/base.jsonl' }, { name: 'tuned', embeddings: '/abs/tuned.jsonl', baseline: true }],
    baseline: 'tuned', modes: ['classify'], k: [1, 10], output: '/w/specs/letters.report.json',
    labelRegex: 'The letter (\\w)', seed: 7, trainingManifest: '/w/specs/train.jsonl',
  });
  assert.deepEqual(byFile.warnings, []);
});

test('compare spec: mixed sources, both sources on one model, a missing testSet and pipeline-only keys are located problems', () => {
  const problems = (text: string): string[] => {
    const r = parseCompareSpec(text);
    assert.ok('problems' in r, text);
    return r.problems.map((p) => `${p.line}:${p.message}`);
  };
  assert.deepEqual(problems('{\n"models": [\n{"name": "a", "modelId": "m"},\n{"name": "b", "embeddings": "b.jsonl"}\n],\n"testSet": {"manifest": "t"}\n}'),
    ['2:models: give every model by "modelId" or every model by "embeddings" (a has a modelId, b an embeddings file)']);
  assert.deepEqual(problems('{\n"testSet": {"manifest": "t"},\n"models": [{"name": "a", "modelId": "m", "embeddings": "a.jsonl"}]\n}'),
    ['3:models.0: give "modelId" or "embeddings", not both']);
  assert.deepEqual(problems('{"models": [{"name": "a", "modelId": "m"}]}'), ['1:the spec: missing required property "testSet"']);
  assert.deepEqual(problems('{\n"models": [{"name": "a", "embeddings": "a.jsonl"}, {"name": "b", "embeddings": "b.jsonl"}],\n"vectorStore": {"type": "exact"}\n}'),
    ['3:vectorStore: applies to models given by "modelId"; these models give "embeddings" files, which carry their own labels and vectors']);
});

test('compare spec: the old embeddings form (top-level "baseline") is still read, with a warning that says how to write it now', () => {
  const text = '{\n  "models": [{ "name": "base", "embeddings": "b.jsonl" }, { "name": "tuned", "embeddings": "t.jsonl" }],\n  "baseline": "tuned"\n}';
  const r = parseCompareSpec(text, placeOfFile('/w/old.compare.json'));
  assert.ok('spec' in r && r.spec.kind === 'embeddings', JSON.stringify(r));
  assert.equal(r.spec.baseline, 'tuned');
  assert.deepEqual(r.warnings, [{
    line: 3, column: 15,
    message: '"baseline": "tuned" is the old form of the embeddings spec: write "baseline": true in the models entry of "tuned" and remove this line',
  }]);
  const rewritten = parseCompareSpec('{"models": [{ "name": "base", "embeddings": "b.jsonl" }, { "name": "tuned", "embeddings": "t.jsonl", "baseline": true }]}');
  assert.ok('spec' in rewritten && rewritten.spec.kind === 'embeddings');
  assert.equal(rewritten.spec.baseline, 'tuned');
  assert.deepEqual(rewritten.warnings, [], 'the form the warning asks for gets none');
});
