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
// that the subcommands calling AWS need (half a second of start-up in a CI step that validates one file).
const SUBCOMMANDS: Record<string, Subcommand> = {
  cleanup: async (args, io) => (await import('./cleanup.js')).cleanupCommand(args, io),
  compare: async (args, io) => (await import('./compare.js')).compareCommand(args, io),
  evaluate: async (args, io) => (await import('./evaluate.js')).evaluateCommand(args, io),
  jobs: async (args, io) => (await import('./listings.js')).jobsCommand(args, io),
  launch: async (args, io) => (await import('./launch.js')).launchCommand(args, io),
  models: async (args, io) => (await import('./listings.js')).modelsCommand(args, io),
  provision: async (args, io) => (await import('./provision.js')).provisionCommand(args, io),
  throughputs: async (args, io) => (await import('./listings.js')).throughputsCommand(args, io),
  validate: async (args, io) => (await import('./validate.js')).validateCommand(args, io),
  wait: async (args, io) => (await import('./wait.js')).waitCommand(args, io),
};

const USAGE = `Usage: bedrock-mm <command> [options]

Commands:
  cleanup      plan, then delete (with --yes) what the work created, in order, verified: bedrock-mm cleanup --help
  compare      embed, index and score a compare spec against AWS or the emulator; --gate for a quality gate
  evaluate     score imported embeddings (one JSONL per model): metrics, paired comparison, no AWS
  jobs         list, show or stop customization jobs
  launch       pre-flight, then (with --yes) launch a *.bedrock-job.json spec; --wait follows it to the end
  models       list custom models
  provision    provision throughput for a custom model (with --yes); --wait until it is InService
  throughputs  list provisioned throughputs with their billing clock
  validate     check Bedrock fine-tuning manifests (JSON Lines): bedrock-mm validate --help
  wait         wait for a job (or --throughput) to finish, e.g. after Ctrl-C or --timeout

Options:
  --help       show this help
  --version    print the version
`;

/** Exit codes: 0 success, 1 the checked thing has errors (or failed), 2 usage or I/O problems; 3-5 see exitCodes.ts. */
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
