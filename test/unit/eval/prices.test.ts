// The one price model: settings (or a --prices file in their shape) to per-family prices, the report's cost lines on
// the route taken, and a bad --prices file's problems at their place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelCost } from '../../../src/core/eval/modelCost';
import { NO_PRICES, parsePricesFile, PRICE_SETTING_KEYS, priceSettingFor, pricesFrom } from '../../../src/core/eval/prices';
import { DEFAULTS } from '../../../src/vscode/shell/settings';

test('every price setting is a declared setting, 0 by default (not set)', () => {
  for (const k of PRICE_SETTING_KEYS) assert.equal(DEFAULTS[k], 0, k);
  assert.deepEqual(pricesFrom((k) => DEFAULTS[k]), NO_PRICES);
  assert.equal(priceSettingFor('nova-mme', 'onDemandPerImage'), 'bedrockCustomizer.pricing.nova.onDemandPerImage');
  assert.equal(priceSettingFor('cohere-embed-v4', 'batchPerImage'), undefined, 'Cohere Embed v4 has no batch price: no batch route');
});

test('a --prices file in the settings shape, with or without the prefix; negative and unknown keys refused at line:col', () => {
  const ok = parsePricesFile('{"bedrockCustomizer.pricing.nova.onDemandPerImage": 0.00014, "pricing.batchPerImage": 0.00003}', 'p.json');
  assert.ok('prices' in ok);
  assert.equal(ok.prices.families['nova-mme'].onDemandPerImage, 0.00014);
  assert.equal(ok.prices.families['titan-mm-g1'].batchPerImage, 0.00003);
  assert.equal(ok.prices.families['cohere-embed-v4'].onDemandPerImage, 0);
  const bad = parsePricesFile('{\n  "pricing.nova.onDemandPerImage": -1,\n  "pricing.novaPerImage": 2\n}', 'p.json');
  assert.ok('problems' in bad);
  assert.match(bad.problems[0] ?? '', /^p\.json:2:36: "pricing\.nova\.onDemandPerImage" must be a number of USD at least 0 \(0: not set\), got -1$/);
  assert.match(bad.problems[1] ?? '', /^p\.json:3:27: "pricing\.novaPerImage" is not a price setting; known: bedrockCustomizer\.pricing\.onDemandPerImage/);
  const notJson = parsePricesFile('{', 'p.json');
  assert.ok('problems' in notJson && /^p\.json: not JSON/.test(notJson.problems[0] ?? ''));
});

test('cost lines: the route\'s image price and the text price; a fine-tuned model via batch costs its batch price, via throughput the hour', () => {
  const prices = pricesFrom((k) => ({ 'pricing.onDemandPerImage': 0.00006, 'pricing.batchPerImage': 0.00003, 'pricing.textPer1000Tokens': 0.0008, 'pricing.throughputHourlyNoCommitment': 9.38 } as Record<string, number>)[k]);
  const embedded = { images: 1000, textTokens: 500 };
  const base = modelCost(prices, { family: 'titan-mm-g1', fineTuned: false, route: 'on-demand', embedded });
  assert.ok(Math.abs((base.evaluationUsd ?? 0) - (0.06 + 0.0004)) < 1e-12);
  assert.ok(Math.abs((base.onDemandPer1000ImagesUsd ?? 0) - 0.06) < 1e-12);
  const batch = modelCost(prices, { family: 'titan-mm-g1', fineTuned: true, route: 'batch', embedded });
  assert.ok(Math.abs((batch.evaluationUsd ?? 0) - (0.03 + 0.0004)) < 1e-12);
  assert.equal(batch.provisionedPerHourUsd, 9.38);
  assert.equal(batch.onDemandPer1000ImagesUsd, undefined);
  const viaThroughput = modelCost(prices, { family: 'titan-mm-g1', fineTuned: true, route: 'on-demand', embedded });
  assert.equal(viaThroughput.evaluationUsd, undefined);
  const nova = modelCost(prices, { family: 'nova-mme', fineTuned: false, route: 'on-demand', embedded });
  assert.deepEqual(nova, { embeddedImages: 1000, embeddedTextTokens: 500 }, 'no Nova price set: counts only');
});
