// Lint, including the layer arrows of docs/ARCHITECTURE.md: core is pure; aws, cli and protocol never see vscode.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));
const AWS_SDK = /^(@aws-sdk|@smithy|@opensearch-project)\//;

/** What each layer may not import: the `vscode` module, the AWS SDK, and which other src/ folders. */
const LAYERS = {
  'src/core': { vscode: true, awsSdk: true, folders: ['aws', 'vscode', 'cli'] },
  'src/aws': { vscode: true, awsSdk: false, folders: ['vscode', 'cli'] },
  'src/cli': { vscode: true, awsSdk: false, folders: ['vscode'] },
  'src/protocol': { vscode: true, awsSdk: true, folders: ['aws', 'vscode', 'cli', 'core'] },
  'webview-ui': { vscode: true, awsSdk: true, folders: ['aws', 'vscode', 'cli', 'core'] },
};

/** Resolves each relative import against its file, so `../awsRules` inside src/core means src/core/awsRules (allowed) and `../../aws` means src/aws. */
const layersRule = {
  meta: { type: 'problem', schema: [], messages: { forbidden: '{{what}} (layer rule of docs/ARCHITECTURE.md: {{layer}} may not import it).' } },
  create(context) {
    const file = relative(root, context.filename).split(sep).join('/');
    const layer = Object.keys(LAYERS).find((l) => file.startsWith(`${l}/`));
    if (!layer) return {};
    const rules = LAYERS[layer];
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      let what;
      if (source === 'vscode' && rules.vscode) what = 'This layer must not import vscode';
      else if (AWS_SDK.test(source) && rules.awsSdk) what = 'This layer must not import the AWS SDK: put AWS calls in src/aws';
      else if (source.startsWith('.')) {
        const target = relative(root, resolve(dirname(context.filename), source)).split(sep).join('/');
        const folder = rules.folders.find((f) => target === `src/${f}` || target.startsWith(`src/${f}/`));
        if (folder) what = `Layer violation: may not import src/${folder}`;
      }
      if (what) context.report({ node, messageId: 'forbidden', data: { what, layer } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'dist-vsix/**', 'dist-cli/**', '.vscode-test/**', 'test/fixtures/**', 'webview-ui/dist/**', 'test-artifacts/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { bmc: { rules: { layers: layersRule } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'bmc/layers': 'error',
    },
  },
);
