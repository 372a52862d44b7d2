import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectionPolicies } from '../../../src/aws/compare/collection';

const base = { name: 'asl-eval', create: true, principal: 'arn:aws:iam::123456789012:user/me' };

test('collection policies: private by default, AWS-owned encryption key, data access for the caller only', () => {
  const p = collectionPolicies({ ...base, allowPublicAccess: false, sourceVpce: 'vpce-0abc' });
  assert.deepEqual(p.encryption, { Rules: [{ ResourceType: 'collection', Resource: ['collection/asl-eval'] }], AWSOwnedKey: true });
  assert.deepEqual(p.network, [{ Rules: [{ ResourceType: 'collection', Resource: ['collection/asl-eval'] }], AllowFromPublic: false, SourceVPCEs: ['vpce-0abc'] }]);
  const data = p.data as { Principal: string[]; Rules: { Permission: string[] }[] }[];
  assert.deepEqual(data[0]?.Principal, ['arn:aws:iam::123456789012:user/me']);
  assert.ok(data[0]?.Rules[0]?.Permission.includes('aoss:WriteDocument'));
  assert.ok(JSON.stringify(p.network).length < 20_480 && JSON.stringify(p.data).length < 20_480);
});

test('collection policies: public access only when asked, and then without VPC endpoints', () => {
  const p = collectionPolicies({ ...base, allowPublicAccess: true, sourceVpce: 'vpce-0abc' });
  assert.deepEqual(p.network, [{ Rules: [{ ResourceType: 'collection', Resource: ['collection/asl-eval'] }], AllowFromPublic: true }]);
});
