import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { jobRequestFromSpec, parseJobSpec, specToJson } from '../../../src/core/lifecycle/jobSpec';
import { deriveClientRequestToken } from '../../../src/core/lifecycle/requestToken';
import { resourceTags } from '../../../src/core/lifecycle/tags';

const valid = {
  jobName: 'asl-letters-1',
  customModelName: 'asl-model',
  roleArn: 'arn:aws:iam::123456789012:role/BedrockRole',
  trainingData: 's3://asl-data/train.jsonl',
  validationData: 's3://asl-data/validation.jsonl',
  outputData: 's3://asl-data/output/',
  hyperParameters: { epochCount: 'auto', batchSize: 256, learningRate: 0.00001 },
  tags: { team: 'ml' },
};

test('a valid spec becomes the CreateModelCustomizationJob body with our tags', () => {
  const { spec, problems } = parseJobSpec(JSON.stringify(valid));
  assert.deepEqual(problems, []);
  assert.ok(spec);
  const req = jobRequestFromSpec(spec, 'my workspace');
  assert.equal(req.baseModelIdentifier, 'amazon.titan-embed-image-v1:0');
  assert.equal(req.customizationType, 'FINE_TUNING');
  assert.deepEqual(req.hyperParameters, { epochCount: 'Auto', batchSize: '256', learningRate: '0.00001' });
  assert.deepEqual(req.validationDataConfig, { validators: [{ s3Uri: 's3://asl-data/validation.jsonl' }] });
  assert.deepEqual(req.jobTags, [
    { key: 'team', value: 'ml' }, { key: 'created-by', value: 'bedrock-mm-customizer' }, { key: 'bedrock-mm-project', value: 'my workspace' },
  ]);
  assert.deepEqual(req.customModelTags, req.jobTags);
});

test('defaults fill batchSize and learningRate; epochCount is required', () => {
  const { spec } = parseJobSpec(JSON.stringify({ ...valid, hyperParameters: { epochCount: 3 } }));
  assert.deepEqual(spec?.hyperParameters, { epochCount: '3', batchSize: '576', learningRate: '0.00005' });
  const missing = parseJobSpec(JSON.stringify({ ...valid, hyperParameters: {} }));
  assert.equal(missing.spec, undefined);
  assert.deepEqual(missing.problems.map((p) => p.path), ['hyperParameters.epochCount']);
});

test('every problem names its field and nothing throws on bad input', () => {
  assert.match(parseJobSpec('{ nope').problems[0]?.message ?? '', /Not valid JSON/);
  assert.match(parseJobSpec('[]').problems[0]?.message ?? '', /JSON object/);
  const r = parseJobSpec(JSON.stringify({ ...valid, jobName: '-bad', batch: 3, hyperParameters: { epochCount: 0, learningRate: 'x', dropout: 1 }, tags: { a: 1 } }));
  assert.deepEqual(r.problems.map((p) => p.path).sort(), ['batch', 'hyperParameters.dropout', 'hyperParameters.epochCount', 'hyperParameters.learningRate', 'jobName', 'tags.a']);
});

test('the spec parser and schemas/job-spec.schema.json agree on accepting and rejecting', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../schemas/job-spec.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const cases: unknown[] = [
    valid,
    { ...valid, hyperParameters: { epochCount: 100 } },
    { ...valid, hyperParameters: { epochCount: 101 } },
    { ...valid, hyperParameters: { epochCount: 5, batchSize: 255 } },
    { ...valid, hyperParameters: { epochCount: 5, learningRate: 2 } },
    { ...valid, customModelName: 'a__b' },
    { ...valid, trainingData: 'https://x/y' },
    { ...valid, roleArn: 'role' },
    { ...valid, extra: 1 },
  ];
  for (const c of cases) {
    assert.equal(validate(c), parseJobSpec(JSON.stringify(c)).spec !== undefined, JSON.stringify(c));
  }
});

test('a saved spec parses back to the same spec', () => {
  const { spec } = parseJobSpec(JSON.stringify(valid));
  assert.ok(spec);
  assert.deepEqual(parseJobSpec(specToJson(spec)).spec, spec);
});

test('client request token: same attempt and content -> same token; new attempt -> new token', () => {
  const { spec } = parseJobSpec(JSON.stringify(valid));
  const req = jobRequestFromSpec(spec!, 'p');
  const reordered = Object.fromEntries(Object.entries(req).reverse());
  const t1 = deriveClientRequestToken(req, 'attempt-1');
  assert.equal(deriveClientRequestToken(reordered, 'attempt-1'), t1);
  assert.notEqual(deriveClientRequestToken(req, 'attempt-2'), t1);
  assert.notEqual(deriveClientRequestToken({ ...req, jobName: 'other' }, 'attempt-1'), t1);
  assert.match(t1, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

test('our tags win over user tags and project names are sanitised', () => {
  const tags = resourceTags('proj#1', { 'created-by': 'someone-else' });
  assert.deepEqual(tags, [{ key: 'created-by', value: 'bedrock-mm-customizer' }, { key: 'bedrock-mm-project', value: 'proj-1' }]);
});
