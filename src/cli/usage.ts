// One way for every subcommand to read its flags (node:util parseArgs, strict) and one usage error: runCli prints
// `bedrock-mm <command>: <message>`, then that command's usage, and exits 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The command line is wrong (unknown flag, missing or bad value): exit 2 with the command's usage. */
export class UsageError extends Error {
  constructor(message: string, readonly usage: string) { super(message); }
}

/** parseArgs with `strict` on and `--help` known; its own errors (unknown option, missing value) become UsageErrors. */
export function parseFlags<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, usage: string, positionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw new UsageError((e as Error).message, usage);
  }
}
