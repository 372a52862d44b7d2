// The launch wizard's service-role step against the emulator's IAM: it offers the roles Bedrock can assume.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, answering } from '../support/vscode';
import { admin } from '../support/emulatorAdmin';

const ACCOUNT_ROLE = (name: string): string => `arn:aws:iam::123456789012:role/${name}`;

/** CreateRole on the emulator's IAM endpoint (AWS query protocol, as the SDK sends it; the emulator checks no signature). */
async function createRole(name: string, service: string): Promise<void> {
  const { iam } = JSON.parse(process.env['BMC_EMULATOR'] ?? '{}') as { iam?: string };
  assert.ok(iam, 'BMC_EMULATOR names the IAM endpoint');
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] };
  const res = await fetch(iam, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ Action: 'CreateRole', Version: '2010-05-08', RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }).toString(),
  });
  assert.equal(res.status, 200, await res.text());
}

describe('launch wizard service role', () => {
  it('offers the roles that trust Bedrock (not the others) and accepts one of them', async () => {
    const lifecycle = answering(await activateExtension());
    await admin('/reset', {});
    await createRole('WizardBedrockRole', 'bedrock.amazonaws.com');
    await createRole('WizardEc2Role', 'ec2.amazonaws.com');
    // Output, training (S3), no validation, the listed role, then cancel at the job name.
    const driver = lifecycle.script(['s3://bucket-r/out/', 's3://bucket-r/train.jsonl', '<none>', ACCOUNT_ROLE('WizardBedrockRole'), '<cancel>']);
    const outcome = await vscode.commands.executeCommand<{ cancelled?: boolean }>('bedrockCustomizer.launchJob');
    assert.equal(outcome?.cancelled, true);
    assert.deepEqual(driver.rejected, []);
    const offered = driver.offered['roleArn'] ?? [];
    assert.ok(offered.includes(ACCOUNT_ROLE('WizardBedrockRole')), `offered: ${offered.join(', ')}`);
    assert.ok(!offered.includes(ACCOUNT_ROLE('WizardEc2Role')), `offered: ${offered.join(', ')}`);
    assert.deepEqual(driver.asked.slice(3), ['roleArn', 'jobName'], 'the typed ARN step is not asked when a listed role is picked');
  });
});
