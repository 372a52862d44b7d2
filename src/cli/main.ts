// `bedrock-mm`: the command-line twin of the extension (validate, evaluate, compare, cleanup).
import { runCli } from './run';

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
