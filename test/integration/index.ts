// The test entry VS Code loads through `extensionTestsPath` (with this repository as the extension under
// development, so the extension runs in ExtensionMode.Test): every integration suite, with mocha.
import { runMochaSuites } from '../support/mochaEntry';

export function run(): Promise<void> {
  return runMochaSuites(__dirname, 'integration');
}
