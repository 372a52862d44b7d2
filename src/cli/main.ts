// `bedrock-mm`: the command-line twin of the extension (validate, evaluate, compare, cleanup).
import { isMainThread } from 'node:worker_threads';
import { runCli } from './run';

if (isMainThread) {
  // threadScript: this bundle, which big-file validation starts again in worker threads (below).
  void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, threadScript: __filename }).then((code) => {
    process.exitCode = code;
  });
} else {
  void import('../core/manifest/threads.js').then((m) => m.runPartJob());
}
