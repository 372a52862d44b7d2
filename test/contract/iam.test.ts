// Contract: the session's IAM wrapper lists roles page by page (Marker/IsTruncated) and decodes the trust
// policies IAM returns URL-encoded; the role filter of the launch wizard works on what it returns.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { bedrockAssumableRoles } from '../../src/core/lifecycle/roles';
import { collect, rejection, useEmulator } from './support';

const fx = useEmulator({ resetEach: true });

const trustOf = (services: string | string[]) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: services }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }],
});
const ROLES = [
  { RoleName: 'BedrockCustomizationRole', trust: trustOf('bedrock.amazonaws.com') },
  { RoleName: 'Ec2InstanceRole', trust: trustOf('ec2.amazonaws.com') },
  { RoleName: 'SharedMlRole', trust: trustOf(['sagemaker.amazonaws.com', 'bedrock.amazonaws.com']) },
];

async function createRoles(): Promise<void> {
  // The SDK's own CreateRole, through the session's IAM client (endpoint override, signing, retries as in the product).
  for (const r of ROLES) {
    await fx.aws.iamClient.send(new CreateRoleCommand({ RoleName: r.RoleName, AssumeRolePolicyDocument: JSON.stringify(r.trust), Path: '/service-role/' }));
  }
}

test('listRolesPage pages with Marker/IsTruncated and decodes each trust policy', async () => {
  await createRoles();
  const first = await fx.aws.iam.listRolesPage(undefined, 2);
  assert.deepEqual(first.items.map((r) => r.roleName), ['BedrockCustomizationRole', 'Ec2InstanceRole']);
  assert.ok(first.nextToken, 'a truncated page hands back a marker');
  const second = await fx.aws.iam.listRolesPage(first.nextToken, 2);
  assert.deepEqual(second.items.map((r) => r.roleName), ['SharedMlRole']);
  assert.equal(second.nextToken, undefined);

  const shared = second.items[0];
  assert.equal(shared?.arn, 'arn:aws:iam::123456789012:role/service-role/SharedMlRole');
  assert.deepEqual(shared?.assumeRolePolicyDocument, ROLES[2]?.trust);
  assert.ok(shared?.createDate instanceof Date);

  const requests = await fx.admin.requests('iam');
  assert.equal(requests.length, ROLES.length + 2, 'three CreateRole calls, then one ListRoles per page');
});

test('listRoles walks every page lazily; the Bedrock filter keeps the two roles that trust Bedrock', async () => {
  await createRoles();
  const all = await collect(fx.aws.iam.listRoles(2));
  assert.deepEqual(all.map((r) => r.roleName), ['BedrockCustomizationRole', 'Ec2InstanceRole', 'SharedMlRole']);
  assert.deepEqual(bedrockAssumableRoles(all).map((r) => r.roleName), ['BedrockCustomizationRole', 'SharedMlRole']);
});

test('a denied ListRoles becomes an accessDenied AwsUserError about IAM', async () => {
  await fx.admin.faults({ service: 'iam', accessDenied: 'identity' });
  const err = await rejection(() => collect(fx.aws.iam.listRoles()));
  assert.equal(err.kind, 'accessDenied');
  assert.match(err.message, /iam:/);
});
