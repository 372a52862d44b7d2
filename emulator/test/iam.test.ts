import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, GetRoleCommand, IAMClient, ListRolePoliciesCommand, PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { credentials, rejection, setUp, type Harness } from './harness';

describe('emulator STS and IAM (awsQuery)', () => {
  let h: Harness;
  let sts: STSClient;
  let iam: IAMClient;
  before(async () => {
    h = await setUp();
    sts = new STSClient({ region: 'us-east-1', credentials, endpoint: h.emulator.endpoints.sts, maxAttempts: 1 });
    iam = new IAMClient({ region: 'us-east-1', credentials, endpoint: h.emulator.endpoints.iam, maxAttempts: 1 });
  });
  after(async () => { sts.destroy(); iam.destroy(); await h.tearDown(); });

  it('names the caller', async () => {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '123456789012');
    assert.equal(me.Arn, 'arn:aws:iam::123456789012:user/emulator');
  });

  it('creates, reads and deletes a service role with an inline policy, in AWS order', async () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'BedrockMmRole', AssumeRolePolicyDocument: trust }));
    assert.equal(created.Role?.Arn, 'arn:aws:iam::123456789012:role/BedrockMmRole');
    assert.equal((await rejection(() => iam.send(new CreateRoleCommand({ RoleName: 'BedrockMmRole', AssumeRolePolicyDocument: trust })))).name, 'EntityAlreadyExistsException');
    assert.equal(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: 'BedrockMmRole' }))).Role?.AssumeRolePolicyDocument ?? ''), trust);
    await iam.send(new PutRolePolicyCommand({ RoleName: 'BedrockMmRole', PolicyName: 's3', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }));
    assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: 'BedrockMmRole' }))).PolicyNames, ['s3']);
    assert.equal((await rejection(() => iam.send(new DeleteRoleCommand({ RoleName: 'BedrockMmRole' })))).name, 'DeleteConflictException');
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'BedrockMmRole', PolicyName: 's3' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'BedrockMmRole' }));
    assert.equal((await rejection(() => iam.send(new GetRoleCommand({ RoleName: 'BedrockMmRole' })))).name, 'NoSuchEntityException');
  });
});
