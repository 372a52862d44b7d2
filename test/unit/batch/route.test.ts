import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseRoute, costLine, settingProblem } from '../../../src/core/eval/batch/route';
import { cohereFamily, novaFamily, titanFamily } from '../../../src/core/eval/families';
import { NO_PRICES, pricesFrom } from '../../../src/core/eval/prices';
import { DEFAULT_BATCH_LIMITS } from '../../../src/core/eval/batch/limits';
import { routePlanNotice } from '../../../src/core/eval/batch/routePlan';
import { isJobManifest, isResultFile, parseJobManifest, parseOutputLine } from '../../../src/core/eval/batch/output';

const CUSTOM = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/abcdefghijkl';
const PROVISIONED = 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl';
const base = { modelId: 'amazon.titan-embed-image-v1', family: titanFamily, toEmbed: 104, threshold: 5000 };

test('route: custom model ARN -> batch only; provisioned -> on-demand only; auto by threshold', () => {
  assert.deepEqual(chooseRoute({ ...base, modelId: CUSTOM, requested: 'auto' }).valueOf(), { route: 'batch', why: 'a custom model is embedded without a provisioned throughput only by batch inference' });
  assert.match((chooseRoute({ ...base, modelId: CUSTOM, requested: 'on-demand' }) as { problem: string }).problem, /provisioned throughput/);
  assert.match((chooseRoute({ ...base, modelId: PROVISIONED, requested: 'batch' }) as { problem: string }).problem, /does not accept provisioned models/);
  assert.equal((chooseRoute({ ...base, modelId: PROVISIONED, requested: 'auto' }) as { route: string }).route, 'on-demand');
  assert.equal((chooseRoute({ ...base, requested: 'auto' }) as { route: string }).route, 'on-demand');
  const big = chooseRoute({ ...base, toEmbed: 5001, requested: 'auto' }) as { route: string; why: string };
  assert.equal(big.route, 'batch');
  assert.match(big.why, /5001 records exceed the batch threshold of 5000/);
  assert.equal((chooseRoute({ ...base, requested: 'batch' }) as { route: string }).route, 'batch');
  assert.match((chooseRoute({ ...base, modelId: CUSTOM, toEmbed: 0, requested: 'batch' }) as { why: string }).why, /cached/);
});

test('route: a family without batch inference (Cohere Embed v4) is on demand under auto, a spec error under batch; Nova goes by batch', () => {
  const cohere = { ...base, modelId: 'cohere.embed-v4:0', family: cohereFamily };
  const auto = chooseRoute({ ...cohere, toEmbed: 9000, requested: 'auto' }) as { route: string; why: string };
  assert.deepEqual(auto, { route: 'on-demand', why: 'Cohere Embed v4 has no batch inference on Bedrock' });
  assert.match((chooseRoute({ ...cohere, requested: 'batch' }) as { problem: string }).problem, /Cohere Embed v4 \(cohere\.embed-v4:0\) is not among the models AWS's batch-inference page lists/);
  assert.equal(settingProblem('cohere.embed-v4:0', 'on-demand', cohereFamily), undefined);
  const nova = { ...base, modelId: 'amazon.nova-2-multimodal-embeddings-v1:0', family: novaFamily };
  assert.equal((chooseRoute({ ...nova, requested: 'batch' }) as { route: string }).route, 'batch');
});

test('cost: stated from the user price of the model\'s family and route, never assumed', () => {
  assert.match(costLine('batch', 78, NO_PRICES, 'titan-mm-g1'), /set bedrockCustomizer\.pricing\.batchPerImage/);
  assert.match(costLine('batch', 78, NO_PRICES, 'nova-mme'), /set bedrockCustomizer\.pricing\.nova\.batchPerImage/);
  assert.match(costLine('on-demand', 78, NO_PRICES, 'cohere-embed-v4'), /set bedrockCustomizer\.pricing\.cohere\.onDemandPerImage/);
  const prices = pricesFrom((k) => ({ 'pricing.batchPerImage': 0.00003, 'pricing.nova.batchPerImage': 0.0001 } as Record<string, number>)[k]);
  assert.match(costLine('batch', 78, prices, 'titan-mm-g1'), /about \$0\.0023 \(78 images/);
  assert.match(costLine('batch', 78, prices, 'nova-mme'), /about \$0\.0078 \(78 images x your \$0\.0001/);
});

test('output lines: vector, error, wrong shape, junk; manifest', () => {
  const v = parseOutputLine(JSON.stringify({ recordId: 'r1', modelInput: {}, modelOutput: { embedding: [1, 2, 3], inputTextTokenCount: 2 } }), 3);
  assert.equal(v.kind, 'vector');
  assert.deepEqual(v.kind === 'vector' ? Array.from(v.vector) : [], [1, 2, 3]);
  assert.deepEqual(parseOutputLine(JSON.stringify({ recordId: 'r2', modelInput: {}, error: { errorCode: 400, errorMessage: 'bad image' } }), 3), { kind: 'error', recordId: 'r2', code: '400', message: 'bad image' });
  assert.equal(parseOutputLine(JSON.stringify({ recordId: 'r3', modelOutput: { embedding: [1] } }), 3).kind, 'error');
  assert.equal(parseOutputLine('{nope', 3).kind, 'bad');
  assert.equal(parseOutputLine('{"x":1}', 3).kind, 'bad');
  assert.deepEqual(parseJobManifest('{"totalRecordCount":5,"errorRecordCount":1,"x":"y"}'), { totalRecordCount: 5, errorRecordCount: 1 });
  assert.ok(isResultFile('o/job/records-00000.jsonl.out'));
  assert.ok(!isResultFile('o/job/manifest.json.out'));
  assert.ok(isJobManifest('o/job/manifest.json.out'));
});

test('route plan notice: per model route, records, cost or the setting to set, why; batch facts and padding', () => {
  const n = routePlanNotice({
    routes: [
      { model: 'base', modelId: 'amazon.titan-embed-image-v1', family: 'titan-mm-g1', route: 'on-demand', why: 'w1', records: 0, images: 0 },
      { model: 'ft', modelId: CUSTOM, family: 'titan-mm-g1', route: 'batch', why: 'a custom model is embedded without a provisioned throughput only by batch inference', records: 104, images: 78 },
      { model: 'small', modelId: CUSTOM, family: 'titan-mm-g1', route: 'batch', why: 'w', records: 30, images: 30 },
    ],
    roleArn: 'arn:aws:iam::123456789012:role/r', s3Uri: 's3://b/p/', limits: DEFAULT_BATCH_LIMITS, prices: pricesFrom((k) => (k === 'pricing.batchPerImage' ? 0.00003 : undefined)),
  });
  assert.match(n.message, /Batch inference jobs are submitted/);
  assert.match(n.detail, /base: everything cached/);
  assert.match(n.detail, /ft \(arn:.*\): batch, 104 records \(78 images\), about \$0\.0023 .*only by batch inference/);
  assert.match(n.detail, /30 records is below the batch minimum of 100 records per job; 70 repeated records .*about \$0\.0021 more for the padding/);
  assert.match(n.detail, /s3:GetObject and s3:ListBucket/);
  assert.match(n.detail, /limits from your settings \(bedrockCustomizer\.compare\.batchLimits; defaults: AWS's documented defaults\): Service Quotas was not read/);
});
