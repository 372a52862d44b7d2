import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelSpecText } from '../../../src/core/eval/modelSpec';
import { parseCompareSpec } from '../../../src/core/eval/spec';
import { CONTENDERS, contenderEstimate, testSetSize } from '../../../src/core/eval/contenders';
import { NO_PRICES, pricesFrom } from '../../../src/core/eval/prices';

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

test('spec: "inference": "batch" on a Cohere Embed v4 entry is a problem at its place saying why; Nova in batch parses', () => {
  const text = spec([{ name: 'base', modelId: 'amazon.titan-embed-image-v1', baseline: true }, { name: 'cohere', modelId: 'cohere.embed-v4:0', inference: 'batch' }, { name: 'nova', modelId: 'amazon.nova-2-multimodal-embeddings-v1:0', inference: 'batch' }]);
  const r = parseCompareSpec(text);
  assert.ok('problems' in r);
  assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
  const p = r.problems[0];
  const lines = text.split('\n');
  assert.equal(p?.line, lines.findIndex((l, i) => l.includes('"inference"') && lines[i - 1]?.includes('cohere')) + 1, 'the Cohere entry\'s inference line');
  assert.match(p?.message ?? '', /^models\.1\.inference: Cohere Embed v4 \(cohere\.embed-v4:0\) is not among the models AWS's batch-inference page lists/);
});

test('spec from a model with the contenders ticked: each a model entry whose family is inferred from its id', () => {
  const parsed = parseCompareSpec(modelSpecText(CUSTOM, 'data/test.jsonl', 'file:///s.json', CONTENDERS));
  assert.ok('spec' in parsed && parsed.spec.kind === 'models', JSON.stringify(parsed));
  assert.deepEqual(parsed.spec.kind === 'models' ? parsed.spec.models.slice(2).map((m) => [m.name, m.modelId, m.family]) : [], [
    ['nova-mme', 'amazon.nova-2-multimodal-embeddings-v1:0', undefined], ['cohere-embed-v4', 'cohere.embed-v4:0', undefined],
  ]);
});

test('contenders: the test set\'s size from its manifest, and each estimate from the prices or the settings to set', () => {
  const size = testSetSize('{"image-ref": "s3://b/a.png", "caption": "A"}\n{"image-ref": "s3://b/a.png", "caption": "A"}\n{"image-ref": "s3://b/b.png", "caption": "letter B"}\nnot json\n');
  assert.deepEqual(size, { images: 2, textChars: 9 });
  const [nova, cohere] = CONTENDERS;
  assert.ok(nova && cohere);
  assert.equal(contenderEstimate(nova, size, NO_PRICES), 'set bedrockCustomizer.pricing.nova.onDemandPerImage and bedrockCustomizer.pricing.nova.textPer1000Tokens to see an estimate (2 images, about 2 text tokens)');
  const prices = pricesFrom((k) => ({ 'pricing.cohere.onDemandPerImage': 0.0001, 'pricing.cohere.textPer1000Tokens': 0.5 } as Record<string, number>)[k]);
  assert.equal(contenderEstimate(cohere, size, prices), 'about $0.0012 to embed 2 images and about 2 text tokens on demand');
});
