// Lint, including the layer arrows of ARCHITECTURE.md: core is pure; aws, cli and protocol never see vscode.
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'This layer must not import vscode (see ARCHITECTURE.md layers).' };
const awsSdkPatterns = [
  { group: ['@aws-sdk/*', '@smithy/*', '@opensearch-project/*'], message: 'src/core must not import the AWS SDK: put AWS calls in src/aws.' },
];
const noUpwardFrom = (layers) => layers.map((layer) => ({
  regex: `^\\.\\.?/(?:\\.\\./)*${layer}(?:/|$)`, // a relative import of that src/ folder
  message: `Layer violation: this folder may not import src/${layer}.`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'dist-vsix/**', '.vscode-test/**', 'test/fixtures/**', 'webview-ui/dist/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [...awsSdkPatterns, ...noUpwardFrom(['aws', 'vscode', 'cli'])] }],
    },
  },
  {
    files: ['src/aws/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: noUpwardFrom(['vscode', 'cli']) }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: noUpwardFrom(['vscode']) }] },
  },
  {
    files: ['src/protocol/**/*.ts', 'webview-ui/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [...awsSdkPatterns.map((p) => ({ ...p, message: 'protocol and webview-ui must not import the AWS SDK.' })), ...noUpwardFrom(['aws', 'vscode', 'cli', 'core'])] }],
    },
  },
);
