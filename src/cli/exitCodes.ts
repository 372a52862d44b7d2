// The exit codes of the lifecycle subcommands (launch, wait, provision, jobs, models, throughputs) and compare's
// gate, one table so a CI step can branch on them; and the one way an AWS refusal is printed.
import type { AwsUserError } from '../core/awsRules/userError';
import type { CliIo } from './run';

export const EXIT = {
  /** Completed (the job, the throughput, the gates). */
  ok: 0,
  /** The job or throughput failed or was stopped. */
  failed: 1,
  /** Usage or input error (a bad spec, a flag, a name that does not exist); nothing was created. */
  usage: 2,
  /** AWS refused: credentials, permissions (the message names the IAM action), quota, a request AWS rejected. */
  aws: 3,
  /** --timeout passed while waiting; the job goes on. */
  timeout: 4,
  /** compare: a --gate condition failed (the report is still written). */
  gate: 5,
  /** Ctrl-C while waiting: the wait stopped, the job goes on. */
  interrupted: 130,
} as const;

const CREDENTIALS = new Set(['noCredentials', 'ssoExpired', 'credentialsExpired', 'credentialsInvalid']);

export function isAwsUserError(e: unknown): e is AwsUserError {
  return e instanceof Error && e.name === 'AwsUserError' && typeof (e as Partial<AwsUserError>).kind === 'string';
}

/** A failure that waiting may outlast: throttling past the SDK's retries, a dropped connection, a 5xx. */
export function isTransient(e: unknown): boolean {
  return isAwsUserError(e) && (e.kind === 'throttled' || e.kind === 'network' || e.kind === 'internal');
}

/** An error's message with what to do about it (an AWS failure's `fix`, once). */
export function describeFailure(e: unknown): string {
  if (!isAwsUserError(e)) return (e as Error).message;
  return e.details.fix && !e.message.includes(e.details.fix) ? `${e.message} ${e.details.fix}` : e.message;
}

/**
 * Prints an AWS failure (message, what to do; "sign in again" for credentials) and returns its exit code. Anything
 * else (a file that cannot be written) is an I/O problem: its message, exit 2.
 */
export function reportAwsFailure(command: string, e: unknown, io: CliIo): number {
  if (!isAwsUserError(e)) { io.stderr.write(`bedrock-mm ${command}: ${(e as Error).message}\n`); return EXIT.usage; }
  const text = describeFailure(e);
  const signIn = CREDENTIALS.has(e.kind) && !/sign in again/i.test(text)
    ? ` Sign in again${e.details.signInCommand ? ` (${e.details.signInCommand})` : ''} and re-run the command.` : '';
  io.stderr.write(`bedrock-mm ${command}: ${text}${signIn}\n`);
  return e.kind === 'notFound' ? EXIT.usage : EXIT.aws;
}
