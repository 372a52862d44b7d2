// `bedrock-mm`: the command-line twin of the extension (validate, evaluate, compare, cleanup, and the lifecycle: launch,
// wait, provision, jobs, models, throughputs).
import { isMainThread } from 'node:worker_threads';
import { pipeSafe } from './output';
import { runCli } from './run';

if (isMainThread) {
  // threadScript: this bundle, which big-file validation starts again in worker threads (below).
  // stdin is opened only when asked for (`validate -`): an open handle to it can keep the process waiting.
  const io = { stdout: pipeSafe(process.stdout), stderr: pipeSafe(process.stderr), get stdin() { return process.stdin; }, threadScript: __filename };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
} else {
  void import('../core/manifest/threads.js').then((m) => m.runPartJob());
}
