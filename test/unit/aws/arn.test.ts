import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { foundationModelArn, isArn, parseArn, resourceIdOf } from '../../../src/core/awsRules/arn';
import { isRegionName, offersTmmeCustomization, TMME_CUSTOMIZATION_REGIONS } from '../../../src/core/awsRules/regions';
import { asPrefix, formatS3Uri, parseS3Uri } from '../../../src/core/awsRules/s3Uri';

test('parseArn reads the ARN shapes of real TMME runs', () => {
  const job = parseArn('arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.titan-embed-image-v1:0/138lt3t14bay');
  assert.deepEqual(job, {
    partition: 'aws', service: 'bedrock', region: 'us-east-1', account: '123456789012',
    resource: 'model-customization-job/amazon.titan-embed-image-v1:0/138lt3t14bay',
    resourceType: 'model-customization-job', resourceId: '138lt3t14bay',
  });
  assert.equal(parseArn('arn:aws:bedrock:us-east-1:123456789012:provisioned-model/uwknjwcllc0q')?.resourceId, 'uwknjwcllc0q');
  const fm = parseArn(foundationModelArn('us-west-2', 'amazon.titan-embed-image-v1:0'));
  assert.equal(fm?.account, '');
  assert.equal(fm?.resourceType, 'foundation-model');
  assert.equal(fm?.resourceId, 'amazon.titan-embed-image-v1:0');
});

test('parseArn refuses what is not an ARN', () => {
  for (const text of ['', 'my-job', 'arn:aws:bedrock', 'arn::bedrock:us-east-1:1:x', 'urn:aws:s3:::b:k', 'arn:aws:bedrock:us-east-1:1:']) {
    assert.equal(parseArn(text), undefined, text);
    assert.equal(isArn(text), false, text);
  }
  assert.equal(resourceIdOf('my-job'), 'my-job');
  assert.equal(resourceIdOf('arn:aws:bedrock:us-east-1:1:custom-model/amazon.titan-embed-image-v1:0/d37vhccs06ex'), 'd37vhccs06ex');
});

test('TMME regions and region names', () => {
  assert.deepEqual([...TMME_CUSTOMIZATION_REGIONS], ['us-east-1', 'us-west-2']);
  assert.equal(offersTmmeCustomization('us-west-2'), true);
  assert.equal(offersTmmeCustomization('eu-west-1'), false);
  for (const r of ['us-east-1', 'ap-southeast-2', 'us-gov-west-1']) assert.equal(isRegionName(r), true, r);
  for (const r of ['', 'us-east', 'US-EAST-1', 'useast1']) assert.equal(isRegionName(r), false, r);
});

test('S3 URIs', () => {
  assert.deepEqual(parseS3Uri('s3://bucket/a/b.png'), { bucket: 'bucket', key: 'a/b.png' });
  assert.deepEqual(parseS3Uri('s3://bucket'), { bucket: 'bucket', key: '' });
  assert.deepEqual(parseS3Uri('s3://bucket/dir/'), { bucket: 'bucket', key: 'dir/' });
  assert.equal(parseS3Uri('https://bucket.s3.amazonaws.com/k'), undefined);
  assert.equal(parseS3Uri('s3:///k'), undefined);
  assert.equal(formatS3Uri({ bucket: 'b', key: 'k/x' }), 's3://b/k/x');
  assert.equal(asPrefix('out'), 'out/');
  assert.equal(asPrefix(''), '');
  assert.equal(asPrefix('out/'), 'out/');
});
