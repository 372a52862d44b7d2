import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { profilesFromIni } from '../../../src/core/awsRules/profiles';
import { profileRows, regionRows } from '../../../src/vscode/session/pickItems';
import { guessNoCredentials } from '../../../src/vscode/session/credentialState';

test('profile rows: the default chain first, then each profile with its kind and region', () => {
  const profiles = profilesFromIni('[profile dev]\nsso_session = x\nregion = us-west-2\n[default]\nregion = us-east-1', '[ci]\naws_access_key_id = A');
  const rows = profileRows(profiles, 'dev', 'default');
  assert.deepEqual(rows.map((r) => r.value), ['', 'default', 'ci', 'dev']);
  assert.equal(rows.find((r) => r.value === 'dev')?.picked, true);
  assert.equal(rows.find((r) => r.value === 'dev')?.description, 'IAM Identity Center (SSO) · us-west-2');
  assert.equal(rows.find((r) => r.value === 'ci')?.description, 'access keys');
});

test('region rows offer only TMME regions, marked, plus the profile default and an off-list current region', () => {
  const rows = regionRows('', 'us-west-2');
  assert.deepEqual(rows.map((r) => r.value), ['', 'us-east-1', 'us-west-2']);
  assert.ok(rows.slice(1).every((r) => r.description?.includes('offers Titan Multimodal Embeddings fine-tuning')));
  const offList = regionRows('eu-west-1', undefined);
  assert.deepEqual(offList.map((r) => r.value), ['', 'us-east-1', 'us-west-2', 'eu-west-1']);
  assert.match(offList[3]?.description ?? '', /no Titan Multimodal Embeddings fine-tuning/);
});

test('guessNoCredentials: env keys or an existing profile count as credentials', () => {
  assert.equal(guessNoCredentials({}, [], ''), true);
  assert.equal(guessNoCredentials({ AWS_ACCESS_KEY_ID: 'x' }, [], ''), false);
  assert.equal(guessNoCredentials({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2' }, [], ''), false);
  assert.equal(guessNoCredentials({}, ['default'], ''), false);
  assert.equal(guessNoCredentials({ AWS_PROFILE: 'gone' }, ['default'], ''), true);
  assert.equal(guessNoCredentials({ AWS_ACCESS_KEY_ID: 'x' }, ['default'], 'missing'), true, 'a chosen profile that is not in the files');
  assert.equal(guessNoCredentials({}, ['dev'], 'dev'), false);
});
