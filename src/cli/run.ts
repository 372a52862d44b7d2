import { VERSION } from '../core/version';
import { EndpointError } from './endpoints';
import { UsageError } from './usage';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Standard input, for `validate -`; in-process callers may leave it out. */
  stdin?: NodeJS.ReadableStream | undefined;
  /** The script that runs this CLI (for worker threads); in-process callers leave it out and get one thread. */
  threadScript?: string | undefined;
}

/** A subcommand: parses its own arguments and returns the process exit code. */
export type Subcommand = (args: string[], io: CliIo) => Promise<number>;

// Each subcommand's module loads when it runs: `validate` and `evaluate` never pay for loading the AWS SDK
// that `compare` and `cleanup` need (half a second of start-up in a CI step that validates one file).
const SUBCOMMANDS: Record<string, Subcommand> = {
  cleanup: async (args, io) => (await import('./cleanup.js')).cleanupCommand(args, io),
  compare: async (args, io) => (await import('./compare.js')).compareCommand(args, io),
  evaluate: async (args, io) => (await import('./evaluate.js')).evaluateCommand(args, io),
  validate: async (args, io) => (await import('./validate.js')).validateCommand(args, io),
};

const USAGE = `Usage: bedrock-mm <command> [options]

Commands:
  cleanup      plan, then delete (with --yes) what the work created, in order, verified: bedrock-mm cleanup --help
  compare      embed, index and score a compare spec against AWS or the emulator: bedrock-mm compare --help
  evaluate     score imported embeddings (one JSONL per model): metrics, paired comparison, no AWS
  validate     check Bedrock fine-tuning manifests (JSON Lines): bedrock-mm validate --help

Options:
  --help       show this help
  --version    print the version
`;

/** Exit codes: 0 success, 1 the checked thing has errors, 2 usage or I/O problems. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const sub = SUBCOMMANDS[command];
  if (!sub) {
    io.stderr.write(`bedrock-mm: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  try {
    return await sub(rest, io);
  } catch (e) {
    // Endpoint overrides are read where a session is built; wherever that is, a bad set is a usage error.
    if (e instanceof EndpointError) { io.stderr.write(`bedrock-mm ${command}: ${e.message}\n`); return 2; }
    // Every subcommand's flags are read by parseFlags; a wrong command line prints that command's usage.
    if (e instanceof UsageError) { io.stderr.write(`bedrock-mm ${command}: ${e.message}\n\n${e.usage}`); return 2; }
    throw e;
  }
}
