// The one error presenter's choice of buttons (src/vscode/shell/errorPresentation.ts): a command failure caused by
// an AWS error offers the action that fixes it, and every failure offers "Show Log" once.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeAwsError } from '../../../src/core/awsRules/userError';
import { presentation } from '../../../src/vscode/shell/errorPresentation';

const ctx = { action: 'bedrock:GetModelCustomizationJob', profile: 'dev', region: 'us-west-2' };
const labels = (err: unknown, options = {}): string[] => presentation(err, 'us-west-2', options).actions.map((a) => a.label);

test('a command failing with expired credentials or no model access offers the fixing action, then Show Log', () => {
  const expired = describeAwsError({ name: 'ExpiredTokenException', httpStatus: 403, message: 'The security token included in the request is expired' }, ctx);
  // As the lifecycle commands throw it: their own wording, caused by the translated error.
  const failure = new Error(`reading the job: ${expired.message}`, { cause: expired });
  assert.deepEqual(labels(failure), ['Choose Profile', 'Show Log']);
  assert.equal(presentation(failure, 'us-west-2').message, failure.message);
  const access = describeAwsError({ name: 'AccessDeniedException', httpStatus: 403, message: "You don't have access to the model with the specified model ID." }, ctx);
  assert.deepEqual(labels(access, { prefix: 'The comparison failed: ' }), ['Open Model Access', 'Show Log']);
  assert.match(presentation(access, 'us-west-2', { prefix: 'The comparison failed: ' }).message, /^The comparison failed: Model access is not enabled/);
});

test('the AWS layer\'s own AwsUserError class (another bundle) is recognised by its shape', () => {
  class AwsUserError extends Error {
    override readonly name = 'AwsUserError';
    readonly kind = 'ssoExpired';
    readonly details = { signInCommand: 'aws sso login --profile dev', retryable: false };
  }
  const shown = presentation(new Error('wrapped', { cause: new AwsUserError('SSO expired') }), 'us-west-2');
  assert.deepEqual(shown.actions[0], { label: 'Sign in again', kind: 'terminal', commandLine: 'aws sso login --profile dev' });
});

test('any other failure offers Show Log; a failure\'s own action comes first, Show Log only once', () => {
  assert.deepEqual(labels(new Error('The compare spec has problems')), ['Show Log']);
  assert.deepEqual(labels('a string thrown'), ['Show Log']);
  const trust = { label: 'Manage Workspace Trust', kind: 'command', command: 'workbench.trust.manage' } as const;
  const showLog = { label: 'Show Log', kind: 'command', command: 'bedrockCustomizer.showLog' } as const;
  assert.deepEqual(labels(new Error('untrusted'), { actions: [trust, showLog] }), ['Manage Workspace Trust', 'Show Log']);
});
