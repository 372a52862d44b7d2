// `bedrock-mm jobs [list|show NAME|ARN|stop NAME|ARN]`, `bedrock-mm models`, `bedrock-mm throughputs`: what the
// explorer's first three views show, as text (one line each, with the times and the billing clock of core/lifecycle/time.ts)
// or JSON (the records as AWS returns them).
import { billingClockWording, jobTimeWording } from '../core/lifecycle/time';
import { jobSteps } from '../core/lifecycle/waitProgress';
import type { AwsLayer } from './awsLayer';
import { ENDPOINTS_HELP } from './endpoints';
import { EXIT, reportAwsFailure } from './exitCodes';
import { BEDROCK_ONLY, EXIT_HELP, lifecycleSession, SESSION_HELP } from './lifecycleSession';
import type { CliIo } from './run';
import { parseFlags, UsageError } from './usage';

const COMMON = `  --format text|json  one line per item (default), or JSON
  --max N         at most N items, newest first (default 100)
${SESSION_HELP}`;

export const JOBS_USAGE = `Usage: bedrock-mm jobs [list] [--format text|json] [--max N]
       bedrock-mm jobs show NAME|ARN [--format text|json]
       bedrock-mm jobs stop NAME|ARN
  list            customization jobs, newest first, with status and how long they ran
  show            one job: status, steps, data, output model, failure message
  stop            stop a running job (its partial training is lost; the job record stays)
${COMMON}${EXIT_HELP}${ENDPOINTS_HELP}`;
export const MODELS_USAGE = `Usage: bedrock-mm models [--format text|json] [--max N]
  custom models, newest first (each bills monthly for storage until deleted)
${COMMON}${ENDPOINTS_HELP}`;
export const THROUGHPUTS_USAGE = `Usage: bedrock-mm throughputs [--format text|json] [--max N]
  provisioned throughputs, newest first, with the billing clock
${COMMON}${ENDPOINTS_HELP}`;

const FLAGS = { format: { type: 'string', default: 'text' }, max: { type: 'string', default: '100' }, profile: { type: 'string' }, region: { type: 'string' } } as const;

function common(values: { format: string; max: string }, usage: string): number {
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got "${values.format}"`, usage);
  const max = Number(values.max);
  if (!Number.isInteger(max) || max < 1 || max > 1000) throw new UsageError(`--max must be a whole number from 1 to 1000, got "${values.max}"`, usage);
  return max;
}

async function collect<T>(items: AsyncGenerator<T>, max: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) { out.push(item); if (out.length >= max) break; }
  return out;
}

const date = (d: Date | undefined): Date | undefined => (d === undefined ? undefined : new Date(d));
const json = (io: CliIo, v: unknown): void => { io.stdout.write(`${JSON.stringify(v, null, 2)}\n`); };

async function withSession(command: string, values: { profile?: string | undefined; region?: string | undefined }, io: CliIo, run: (s: AwsLayer.AwsSession) => Promise<number>): Promise<number> {
  const session = await lifecycleSession(command, BEDROCK_ONLY, values, io);
  try { return await run(session); } catch (e) { return reportAwsFailure(command, e, io); } finally { session.dispose(); }
}

function showJob(io: CliIo, j: AwsLayer.GetModelCustomizationJobResponse): void {
  const lines = [
    `${j.jobName ?? ''}  ${j.status ?? ''}  ${jobTimeWording({ status: j.status ?? '', ...(j.creationTime ? { creationTime: new Date(j.creationTime) } : {}), ...(j.endTime ? { endTime: new Date(j.endTime) } : {}) }, new Date())}`,
    `  arn ${j.jobArn ?? ''}`,
    ...jobSteps(j.statusDetails).map((x) => `  ${x.label}: ${x.status}`),
    `  data ${j.trainingDataConfig?.s3Uri ?? ''}${j.validationDataConfig?.validators?.map((v) => ` + ${v.s3Uri ?? ''}`).join('') ?? ''}; output ${j.outputDataConfig?.s3Uri ?? ''}`,
    `  model ${j.outputModelName ?? ''}${j.outputModelArn ? ` ${j.outputModelArn}` : ''}`,
    ...(j.failureMessage ? [`  failure: ${j.failureMessage}`] : []),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
}

export async function jobsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, FLAGS, JOBS_USAGE, true);
  if (values.help) { io.stdout.write(JOBS_USAGE); return 0; }
  const max = common(values, JOBS_USAGE);
  const [action = 'list', target, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(' ')}`, JOBS_USAGE);
  if (action === 'list') {
    if (target !== undefined) throw new UsageError(`jobs list takes no name (did you mean jobs show ${target}?)`, JOBS_USAGE);
    return withSession('jobs', values, io, async (s) => {
      const jobs = await collect(s.bedrock.listJobs({ sortBy: 'CreationTime', sortOrder: 'Descending', maxResults: Math.min(max, 100) }), max);
      if (values.format === 'json') json(io, jobs);
      else for (const j of jobs) io.stdout.write(`${j.jobName ?? ''}  ${j.status ?? ''}  ${jobTimeWording({ status: j.status ?? '', ...(j.creationTime ? { creationTime: new Date(j.creationTime) } : {}), ...(j.endTime ? { endTime: new Date(j.endTime) } : {}) }, new Date())}  ${j.jobArn ?? ''}\n`);
      if (jobs.length === 0 && values.format === 'text') io.stdout.write('No customization jobs in this region.\n');
      return EXIT.ok;
    });
  }
  if (action !== 'show' && action !== 'stop') throw new UsageError(`unknown jobs action "${action}": list, show NAME|ARN or stop NAME|ARN`, JOBS_USAGE);
  if (target === undefined) throw new UsageError(`jobs ${action} needs a job's name or ARN`, JOBS_USAGE);
  return withSession('jobs', values, io, async (s) => {
    if (action === 'stop') {
      await s.bedrock.stopJob(target);
      io.stdout.write(`Stopping ${target}; its custom model is not created. Follow it with: bedrock-mm wait ${target}\n`);
      return EXIT.ok;
    }
    const j = await s.bedrock.getJob(target);
    if (values.format === 'json') json(io, j); else showJob(io, j);
    return EXIT.ok;
  });
}

export async function modelsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, FLAGS, MODELS_USAGE);
  if (values.help) { io.stdout.write(MODELS_USAGE); return 0; }
  const max = common(values, MODELS_USAGE);
  return withSession('models', values, io, async (s) => {
    const models = await collect(s.bedrock.listCustomModels({ sortBy: 'CreationTime', sortOrder: 'Descending', maxResults: Math.min(max, 100) }), max);
    if (values.format === 'json') json(io, models);
    else for (const m of models) io.stdout.write(`${m.modelName ?? ''}  ${m.baseModelName ?? m.baseModelArn ?? ''}  created ${date(m.creationTime)?.toISOString() ?? ''}  ${m.modelArn ?? ''}\n`);
    if (models.length === 0 && values.format === 'text') io.stdout.write('No custom models in this region.\n');
    return EXIT.ok;
  });
}

export async function throughputsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, FLAGS, THROUGHPUTS_USAGE);
  if (values.help) { io.stdout.write(THROUGHPUTS_USAGE); return 0; }
  const max = common(values, THROUGHPUTS_USAGE);
  return withSession('throughputs', values, io, async (s) => {
    const items = await collect(s.bedrock.listProvisionedThroughputs({ sortBy: 'CreationTime', sortOrder: 'Descending', maxResults: Math.min(max, 100) }), max);
    const now = new Date();
    const clock = (t: AwsLayer.ProvisionedModelSummary): string => billingClockWording({
      status: t.status ?? '', ...(t.creationTime ? { creationTime: new Date(t.creationTime) } : {}),
      ...(t.commitmentDuration ? { commitmentDuration: t.commitmentDuration } : {}),
      ...(t.commitmentExpirationTime ? { commitmentExpirationTime: new Date(t.commitmentExpirationTime) } : {}),
    }, now);
    if (values.format === 'json') json(io, items.map((t) => ({ ...t, billingClock: clock(t) })));
    else for (const t of items) io.stdout.write(`${t.provisionedModelName ?? ''}  ${t.status ?? ''}  ${t.modelUnits ?? '?'} unit(s)  ${clock(t) || 'not billing'}  ${t.provisionedModelArn ?? ''}\n`);
    if (items.length === 0 && values.format === 'text') io.stdout.write('No provisioned throughputs in this region: nothing bills by the hour.\n');
    return EXIT.ok;
  });
}
