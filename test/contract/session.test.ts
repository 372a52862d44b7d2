// Contract: the session builds each client once, per profile + region + endpoints, and disposes them.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsSession, listProfiles, regionForProfile } from '../../src/aws/index';
import { rejection, sessionFor, useEmulator } from './support';

const fx = useEmulator();
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bmc-aws-config-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('clients are created once per session and refuse use after dispose', async () => {
  const aws = sessionFor(fx.emulator);
  assert.equal(aws.bedrock, aws.bedrock);
  assert.equal(aws.s3, aws.s3);
  assert.equal(aws.runtime, aws.runtime);
  assert.equal(aws.aoss, aws.aoss);
  assert.equal(aws.openSearch('http://127.0.0.1:1', 'es'), aws.openSearch('http://127.0.0.1:1', 'es'));
  assert.notEqual(aws.openSearch('http://127.0.0.1:1', 'es'), aws.openSearch('http://127.0.0.1:1', 'aoss'));
  assert.equal((await aws.bedrock.listJobsPage()).items.length, 0);
  aws.dispose();
  assert.equal(aws.isDisposed, true);
  assert.throws(() => aws.bedrock, /disposed/);
});

test('a profile from AWS_CONFIG_FILE gives the region and the credentials (the real provider chain)', async () => {
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  writeFileSync(config, '[profile contract]\nregion = us-west-2\naws_access_key_id = AKIACONTRACTEXAMPLE1\naws_secret_access_key = contract-secret\n[profile empty]\nregion = eu-west-1\n');
  writeFileSync(credentials, '[other]\naws_access_key_id = AKIAOTHEREXAMPLE0001\naws_secret_access_key = other-secret\n');
  const env = { ...process.env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
  const saved = { config: process.env['AWS_CONFIG_FILE'], credentials: process.env['AWS_SHARED_CREDENTIALS_FILE'] };
  process.env['AWS_CONFIG_FILE'] = config;
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = credentials;
  try {
    assert.deepEqual((await listProfiles(env)).map((p) => p.name), ['contract', 'empty', 'other']);
    assert.equal(regionForProfile('contract', undefined, env), 'us-west-2');
    assert.equal(regionForProfile('contract', 'us-east-1', env), 'us-east-1');
    const e = fx.emulator.endpoints;
    const aws = createAwsSession({ profile: 'contract', endpoints: { bedrock: e.bedrock } });
    try {
      assert.equal(aws.region, 'us-west-2');
      await aws.verifyCredentials();
      await fx.admin.clearRequests();
      await aws.bedrock.listJobsPage();
      assert.equal((await fx.admin.requests('bedrock')).length, 1, 'signed with the profile\'s keys and accepted');
    } finally {
      aws.dispose();
    }
    const empty = createAwsSession({ profile: 'empty', endpoints: { bedrock: e.bedrock } });
    try {
      const err = await rejection(() => empty.verifyCredentials());
      assert.equal(err.kind, 'noCredentials');
      assert.match(err.message, /profile "empty"/);
      assert.equal((await rejection(() => empty.bedrock.listJobsPage())).kind, 'noCredentials');
    } finally {
      empty.dispose();
    }
  } finally {
    for (const [k, v] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

/** Runs `fn` with environment variables set, restoring them afterwards. */
async function withEnv(vars: Record<string, string>, fn: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('a profile added to the config file after the first read is found (the SDK\'s file cache is bypassed)', async () => {
  const config = join(dir, 'config-grows');
  const credentials = join(dir, 'credentials-grows');
  writeFileSync(credentials, '');
  writeFileSync(config, '[profile first]\naws_access_key_id = AKIAFIRSTEXAMPLE0001\naws_secret_access_key = s1\n');
  await withEnv({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials }, async () => {
    const first = createAwsSession({ profile: 'first', region: 'us-east-1' });
    await first.verifyCredentials();
    first.dispose();
    writeFileSync(config, '[profile first]\naws_access_key_id = AKIAFIRSTEXAMPLE0001\naws_secret_access_key = s1\n[profile added]\naws_access_key_id = AKIAADDEDEXAMPLE0001\naws_secret_access_key = s2\n');
    const added = createAwsSession({ profile: 'added', region: 'us-east-1' });
    try {
      await added.verifyCredentials();
    } finally {
      added.dispose();
    }
  });
});

test('an expired SSO session from the real SSO provider becomes "sign in again" with the profile\'s command', async () => {
  // A home directory with an SSO profile whose cached token expired in 2020 (no refresh possible, no network).
  const home = join(dir, 'home');
  mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  const config = join(home, '.aws', 'config');
  writeFileSync(config, [
    '[profile corp-dev]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1',
    'sso_account_id = 123456789012', 'sso_role_name = Dev', 'region = us-east-1', '',
  ].join('\n'));
  const cacheFile = createHash('sha1').update('https://corp.awsapps.com/start').digest('hex');
  writeFileSync(join(home, '.aws', 'sso', 'cache', `${cacheFile}.json`), JSON.stringify({
    accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://corp.awsapps.com/start',
  }));
  await withEnv({ HOME: home, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials') }, async () => {
    const aws = createAwsSession({ profile: 'corp-dev', endpoints: { bedrock: fx.emulator.endpoints.bedrock } });
    try {
      const err = await rejection(() => aws.bedrock.listJobsPage());
      assert.equal(err.kind, 'ssoExpired');
      assert.equal(err.details.signInCommand, 'aws sso login --profile corp-dev');
      assert.match(err.message, /Sign in again: run `aws sso login --profile corp-dev`/);
      assert.ok(!err.message.includes('expired-token'));
    } finally {
      aws.dispose();
    }
  });
});
