import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  validateBatchSize, validateCustomModelName, validateEpochCount, validateJobName, validateLearningRate,
  validateRoleArn, validateS3ObjectUri, validateS3Uri, normalizeEpochCount, validateThroughputName, validateModelUnits, parseTagList,
} from '../../../src/core/lifecycle/validators';

test('jobName follows [a-zA-Z0-9](-*[a-zA-Z0-9+\\-.])* and 1-63 characters', () => {
  for (const ok of ['a', 'asl-letters-1', 'job.v2+x', 'A--b', 'a-', 'x'.repeat(63)]) assert.equal(validateJobName(ok), undefined, ok);
  for (const bad of ['', '-a', 'a_b', 'a b', 'x'.repeat(64), '.a']) assert.ok(validateJobName(bad), bad);
});

test('customModelName follows ([0-9a-zA-Z][_-]?){1,63}', () => {
  for (const ok of ['m', 'asl_model-1', 'a_b_c', 'a-']) assert.equal(validateCustomModelName(ok), undefined, ok);
  for (const bad of ['', '_a', 'a__b', 'a--b', 'a.b', 'x'.repeat(64)]) assert.ok(validateCustomModelName(bad), bad);
});

test('epochCount is 1-100 or Auto in any case', () => {
  for (const ok of ['1', '100', '42', 'Auto', 'auto', ' AUTO ']) assert.equal(validateEpochCount(ok), undefined, ok);
  for (const bad of ['0', '101', '1.5', '', 'many', '-3']) assert.match(validateEpochCount(bad) ?? '', /1 to 100, or Auto/, bad);
  assert.equal(normalizeEpochCount('auto'), 'Auto');
  assert.equal(normalizeEpochCount(' 007'), '7');
});

test('batchSize 256-9216 and learningRate 5e-8..1 at their bounds', () => {
  for (const ok of ['256', '576', '9216']) assert.equal(validateBatchSize(ok), undefined, ok);
  for (const bad of ['255', '9217', '300.5', 'x', '']) assert.match(validateBatchSize(bad) ?? '', /256 to 9216 \(default 576\)/, bad);
  for (const ok of ['5e-8', '0.00005', '1', '1e-5', '0.5']) assert.equal(validateLearningRate(ok), undefined, ok);
  for (const bad of ['4.9e-8', '1.01', '0', '', 'fast', 'Infinity', '1e-5x']) assert.ok(validateLearningRate(bad), bad);
});

test('S3 URIs and role ARNs', () => {
  assert.equal(validateS3Uri('s3://my-bucket'), undefined);
  assert.equal(validateS3Uri('s3://my.bucket/prefix/'), undefined);
  assert.match(validateS3Uri('https://x/y') ?? '', /starts with s3:\/\//);
  assert.ok(validateS3Uri('s3://My_Bucket/x'));
  assert.equal(validateS3ObjectUri('s3://b-1/data/train.jsonl'), undefined);
  assert.match(validateS3ObjectUri('s3://b-1/data/') ?? '', /manifest file itself/);
  assert.equal(validateRoleArn('arn:aws:iam::123456789012:role/BedrockRole'), undefined);
  assert.equal(validateRoleArn('arn:aws:iam::123456789012:role/service-role/Bedrock.Role-1'), undefined);
  for (const bad of ['arn:aws:iam::12345:role/x', 'arn:aws:iam::123456789012:user/x', 'BedrockRole', '']) assert.ok(validateRoleArn(bad), bad);
});

test('throughput names, model units and typed tag lists', () => {
  assert.equal(validateThroughputName('asl-pt_1'), undefined);
  for (const bad of ['', '-x', 'a..b', 'a b', 'x'.repeat(64)]) assert.ok(validateThroughputName(bad), bad);
  assert.equal(validateModelUnits('1'), undefined);
  for (const bad of ['0', '-1', '1.5', 'one', '']) assert.ok(validateModelUnits(bad), bad);
  assert.deepEqual(parseTagList(' team = ml, cost-center=42 '), { tags: { team: 'ml', 'cost-center': '42' } });
  assert.deepEqual(parseTagList(''), { tags: {} });
  assert.match(parseTagList('team').error ?? '', /not key=value/);
});
