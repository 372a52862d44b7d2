import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseIni } from '../../../src/core/awsRules/ini';
import { awsConfigPaths, defaultProfileName, profilesFromIni, readAwsProfiles, resolveRegion } from '../../../src/core/awsRules/profiles';

const CONFIG = `
# a comment
[default]
region = eu-west-1
output=json

[profile dev]
region = us-west-2   # inline comment
sso_session = corp
sso_account_id = 123456789012

[profile ops]
role_arn = arn:aws:iam::123456789012:role/ops
source_profile = default
s3 =
  max_concurrent_requests = 10
  addressing_style = path

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
; another comment
[services local]
bedrock =
  endpoint_url = http://localhost:1
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLEEXAMPLE12
aws_secret_access_key = secret
[ci]
aws_access_key_id=AKIAEXAMPLEEXAMPLE34
aws_secret_access_key=secret#with-hash
region = ap-southeast-2
`;

test('parseIni reads sections, keys, comments and indented sub-sections as the SDK does', () => {
  const ini = parseIni(CONFIG);
  assert.equal(ini.get('default')?.get('region'), 'eu-west-1');
  assert.equal(ini.get('default')?.get('output'), 'json');
  assert.equal(ini.get('profile dev')?.get('region'), 'us-west-2', 'inline comment after whitespace is dropped');
  assert.equal(ini.get('profile ops')?.get('s3.max_concurrent_requests'), '10');
  assert.equal(ini.get('profile ops')?.get('s3.addressing_style'), 'path');
  assert.equal(ini.get('sso-session corp')?.get('sso_start_url'), 'https://corp.awsapps.com/start');
  assert.equal(parseIni(CREDENTIALS).get('ci')?.get('aws_secret_access_key'), 'secret#with-hash', '# inside a value is kept');
});

test('parseIni never throws on malformed input', () => {
  const ini = parseIni('key-before-section = 1\n[unterminated\n[ok]\nno equals sign\n=empty key\n[ok]\nb = 2');
  assert.deepEqual([...ini.keys()], ['ok']);
  assert.equal(ini.get('ok')?.get('b'), '2');
});

test('profilesFromIni lists config and credentials profiles, with kind and region, default first', () => {
  const profiles = profilesFromIni(CONFIG, CREDENTIALS);
  assert.deepEqual(profiles.map((p) => p.name), ['default', 'ci', 'dev', 'ops']);
  const byName = new Map(profiles.map((p) => [p.name, p]));
  assert.equal(byName.get('default')?.region, 'eu-west-1');
  assert.equal(byName.get('default')?.kind, 'static');
  assert.equal(byName.get('dev')?.kind, 'sso');
  assert.equal(byName.get('dev')?.ssoLoginCommand, 'aws sso login --profile dev');
  assert.equal(byName.get('ops')?.kind, 'role');
  assert.equal(byName.get('ci')?.region, 'ap-southeast-2');
  assert.ok(!byName.has('corp') && !byName.has('services local'), 'sso-session and services sections are not profiles');
});

test('a 5,000-profile config parses into 5,000 profiles', () => {
  const text = Array.from({ length: 5000 }, (_, i) => `[profile p${i}]\nregion = us-west-2\nrole_arn = arn:aws:iam::1:role/r${i}\nsource_profile = default\n`).join('\n');
  const profiles = profilesFromIni(text, '');
  assert.equal(profiles.length, 5000);
  assert.equal(profiles.every((p) => p.kind === 'role' && p.region === 'us-west-2'), true);
});

test('awsConfigPaths honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, with ~ expansion', () => {
  assert.deepEqual(awsConfigPaths({}, '/home/u'), { config: '/home/u/.aws/config', credentials: '/home/u/.aws/credentials' });
  assert.deepEqual(
    awsConfigPaths({ AWS_CONFIG_FILE: '/etc/aws.conf', AWS_SHARED_CREDENTIALS_FILE: '~/creds' }, '/home/u'),
    { config: '/etc/aws.conf', credentials: '/home/u/creds' },
  );
  assert.equal(awsConfigPaths({ AWS_CONFIG_FILE: '' }, '/home/u').config, '/home/u/.aws/config', 'an empty variable is ignored');
});

test('readAwsProfiles reads the files named by AWS_CONFIG_FILE, missing files count as empty', async () => {
  const files = new Map([['/custom/config', '[profile only]\nregion = us-west-2\n']]);
  const read: string[] = [];
  const profiles = await readAwsProfiles({
    env: { AWS_CONFIG_FILE: '/custom/config' },
    homeDir: '/home/u',
    readText: async (p) => { read.push(p); return files.get(p); },
  });
  assert.deepEqual(read.sort(), ['/custom/config', '/home/u/.aws/credentials']);
  assert.deepEqual(profiles.map((p) => [p.name, p.region]), [['only', 'us-west-2']]);
});

test('resolveRegion: setting, then profile, then AWS_REGION, then the fallback', () => {
  const profile = profilesFromIni('[profile a]\nregion = us-west-2', '')[0];
  assert.equal(resolveRegion('eu-central-1', profile, { AWS_REGION: 'ap-south-1' }, 'us-east-1'), 'eu-central-1');
  assert.equal(resolveRegion('', profile, { AWS_REGION: 'ap-south-1' }, 'us-east-1'), 'us-west-2');
  assert.equal(resolveRegion(' ', undefined, { AWS_REGION: 'ap-south-1' }, 'us-east-1'), 'ap-south-1');
  assert.equal(resolveRegion('', undefined, {}, 'us-east-1'), 'us-east-1');
  assert.equal(defaultProfileName({ AWS_PROFILE: 'x' }), 'x');
  assert.equal(defaultProfileName({}), 'default');
});
