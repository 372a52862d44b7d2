import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelSpecText } from '../../../src/core/eval/modelSpec';
import { parseCompareSpec } from '../../../src/core/eval/spec';

const CUSTOM = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/abcdefghijkl';
const PROVISIONED = 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl';
const spec = (models: unknown[], extra: Record<string, unknown> = {}): string => JSON.stringify({ testSet: { manifest: 't.jsonl' }, models, ...extra }, null, 2);

test('spec: inference per model and batch {roleArn, s3Uri} are read', () => {
  const r = parseCompareSpec(spec([{ name: 'base', modelId: 'amazon.titan-embed-image-v1' }, { name: 'ft', modelId: CUSTOM, inference: 'batch' }], { batch: { roleArn: 'arn:aws:iam::123456789012:role/batch', s3Uri: 's3://b/p/' } }));
  assert.ok('spec' in r, JSON.stringify(r));
  assert.ok(r.spec.kind === 'models');
  assert.equal(r.spec.kind === 'models' ? r.spec.models[1]?.inference : '', 'batch');
  assert.deepEqual(r.spec.kind === 'models' ? r.spec.batch : undefined, { roleArn: 'arn:aws:iam::123456789012:role/batch', s3Uri: 's3://b/p/' });
});

test('spec: impossible routes are problems at the model\'s inference line', () => {
  const text = spec([{ name: 'a', modelId: CUSTOM, inference: 'on-demand' }, { name: 'b', modelId: PROVISIONED, inference: 'batch' }]);
  const r = parseCompareSpec(text);
  assert.ok('problems' in r);
  const lines = text.split('\n');
  const ms = 'problems' in r ? r.problems : [];
  assert.equal(ms.length, 2, JSON.stringify(ms));
  assert.match(ms[0]!.message, /models\.0\.inference: .*custom model.*provisioned throughput/);
  assert.match(lines[ms[0]!.line - 1]!, /"inference": "on-demand"/);
  assert.match(ms[1]!.message, /does not accept provisioned models/);
  const bad = parseCompareSpec(spec([{ name: 'a', modelId: 'm', inference: 'fast' }]));
  assert.ok('problems' in bad && /must be one of \["auto","on-demand","batch"\]/.test(bad.problems[0]!.message), JSON.stringify(bad));
  const role = parseCompareSpec(spec([{ name: 'a', modelId: 'm' }], { batch: { roleArn: 'nope' } }));
  assert.ok('problems' in role, 'a role that is not an IAM role ARN is refused');
});

test('spec from a custom model in the explorer: batch first, and it parses', () => {
  const parsed = parseCompareSpec(modelSpecText(CUSTOM, 'data/test.jsonl', 'file:///s.json'));
  assert.ok('spec' in parsed && parsed.spec.kind === 'models', JSON.stringify(parsed));
  assert.deepEqual(parsed.spec.kind === 'models' ? parsed.spec.models[1] : undefined, { name: 'fine-tuned', modelId: CUSTOM, inference: 'batch' });
  const pt = parseCompareSpec(modelSpecText(PROVISIONED, 'data/test.jsonl', 'file:///s.json'));
  assert.ok('spec' in pt && pt.spec.kind === 'models' && pt.spec.models[1]?.inference === undefined);
});
