// `bedrock-mm launch --spec F.bedrock-job.json [--wait] [--yes]`: the editor's launch for a pipeline step. The same
// pre-flight (core/lifecycle/preflightGather.ts) and cost statement (launchStatement.ts), then
// CreateModelCustomizationJob with a clientRequestToken derived from the spec's content. Re-running the step for the
// same spec creates nothing: a job of that name launched from this content is reported (and waited on) instead.
import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { ledgerEntry } from '../core/cleanup/ledger';
import { folderLedger } from '../core/cleanup/ledgerFile';
import { jobRequestFromSpec, parseJobSpec, type JobSpec } from '../core/lifecycle/jobSpec';
import { launchStatement } from '../core/lifecycle/launchStatement';
import { gatherPreflight, type PreflightReader } from '../core/lifecycle/preflightGather';
import { deriveClientRequestToken } from '../core/lifecycle/requestToken';
import { specProblemLines } from '../core/lifecycle/specProblems';
import { parseS3Uri } from '../core/awsRules/s3Uri';
import type { AwsLayer } from './awsLayer';
import { ENDPOINTS_HELP } from './endpoints';
import { describeFailure, EXIT, isAwsUserError, reportAwsFailure } from './exitCodes';
import { BEDROCK_AND_S3, EXIT_HELP, lifecycleSession, seconds, SESSION_HELP, WAIT_HELP } from './lifecycleSession';
import type { CliIo } from './run';
import { parseFlags, UsageError } from './usage';
import { DEFAULT_POLL_MS, waitUntilDone } from './waiter';
import { jobTarget } from './waitTargets';

export const LAUNCH_USAGE = `Usage: bedrock-mm launch --spec FILE.bedrock-job.json [--wait] [--yes] [--format text|json] [--workspace DIR]
                        [--training-price USD] [--poll S] [--timeout S] [--profile NAME] [--region R]
  --spec FILE     the job spec (as the editor's Launch reads it); a spec with problems: file:line:col lines, exit 2
  --yes           create the job (billable). Without it the pre-flight and the statement are printed, nothing is created
  --wait          then wait until the job ends, one line per change in its state or steps
  --workspace DIR the folder whose ledger (.bedrock-mm/ledger.jsonl) records the job (default: current folder);
                  its name is the job's bedrock-mm-project tag
  --training-price USD  your price per record per epoch (from the AWS pricing page), for the cost estimate
  The same spec launched again creates nothing: the job it launched is reported (and waited on with --wait).
${WAIT_HELP}${SESSION_HELP}${EXIT_HELP}${ENDPOINTS_HELP}`;

/** The attempt of a CLI launch is the spec's content itself: any run of the same spec is the same attempt. */
const CLI_ATTEMPT = 'bedrock-mm launch';

function s3Reader(session: AwsLayer.AwsSession): PreflightReader {
  const loc = (uri: string): { bucket: string; key: string } => {
    const l = parseS3Uri(uri);
    if (!l) throw new Error(`Not an S3 URI: ${uri}`);
    return l;
  };
  return {
    region: session.region,
    async readManifest(uri) { const { bucket, key } = loc(uri); return { data: await session.s3.getObjectText(bucket, key), shownAs: uri }; },
    s3ObjectExists(uri) { const { bucket, key } = loc(uri); return session.s3.objectExists(bucket, key); },
    async probeWritable(uri) {
      const { bucket, key } = loc(uri);
      try { await session.s3.probeWrite(bucket, key); return { writable: true }; } catch (err) { return { writable: false, reason: describeFailure(err) }; }
    },
    describeError: (err) => describeFailure(err),
  };
}

interface Launched { jobArn: string; jobName: string; status: string; created: boolean; clientRequestToken: string }

function print(io: CliIo, format: string, r: Launched): void {
  io.stdout.write(format === 'json' ? `${JSON.stringify(r)}\n` : `${r.created ? 'Launched' : 'Already launched from this spec'}: ${r.jobName} ${r.jobArn} (${r.status})\n`);
}

/** The job this spec already launched, undefined when there is none; a same-named job from other content is a usage error. */
async function existingJob(session: AwsLayer.AwsSession, spec: JobSpec, token: string): Promise<AwsLayer.GetModelCustomizationJobResponse | undefined> {
  try {
    const job = await session.bedrock.getJob(spec.jobName);
    if (job.clientRequestToken !== token) {
      throw new UsageError(`a job named ${spec.jobName} already exists (${job.jobArn ?? ''}, ${job.status ?? ''}) and was not launched from this spec's content: give the spec a new jobName for a new run`, LAUNCH_USAGE);
    }
    return job;
  } catch (e) {
    if (isAwsUserError(e) && e.kind === 'notFound') return undefined;
    throw e;
  }
}

export async function launchCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, {
    spec: { type: 'string' }, wait: { type: 'boolean', default: false }, yes: { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' }, workspace: { type: 'string', default: '.' }, 'training-price': { type: 'string' },
    poll: { type: 'string' }, timeout: { type: 'string' }, profile: { type: 'string' }, region: { type: 'string' },
  }, LAUNCH_USAGE);
  if (values.help) { io.stdout.write(LAUNCH_USAGE); return 0; }
  if (!values.spec) throw new UsageError('--spec FILE is required', LAUNCH_USAGE);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got "${values.format}"`, LAUNCH_USAGE);
  const price = values['training-price'] === undefined ? undefined : Number(values['training-price']);
  if (price !== undefined && !(price > 0)) throw new UsageError(`--training-price must be a positive number of dollars, got "${values['training-price']}"`, LAUNCH_USAGE);
  const pollMs = seconds('poll', values.poll, LAUNCH_USAGE) ?? DEFAULT_POLL_MS;
  const timeoutMs = seconds('timeout', values.timeout, LAUNCH_USAGE);
  let text: string;
  try { text = readFileSync(values.spec, 'utf8'); } catch (e) { io.stderr.write(`bedrock-mm launch: cannot read ${values.spec}: ${(e as Error).message}\n`); return EXIT.usage; }
  const { spec, problems } = parseJobSpec(text);
  if (!spec) {
    io.stderr.write(`${specProblemLines(values.spec, text, problems).join('\n')}\nbedrock-mm launch: ${basename(values.spec)} cannot be launched; nothing was created\n`);
    return EXIT.usage;
  }
  const workspace = resolve(values.workspace);
  const request = jobRequestFromSpec(spec, basename(workspace));
  const token = deriveClientRequestToken(request, CLI_ATTEMPT);
  const session = await lifecycleSession('launch', BEDROCK_AND_S3, values, io);
  try {
    const wait = (jobArn: string): Promise<number> => waitUntilDone(jobTarget(session, jobArn, spec.jobName), { command: 'launch', pollMs, timeoutMs, io });
    const existing = await existingJob(session, spec, token);
    if (existing?.jobArn) {
      print(io, values.format, { jobArn: existing.jobArn, jobName: spec.jobName, status: existing.status ?? 'Unknown', created: false, clientRequestToken: token });
      return values.wait ? await wait(existing.jobArn) : EXIT.ok;
    }
    const { result, trainingRecords } = await gatherPreflight(s3Reader(session), spec);
    for (const f of result.findings) io.stderr.write(`pre-flight ${f.severity}: ${f.subject}: ${f.message}\n`);
    if (!result.canLaunch) { io.stderr.write('bedrock-mm launch: not launched: the pre-flight found problems (above); nothing was created\n'); return EXIT.usage; }
    const statement = launchStatement({ spec, region: session.region, trainingRecords, price, priceSource: '--training-price USD' });
    io.stderr.write(`${statement.join('\n')}\n`);
    if (!values.yes) {
      io.stderr.write('bedrock-mm launch: nothing was created. The job bills for training and its model for storage: run again with --yes to launch it.\n');
      return EXIT.usage;
    }
    const { jobArn } = await session.bedrock.createJob({ ...request, clientRequestToken: token });
    // Recorded at creation: `cleanup --from-spec` finds what this spec's run created by this entry.
    await folderLedger(workspace).record([ledgerEntry('customization-job', { arn: jobArn, name: spec.jobName }, `bedrock-mm launch ${relative(workspace, resolve(values.spec))}`)]);
    print(io, values.format, { jobArn, jobName: spec.jobName, status: 'InProgress', created: true, clientRequestToken: token });
    return values.wait ? await wait(jobArn) : EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    return reportAwsFailure('launch', e, io);
  } finally {
    session.dispose();
  }
}
