// Contract: the session builds each client once, per profile + region + endpoints, and disposes them.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsSession, listProfiles, regionForProfile } from '../../src/aws/index';
import { Admin, rejection, sessionFor, startTestEmulator, type Emulator } from './support';

let emulator: Emulator;
let admin: Admin;
let dir: string;

before(async () => {
  emulator = await startTestEmulator();
  admin = new Admin(emulator.endpoints.admin);
  dir = mkdtempSync(join(tmpdir(), 'bmc-aws-config-'));
});
after(async () => {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('clients are created once per session and refuse use after dispose', async () => {
  const aws = sessionFor(emulator);
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
    const e = emulator.endpoints;
    const aws = createAwsSession({ profile: 'contract', endpoints: { bedrock: e.bedrock } });
    try {
      assert.equal(aws.region, 'us-west-2');
      await aws.verifyCredentials();
      await admin.clearRequests();
      await aws.bedrock.listJobsPage();
      assert.equal((await admin.requests('bedrock')).length, 1, 'signed with the profile\'s keys and accepted');
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
