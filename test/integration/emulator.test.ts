// The test harness hands the emulator to VS Code: endpoint settings, BMC_EMULATOR and dummy credentials reach the
// extension host, and the real SDK from there talks to the emulator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BedrockClient, GetFoundationModelCommand } from '@aws-sdk/client-bedrock';

describe('emulator wiring in real VS Code', () => {
  it('passes the emulator endpoints as settings and env, and the SDK reaches it from the extension host', async () => {
    const raw = process.env['BMC_EMULATOR'];
    assert.ok(raw, 'BMC_EMULATOR is set for the extension host');
    const endpoints = JSON.parse(raw) as Record<string, string>;
    const config = vscode.workspace.getConfiguration('bedrockCustomizer');
    for (const key of ['bedrock', 'bedrockRuntime', 's3', 'opensearchServerless']) {
      assert.equal(config.get(`endpoints.${key}`), endpoints[key], `bedrockCustomizer.endpoints.${key}`);
    }
    assert.equal(process.env['AWS_REGION'], 'us-east-1');
    // Credentials come from the environment, as for a user whose shell exports them.
    const client = new BedrockClient({ region: 'us-east-1', endpoint: endpoints['bedrock'] });
    try {
      const r = await client.send(new GetFoundationModelCommand({ modelIdentifier: 'amazon.titan-embed-image-v1:0' }));
      assert.equal(r.modelDetails?.modelId, 'amazon.titan-embed-image-v1:0');
    } finally {
      client.destroy();
    }
  });
});
