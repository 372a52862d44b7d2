// Switching profile or region in real VS Code rebuilds every AWS client and changes the status bar; the new
// session reaches the emulator. Profiles come from a temporary AWS_CONFIG_FILE set in the extension host.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { activateExtension, waitFor } from '../support/vscode';

describe('AWS profile and region in real VS Code', () => {
  let api: TestingApi;
  let dir: string;
  const savedEnv = { config: process.env['AWS_CONFIG_FILE'], credentials: process.env['AWS_SHARED_CREDENTIALS_FILE'] };
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bedrockCustomizer');

  before(async () => {
    api = await activateExtension();
    dir = mkdtempSync(join(tmpdir(), 'bmc-aws-profiles-'));
    writeFileSync(join(dir, 'config'), [
      '[profile itest]', 'region = us-west-2', 'aws_access_key_id = AKIAITESTEXAMPLE0001', 'aws_secret_access_key = itest-secret', '',
      '[profile nokeys]', 'region = us-east-1', '',
    ].join('\n'));
    writeFileSync(join(dir, 'credentials'), '');
    process.env['AWS_CONFIG_FILE'] = join(dir, 'config');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(dir, 'credentials');
  });

  after(async () => {
    await config().update('profile', undefined, vscode.ConfigurationTarget.Global);
    await config().update('region', undefined, vscode.ConfigurationTarget.Global);
    for (const [k, v] of [['AWS_CONFIG_FILE', savedEnv.config], ['AWS_SHARED_CREDENTIALS_FILE', savedEnv.credentials]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the profile and region, and registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('bedrockCustomizer.selectProfile'));
    assert.ok(commands.includes('bedrockCustomizer.selectRegion'));
    const session = await api.aws.session();
    assert.equal(api.aws.statusText(), `AWS: default · ${session.region}`);
    assert.equal(session.region, 'us-east-1', 'AWS_REGION from the test harness');
    // The session uses the endpoint settings: the real SDK reaches the emulator.
    assert.ok(Array.isArray((await session.bedrock.listJobsPage()).items));
    await waitFor(api.aws.onDidChangeCredentialState, () => api.aws.credentialState().kind === 'ok', 'credentials verified');
    assert.equal(api.aws.statusIsError(), false);
  });

  it('switching the region rebuilds the clients and the status bar', async () => {
    const before = await api.aws.session();
    const changed = waitFor(api.aws.onDidChangeSession, () => api.aws.identity().region === 'us-west-2' && api.aws.identity(), 'the region change');
    await config().update('region', 'us-west-2', vscode.ConfigurationTarget.Global);
    await changed;
    assert.equal(api.aws.statusText(), 'AWS: default · us-west-2');
    assert.equal(before.isDisposed, true, 'the old clients are disposed');
    const after = await api.aws.session();
    assert.notEqual(after, before);
    assert.equal(after.region, 'us-west-2');
    assert.equal((await after.bedrock.getFoundationModel('amazon.titan-embed-image-v1:0'))?.modelId, 'amazon.titan-embed-image-v1:0');
  });

  it('switching the profile takes its region from AWS_CONFIG_FILE and signs with its keys', async () => {
    await config().update('region', undefined, vscode.ConfigurationTarget.Global);
    const before = await api.aws.session();
    const changed = waitFor(api.aws.onDidChangeSession, () => api.aws.identity().profile === 'itest' && api.aws.identity(), 'the profile change');
    await config().update('profile', 'itest', vscode.ConfigurationTarget.Global);
    await changed;
    assert.equal(api.aws.statusText(), 'AWS: itest · us-west-2');
    assert.equal(before.isDisposed, true);
    const after = await api.aws.session();
    assert.equal(after.profile, 'itest');
    assert.equal(after.region, 'us-west-2');
    assert.ok(Array.isArray((await after.bedrock.listCustomModelsPage()).items));
    await waitFor(api.aws.onDidChangeCredentialState, () => api.aws.credentialState().kind === 'ok', 'the profile\'s credentials verified');
  });

  it('a profile without credentials is reported, and choosing a good one clears it', async () => {
    const missing = waitFor(api.aws.onDidChangeCredentialState, () => api.aws.credentialState().kind === 'missing', 'no credentials');
    await config().update('profile', 'ghost', vscode.ConfigurationTarget.Global);
    await missing;
    assert.equal(api.aws.statusText(), 'AWS: ghost · us-east-1');
    assert.equal(api.aws.statusIsError(), true, 'error background while credentials are missing');
    const noKeys = waitFor(api.aws.onDidChangeCredentialState, () => api.aws.credentialState().kind === 'missing' && api.aws.identity().profile === 'nokeys', 'nokeys has no credentials');
    await config().update('profile', 'nokeys', vscode.ConfigurationTarget.Global);
    void api.aws.session(); // the full check runs on first use, through the SDK's provider chain
    await noKeys;
    const ok = waitFor(api.aws.onDidChangeCredentialState, () => api.aws.credentialState().kind === 'ok', 'credentials back');
    await config().update('profile', 'itest', vscode.ConfigurationTarget.Global);
    await api.aws.session();
    await ok;
    assert.equal(api.aws.statusIsError(), false, 'no error background once credentials work');
  });
});
