import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bedrockAssumableRoles, trustsBedrock } from '../../../src/core/lifecycle/roles';

const trust = (...statements: object[]): object => ({ Version: '2012-10-17', Statement: statements });
const allow = (service: string | string[], action: string | string[] = 'sts:AssumeRole'): object => ({ Effect: 'Allow', Principal: { Service: service }, Action: action });
const role = (roleName: string, doc: unknown) => ({ roleName, arn: `arn:aws:iam::123456789012:role/${roleName}`, assumeRolePolicyDocument: doc });

describe('bedrockAssumableRoles', () => {
  it('keeps only roles that trust bedrock.amazonaws.com, sorted by name', () => {
    const roles = [
      role('ZetaBedrock', trust(allow('bedrock.amazonaws.com'))),
      role('Ec2Only', trust(allow('ec2.amazonaws.com'))),
      role('AlphaMulti', trust(allow(['lambda.amazonaws.com', 'bedrock.amazonaws.com']))),
      // A typical Bedrock service role with the confused-deputy conditions the console writes.
      role('MidConditions', trust({ ...allow('bedrock.amazonaws.com'), Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' }, ArnEquals: { 'aws:SourceArn': 'arn:aws:bedrock:us-east-1:123456789012:model-customization-job/*' } } })),
      role('Unreadable', undefined),
    ];
    assert.deepEqual(bedrockAssumableRoles(roles).map((r) => r.roleName), ['AlphaMulti', 'MidConditions', 'ZetaBedrock']);
  });

  it('a Deny for Bedrock wins over an Allow', () => {
    const doc = trust(allow('bedrock.amazonaws.com'), { Effect: 'Deny', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' });
    assert.equal(trustsBedrock(doc), false);
    assert.deepEqual(bedrockAssumableRoles([role('Denied', doc)]), []);
  });

  it('needs sts:AssumeRole (or a wildcard covering it), not another action', () => {
    assert.equal(trustsBedrock(trust(allow('bedrock.amazonaws.com', 'sts:TagSession'))), false);
    assert.equal(trustsBedrock(trust(allow('bedrock.amazonaws.com', ['sts:TagSession', 'sts:AssumeRole']))), true);
    assert.equal(trustsBedrock(trust(allow('bedrock.amazonaws.com', 'sts:*'))), true);
  });

  it('ignores AWS-account and federated principals, and a single statement object works like a list', () => {
    assert.equal(trustsBedrock(trust({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' })), false);
    assert.equal(trustsBedrock(trust({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' })), false);
    assert.equal(trustsBedrock({ Version: '2012-10-17', Statement: allow('bedrock.amazonaws.com') }), true);
    assert.equal(trustsBedrock('not a policy'), false);
  });
});
