// A profile with `role_arn` + `source_profile` (role chaining, the usual way to reach a team's Bedrock account):
// the session signs with the temporary key STS AssumeRole issued for the source profile's key, and the caller is the
// assumed role. Real SDK clients against the emulator's STS (AWS_ENDPOINT_URL_STS, as a user would point them).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AwsUserError, createAwsSession } from '../../../src/aws';
import { callerArn } from '../../../src/aws/compare/callerIdentity';
import { credentialsFor } from '../../../src/aws/credentials';
import { startEmulator, type RunningEmulator } from '../../../emulator';

describe('role_arn + source_profile', () => {
  let emu: RunningEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'bmc-assume-role-'));
  before(async () => {
    emu = await startEmulator();
    writeFileSync(join(dir, 'config'), [
      '[profile ops]', 'role_arn = arn:aws:iam::123456789012:role/BedrockOps', 'source_profile = base', 'region = us-east-1',
      '[profile elsewhere]', 'role_arn = arn:aws:iam::999999999999:role/Other', 'source_profile = base', '',
    ].join('\n'));
    writeFileSync(join(dir, 'credentials'), '[base]\naws_access_key_id = AKIDBASEEXAMPLE\naws_secret_access_key = base-secret\n');
    Object.assign(process.env, {
      AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_ENDPOINT_URL_STS: emu.endpoints.sts,
    });
  });
  after(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs with the assumed role\'s temporary key, and the caller is the assumed role', async () => {
    const creds = await credentialsFor('ops')();
    assert.match(creds.accessKeyId, /^ASIA/);
    assert.equal(creds.sessionToken, 'emulator-session-token');
    const arn = await callerArn({ profile: 'ops', region: 'us-east-1', endpoint: emu.endpoints.sts });
    assert.match(arn, /^arn:aws:sts::123456789012:assumed-role\/BedrockOps\//);
    const session = createAwsSession({ profile: 'ops', endpoints: { s3: emu.endpoints.s3 } });
    try {
      assert.equal(session.region, 'us-east-1', 'the region comes from the profile');
      await emu.store.createBucket('assumed-role-bucket');
      await emu.store.putObject('assumed-role-bucket', 'train.jsonl', '{}\n', 'application/jsonl');
      const page = await session.s3.listObjectsPage({ bucket: 'assumed-role-bucket' });
      assert.deepEqual(page.items.map((o) => o.key), ['train.jsonl'], 'an S3 call with the assumed role\'s credentials');
    } finally {
      session.dispose();
    }
  });

  it('a role STS refuses to hand out is a clear error that names sts:AssumeRole', async () => {
    await assert.rejects(credentialsFor('elsewhere')(), /sts:AssumeRole/);
    const session = createAwsSession({ profile: 'elsewhere', region: 'us-east-1', endpoints: { s3: emu.endpoints.s3 } });
    try {
      await assert.rejects(session.s3.listObjectsPage({ bucket: 'assumed-role-bucket' }), (err: Error) => {
        assert.ok(err instanceof AwsUserError, String(err));
        assert.match(err.message, /^Access denied: your identity is not allowed sts:AssumeRole on arn:aws:iam::999999999999:role\/Other .*Ask for an IAM policy that allows sts:AssumeRole/);
        return true;
      });
    } finally {
      session.dispose();
    }
  });
});
