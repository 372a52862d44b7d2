import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeAwsError, parseDenied, redactSecrets } from '../../../src/core/awsRules/userError';

const ctx = { action: 'bedrock:ListCustomModels', resource: 'custom models', profile: 'dev', region: 'us-east-1' };

test('AccessDenied names the IAM action and resource AWS reported', () => {
  const e = describeAwsError({
    name: 'AccessDeniedException', httpStatus: 403, requestId: 'r-1',
    message: 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: bedrock:ListCustomModels on resource: arn:aws:bedrock:us-east-1:123456789012:custom-model/* because no identity-based policy allows the bedrock:ListCustomModels action',
  }, ctx);
  assert.equal(e.kind, 'accessDenied');
  assert.equal(e.details.iamAction, 'bedrock:ListCustomModels');
  assert.equal(e.details.resource, 'arn:aws:bedrock:us-east-1:123456789012:custom-model/*');
  assert.match(e.message, /not allowed bedrock:ListCustomModels on arn:aws:bedrock:us-east-1:123456789012:custom-model\/\* in us-east-1/);
  assert.match(e.message, /Ask for an IAM policy that allows bedrock:ListCustomModels/);
  assert.match(e.message, /request id r-1/);
});

test('AccessDenied without details falls back to the caller\'s action and resource; iam:PassRole is named', () => {
  const plain = describeAwsError({ name: 'AccessDenied', httpStatus: 403, message: 'Access Denied' }, { action: 's3:GetObject', resource: 's3://b/k.png' });
  assert.equal(plain.kind, 'accessDenied');
  assert.match(plain.message, /s3:GetObject on s3:\/\/b\/k\.png/);
  const passRole = describeAwsError({
    name: 'AccessDeniedException', httpStatus: 403,
    message: 'User: arn:aws:iam::123:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123:role/BedrockRole',
  }, { action: 'bedrock:CreateModelCustomizationJob' });
  assert.equal(passRole.details.iamAction, 'iam:PassRole');
  assert.match(passRole.message, /iam:PassRole on arn:aws:iam::123:role\/BedrockRole/);
});

test('an explicit deny in a service control policy is said plainly', () => {
  const e = describeAwsError({
    name: 'AccessDeniedException', httpStatus: 403,
    message: 'User: arn:aws:sts::123:assumed-role/dev/me is not authorized to perform: bedrock:CreateModelCustomizationJob on resource: arn:aws:bedrock:us-east-1:123:model-customization-job/* with an explicit deny in a service control policy',
  }, ctx);
  assert.equal(e.kind, 'scpDenied');
  assert.match(e.message, /service control policy explicitly denies bedrock:CreateModelCustomizationJob/);
  assert.match(e.message, /No IAM policy in your account can override it/);
});

test('model access not enabled says where to enable it', () => {
  const e = describeAwsError({ name: 'AccessDeniedException', httpStatus: 403, message: "You don't have access to the model with the specified model ID." },
    { action: 'bedrock:InvokeModel', resource: 'amazon.titan-embed-image-v1', region: 'us-west-2' });
  assert.equal(e.kind, 'modelAccess');
  assert.match(e.message, /Model access is not enabled for amazon\.titan-embed-image-v1 in us-west-2/);
  assert.match(e.message, /Bedrock console → Model access \(region us-west-2\)/);
});

test('an expired SSO session becomes "sign in again" with the profile\'s command', () => {
  for (const facts of [
    { name: 'TokenProviderError', message: 'Token is expired. To refresh this SSO session run \'aws sso login\' with the corresponding profile.' },
    { name: 'CredentialsProviderError', message: 'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.' },
  ]) {
    const e = describeAwsError(facts, ctx);
    assert.equal(e.kind, 'ssoExpired', facts.message);
    assert.equal(e.details.signInCommand, 'aws sso login --profile dev');
    assert.match(e.message, /Sign in again: run `aws sso login --profile dev`/);
  }
  assert.equal(describeAwsError({ name: 'TokenProviderError', message: 'SSO token is expired' }, { action: 'x' }).details.signInCommand, 'aws sso login');
});

test('credential failures: none found, expired, rejected', () => {
  const none = describeAwsError({ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, ctx);
  assert.equal(none.kind, 'noCredentials');
  assert.match(none.message, /No AWS credentials found for profile "dev".*Select AWS Profile/);
  assert.equal(describeAwsError({ name: 'ExpiredTokenException', httpStatus: 403, message: 'The security token included in the request is expired' }, ctx).kind, 'credentialsExpired');
  assert.equal(describeAwsError({ name: 'UnrecognizedClientException', httpStatus: 403, message: 'The security token included in the request is invalid.' }, ctx).kind, 'credentialsInvalid');
});

test('throttling, quota, not found, conflict, validation, network and internal errors each get their kind', () => {
  const cases: [Parameters<typeof describeAwsError>[0], string, boolean][] = [
    [{ name: 'ThrottlingException', httpStatus: 429, message: 'Rate exceeded', attempts: 8 }, 'throttled', true],
    [{ name: 'SlowDown', httpStatus: 503, message: 'Please reduce your request rate.' }, 'throttled', true],
    [{ name: 'ServiceQuotaExceededException', httpStatus: 400, message: 'quota' }, 'quota', false],
    [{ name: 'ResourceNotFoundException', httpStatus: 404, message: 'Could not find model' }, 'notFound', false],
    [{ name: 'NoSuchKey', httpStatus: 404, message: 'The specified key does not exist.' }, 'notFound', false],
    [{ name: 'NotFound', httpStatus: 404 }, 'notFound', false],
    [{ name: 'ConflictException', httpStatus: 400, message: 'Model is in use by a provisioned throughput' }, 'conflict', false],
    [{ name: 'ValidationException', httpStatus: 400, message: 'jobName: failed to satisfy constraint' }, 'validation', false],
    [{ errno: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'network', true],
    [{ name: 'TimeoutError', message: 'socket timed out' }, 'network', true],
    [{ name: 'InternalServerException', httpStatus: 500, message: 'boom' }, 'internal', true],
    [{ name: 'ServiceUnavailableException', httpStatus: 503, message: 'busy' }, 'internal', true],
    [{ name: 'WeirdException', message: 'odd' }, 'unknown', false],
  ];
  for (const [facts, kind, retryable] of cases) {
    const e = describeAwsError(facts, ctx);
    assert.equal(e.kind, kind, `${facts.name ?? facts.errno}`);
    assert.equal(e.details.retryable, retryable, `${facts.name ?? facts.errno} retryable`);
    assert.ok(e.message.length > 20 && !e.message.includes('undefined'), e.message);
  }
  assert.match(describeAwsError(cases[0]![0], ctx).message, /after 8 attempts/);
  assert.match(describeAwsError(cases[6]![0], { action: 'bedrock:DeleteCustomModel', resource: 'm' }).message, /in use by a provisioned throughput/);
});

test('messages never carry credentials', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const e = describeAwsError({
    name: 'InvalidSignatureException', httpStatus: 403,
    message: `Bad key AKIAIOSFODNN7EXAMPLE secret ${secret} url https://x/?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260101&X-Amz-Signature=abcdef aws_session_token=FwoGZXIvYXdzEJr`,
  }, ctx);
  assert.ok(!e.message.includes('AKIAIOSFODNN7EXAMPLE'), e.message);
  assert.ok(!e.message.includes(secret), e.message);
  assert.ok(!e.message.includes('abcdef'), e.message);
  assert.ok(!e.message.includes('FwoGZXIvYXdzEJr'), e.message);
  assert.equal(redactSecrets('sha1 0123456789abcdef0123456789abcdef01234567 stays'), 'sha1 0123456789abcdef0123456789abcdef01234567 stays');
});

test('parseDenied reads action and resource, quoted or not', () => {
  assert.deepEqual(parseDenied('is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::b" because'), { action: 's3:ListBucket', resource: 'arn:aws:s3:::b' });
  assert.deepEqual(parseDenied('not authorized to perform: aoss:CreateCollection'), { action: 'aoss:CreateCollection', resource: undefined });
  assert.equal(parseDenied('Access Denied'), undefined);
});
