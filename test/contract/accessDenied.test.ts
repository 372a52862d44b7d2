// Contract: AccessDenied variants through the real SDK. The emulator accepts every caller, so these answers come
// from a minimal local server that replies exactly as AWS does (status 403, x-amzn-errortype, {message}); what is
// under test is the SDK's error parsing and our wording on top of it.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAwsSession, type AwsSession } from '../../src/aws/index';
import { rejection, ROLE_ARN, BASE_MODEL } from './support';

let server: Server;
let aws: AwsSession;
let nextMessage = '';

before(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/', 'x-amzn-requestid': 'req-403' });
      res.end(JSON.stringify({ message: nextMessage }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  aws = createAwsSession({
    region: 'us-west-2',
    endpoints: { bedrock: url, bedrockRuntime: url, opensearchServerless: url },
    credentials: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }),
  });
});
after(async () => {
  aws.dispose();
  await new Promise((resolve) => server.close(resolve));
});

test('AccessDenied names the IAM action and the resource, with the request id', async () => {
  nextMessage = 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: bedrock:ListCustomModels on resource: arn:aws:bedrock:us-west-2:123456789012:custom-model/* because no identity-based policy allows the bedrock:ListCustomModels action';
  const err = await rejection(() => aws.bedrock.listCustomModelsPage());
  assert.equal(err.kind, 'accessDenied');
  assert.equal(err.details.code, 'AccessDeniedException');
  assert.equal(err.details.iamAction, 'bedrock:ListCustomModels');
  assert.equal(err.details.resource, 'arn:aws:bedrock:us-west-2:123456789012:custom-model/*');
  assert.equal(err.details.requestId, 'req-403');
  assert.ok(!err.message.includes('AKIAIOSFODNN7EXAMPLE'));
});

test('iam:PassRole on job creation is named as such', async () => {
  nextMessage = `User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:PassRole on resource: ${ROLE_ARN}`;
  const err = await rejection(() => aws.bedrock.createJob({
    jobName: 'j', customModelName: 'm', roleArn: ROLE_ARN, baseModelIdentifier: BASE_MODEL, hyperParameters: { epochCount: '1' },
    trainingDataConfig: { s3Uri: 's3://b/t.jsonl' }, outputDataConfig: { s3Uri: 's3://b/o/' },
  }));
  assert.equal(err.details.iamAction, 'iam:PassRole');
  assert.match(err.message, new RegExp(`iam:PassRole on ${ROLE_ARN.replace(/[/.]/g, '\\$&')}`));
});

test('an explicit deny in a service control policy is said plainly', async () => {
  nextMessage = 'User: arn:aws:sts::123456789012:assumed-role/dev/me is not authorized to perform: aoss:CreateCollection on resource: arn:aws:aoss:us-west-2:123456789012:collection/* with an explicit deny in a service control policy';
  const err = await rejection(() => aws.aoss.createCollection({ name: 'denied' }));
  assert.equal(err.kind, 'scpDenied');
  assert.match(err.message, /service control policy explicitly denies aoss:CreateCollection/);
});

test('model access not enabled says where to enable it', async () => {
  nextMessage = "You don't have access to the model with the specified model ID.";
  const err = await rejection(() => aws.runtime.embed({ modelId: 'amazon.titan-embed-image-v1', text: 'x', length: 256 }));
  assert.equal(err.kind, 'modelAccess');
  assert.match(err.message, /Bedrock console → Model access \(region us-west-2\)/);
});
