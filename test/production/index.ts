// The test entry of the production-mode stage (scripts/lib/run-production.mjs): VS Code loads it through
// `extensionTestsPath` with the tiny runner extension in this folder under development, while
// bedrock-mm.bedrock-mm-customizer is installed from its VSIX as a user would have it (ExtensionMode.Production).
import { runMochaSuites } from '../support/mochaEntry';

export function run(): Promise<void> {
  return runMochaSuites(__dirname, 'production-mode');
}
