// The layer arrows of docs/ARCHITECTURE.md are enforced by lint: prove each forbidden import is reported, and that
// the allowed ones are not.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

// out/test/unit/foundation -> repository root
const root = path.join(__dirname, '..', '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'bmc/layers').map((m) => m.message);
}

const VSCODE = "import * as vscode from 'vscode';\nexport const x = vscode;\n";
const SDK = "import { S3Client } from '@aws-sdk/client-s3';\nexport const x = S3Client;\n";

for (const layer of ['core', 'aws', 'cli', 'protocol']) {
  test(`src/${layer} may not import vscode`, async () => {
    const errors = await layerErrors(`src/${layer}/probe.ts`, VSCODE);
    assert.equal(errors.length, 1, `expected one layer error, got ${JSON.stringify(errors)}`);
    assert.match(errors[0] ?? '', /must not import vscode/);
  });
}

test('src/core may not import the AWS SDK', async () => {
  const errors = await layerErrors('src/core/probe.ts', SDK);
  assert.equal(errors.length, 1);
  assert.match(errors[0] ?? '', /must not import the AWS SDK/);
});

test('src/core may not import the aws or vscode layers', async () => {
  assert.equal((await layerErrors('src/core/probe.ts', "import { a } from '../aws/index';\nexport const x = a;\n")).length, 1);
  assert.equal((await layerErrors('src/core/probe.ts', "import { a } from '../vscode/features';\nexport const x = a;\n")).length, 1);
});

test('an import is judged by where it resolves: ../awsRules inside src/core is src/core/awsRules', async () => {
  assert.deepEqual(await layerErrors('src/core/lifecycle/probe.ts', "import { a } from '../awsRules/s3Uri';\nexport const x = a;\n"), []);
  assert.equal((await layerErrors('src/core/lifecycle/probe.ts', "import { a } from '../../aws/index';\nexport const x = a;\n")).length, 1);
  assert.equal((await layerErrors('webview-ui/src/probe.ts', "import { a } from '../../src/core/eval/knn';\nexport const x = a;\n")).length, 1);
  assert.deepEqual(await layerErrors('webview-ui/src/probe.ts', "import type { a } from '../../src/protocol/report';\nexport const x: a = 1;\n"), []);
});

test('the vscode glue may import vscode, and src/aws may import the AWS SDK', async () => {
  assert.deepEqual(await layerErrors('src/vscode/probe.ts', VSCODE), []);
  assert.deepEqual(await layerErrors('src/aws/probe.ts', SDK), []);
});
