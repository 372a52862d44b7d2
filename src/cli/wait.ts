// `bedrock-mm wait JOB` / `wait --throughput NAME`: wait for a job (or a throughput) that already exists, e.g.
// after a Ctrl-C or a --timeout; re-running it picks up the same resource.
import { ENDPOINTS_HELP } from './endpoints';
import { EXIT_HELP, lifecycleSession, seconds, SESSION_HELP, WAIT_HELP, BEDROCK_ONLY } from './lifecycleSession';
import type { CliIo } from './run';
import { parseFlags, UsageError } from './usage';
import { DEFAULT_POLL_MS, waitUntilDone } from './waiter';
import { jobTarget, throughputTarget } from './waitTargets';

export const WAIT_USAGE = `Usage: bedrock-mm wait JOB [--poll S] [--timeout S] [--profile NAME] [--region R]
       bedrock-mm wait --throughput NAME|ARN [--poll S] [--timeout S]
  JOB             a customization job's name or ARN: waits until it is Completed (exit 0), Failed or Stopped (exit 1)
  --throughput    wait for a provisioned throughput to be InService instead
${WAIT_HELP}${SESSION_HELP}${EXIT_HELP}${ENDPOINTS_HELP}`;

export async function waitCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    throughput: { type: 'string' }, poll: { type: 'string' }, timeout: { type: 'string' },
    profile: { type: 'string' }, region: { type: 'string' },
  }, WAIT_USAGE, true);
  if (values.help) { io.stdout.write(WAIT_USAGE); return 0; }
  const job = positionals[0];
  if (positionals.length > 1) throw new UsageError(`one job at a time, got ${positionals.join(' ')}`, WAIT_USAGE);
  if ((job === undefined) === (values.throughput === undefined)) throw new UsageError('name a job (JOB) or a throughput (--throughput NAME)', WAIT_USAGE);
  const pollMs = seconds('poll', values.poll, WAIT_USAGE) ?? DEFAULT_POLL_MS;
  const timeoutMs = seconds('timeout', values.timeout, WAIT_USAGE);
  const session = await lifecycleSession('wait', BEDROCK_ONLY, values, io);
  try {
    const target = job !== undefined ? jobTarget(session, job) : throughputTarget(session, values.throughput ?? '');
    return await waitUntilDone(target, { command: 'wait', pollMs, timeoutMs, io });
  } finally {
    session.dispose();
  }
}
