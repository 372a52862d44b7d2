import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeAwsError } from '../../../src/core/awsRules/userError';
import { errorActions } from '../../../src/vscode/session/errorActions';

const ctx = { action: 'bedrock:InvokeModel', resource: 'amazon.titan-embed-image-v1', profile: 'dev', region: 'us-west-2' };

test('an expired SSO session offers "Sign in again" running the profile\'s login', () => {
  const error = describeAwsError({ name: 'TokenProviderError', message: 'The SSO session associated with this profile has expired' }, ctx);
  const [first, last] = [errorActions(error, 'us-west-2')[0], errorActions(error, 'us-west-2').at(-1)];
  assert.deepEqual(first, { label: 'Sign in again', kind: 'terminal', commandLine: 'aws sso login --profile dev' });
  assert.equal(last?.label, 'Show Log');
});

test('credential failures offer Choose Profile; model access and quotas open the console in the region', () => {
  const none = describeAwsError({ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, ctx);
  assert.deepEqual(errorActions(none, 'us-west-2')[0], { label: 'Choose Profile', kind: 'command', command: 'bedrockCustomizer.selectProfile' });
  const access = describeAwsError({ name: 'AccessDeniedException', httpStatus: 403, message: "You don't have access to the model with the specified model ID." }, ctx);
  assert.deepEqual(errorActions(access, 'us-west-2')[0], { label: 'Open Model Access', kind: 'url', url: 'https://us-west-2.console.aws.amazon.com/bedrock/home?region=us-west-2#/modelaccess' });
  const quota = describeAwsError({ name: 'ServiceQuotaExceededException', httpStatus: 400, message: 'x' }, ctx);
  assert.match(errorActions(quota, 'us-east-1')[0]?.label ?? '', /Service Quotas/);
  const notFound = describeAwsError({ name: 'ResourceNotFoundException', httpStatus: 404, message: 'x' }, ctx);
  assert.deepEqual(errorActions(notFound, 'us-east-1').map((a) => a.label), ['Show Log']);
});
