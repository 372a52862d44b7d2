// A reader that goes away (`bedrock-mm validate big.jsonl | head -1`) ends our output, not the command: the EPIPE
// that would crash the process with a stack trace is absorbed, later writes are dropped, and the command finishes
// with the exit code it would have returned (so `set -o pipefail` still sees a failed validation).
import type { CliIo } from './run';

type Sink = CliIo['stdout'];

export function pipeSafe(stream: NodeJS.WriteStream): Sink {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err; // anything else is a real failure: let it crash loudly, as before
    closed = true;
  });
  return { write: (s: string) => (closed ? false : stream.write(s)) };
}
