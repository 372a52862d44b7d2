import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineOf, parseCompareSpec } from '../../../src/core/eval/spec';

const GOOD = `{
  "testSet": { "manifest": "s3://asl/test.jsonl" },
  "labelRegex": "The letter (\\\\w) in sign language",
  "queries": { "template": "The letter {label} in sign language" },
  "models": [
    { "name": "base", "modelId": "amazon.titan-embed-image-v1" },
    { "name": "tuned", "modelId": "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl" }
  ]
}`;

test('compare spec: a minimal spec gets the documented defaults', () => {
  const r = parseCompareSpec(GOOD);
  assert.ok('spec' in r && r.spec.kind === 'models', JSON.stringify(r));
  assert.equal(r.spec.embeddingLength, 1024);
  assert.deepEqual(r.spec.modes, ['text-to-image', 'image-to-image', 'classify']);
  assert.deepEqual(r.spec.k, [1, 3, 5, 10]);
  assert.deepEqual(r.spec.vectorStore, { type: 'exact' });
  assert.equal(baselineOf(r.spec), 'base');
});

test('compare spec: every problem is located at its line and column', () => {
  const text = `{
  "testSet": { "manifest": "s3://asl/test.jsonl", "extra": 1 },
  "models": [
    { "name": "base", "modelId": "amazon.titan-embed-image-v1" },
    { "name": "tuned" }
  ],
  "embeddingLength": 512,
  "vectorStore": { "type": "opensearch-serverless", "collection": "Bad_Name" }
}`;
  const r = parseCompareSpec(text);
  assert.ok('problems' in r);
  const find = (re: RegExp) => r.problems.find((p) => re.test(p.message));
  assert.deepEqual(find(/unknown property "extra"/), { line: 2, column: 14, message: 'testSet: unknown property "extra"' });
  assert.equal(find(/missing required property "modelId"/)?.line, 5);
  assert.equal(find(/embeddingLength: must be one of \[256,384,1024\]/)?.line, 7);
  assert.equal(find(/vectorStore: must be/)?.line, 8);
});

test('compare spec: invalid JSON, bad regex and duplicate names are reported, not thrown', () => {
  const bad = parseCompareSpec('{\n  "testSet": ,\n}');
  assert.ok('problems' in bad && bad.problems[0]?.line === 2 && /not valid JSON/.test(bad.problems[0].message), JSON.stringify(bad));
  const dup = parseCompareSpec(GOOD.replace('"tuned"', '"base"').replace('(\\\\w)', '\\\\w'));
  assert.ok('problems' in dup);
  assert.ok(dup.problems.some((p) => /exactly one capture group/.test(p.message) && p.line === 3));
  assert.ok(dup.problems.some((p) => /"base" is used twice/.test(p.message) && p.line === 7));
});

test('compare spec: the schema is valid draft-07 for an independent validator (Python jsonschema)', (t) => {
  const probe = existsSync('/usr/bin/python3') ? spawnSync('/usr/bin/python3', ['-c', 'import jsonschema'], { encoding: 'utf8' }) : undefined;
  if (!probe || probe.status !== 0) return t.skip('/usr/bin/python3 with jsonschema not available (apt-get install python3-jsonschema)');
  const dir = mkdtempSync(join(tmpdir(), 'bmc-spec-'));
  try {
    writeFileSync(join(dir, 'spec.json'), GOOD);
    const r = spawnSync('/usr/bin/python3', ['-c', `import json, sys, jsonschema
s = json.load(open(sys.argv[1])); jsonschema.Draft7Validator.check_schema(s)
jsonschema.validate(json.load(open(sys.argv[2])), s); print('ok')`, 'schemas/compare-spec.schema.json', join(dir, 'spec.json')], { encoding: 'utf8' });
    assert.equal(r.stdout.trim(), 'ok', r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
