// `bedrock-mm provision MODEL --units N [--commitment none|1m|6m] [--wait] [--yes]`: the editor's Provision
// Throughput for a pipeline step: the same statement (core/lifecycle/launchStatement.ts), a clientRequestToken
// derived from the request's content, and a rerun that reports the throughput it already made instead of a second.
import { basename, resolve } from 'node:path';
import { ledgerEntry } from '../core/cleanup/ledger';
import { folderLedger } from '../core/cleanup/ledgerFile';
import { defaultThroughputName, provisionStatement } from '../core/lifecycle/launchStatement';
import { deriveClientRequestToken } from '../core/lifecycle/requestToken';
import { resourceTags } from '../core/lifecycle/tags';
import type { Commitment } from '../core/lifecycle/types';
import { validateModelUnits, validateThroughputName } from '../core/lifecycle/validators';
import type { AwsLayer } from './awsLayer';
import { ENDPOINTS_HELP } from './endpoints';
import { EXIT, isAwsUserError, reportAwsFailure } from './exitCodes';
import { BEDROCK_ONLY, EXIT_HELP, lifecycleSession, seconds, SESSION_HELP, WAIT_HELP } from './lifecycleSession';
import type { CliIo } from './run';
import { parseFlags, UsageError } from './usage';
import { DEFAULT_POLL_MS, waitUntilDone } from './waiter';
import { throughputTarget } from './waitTargets';

export const PROVISION_USAGE = `Usage: bedrock-mm provision MODEL --units N [--commitment none|1m|6m] [--name NAME] [--wait] [--yes]
                           [--hourly-price USD] [--format text|json] [--workspace DIR] [--poll S] [--timeout S]
  MODEL           an Active custom model's name or ARN
  --units N       model units (each is billed; your quota may limit them)
  --commitment    none (default: billed every hour until deleted), 1m or 6m (billed for the whole term)
  --name NAME     the throughput's name (default: MODEL-pt)
  --yes           create it (billable). Without it the statement is printed and nothing is created
  --wait          then wait until it is InService
  --hourly-price USD  your price per model unit per hour, for the cost estimate
  --workspace DIR the folder whose ledger records the throughput (default: current folder)
  The same request again creates nothing: the throughput of that name serving MODEL is reported instead.
${WAIT_HELP}${SESSION_HELP}${EXIT_HELP}${ENDPOINTS_HELP}`;

const COMMITMENTS: Record<string, Commitment | undefined> = { none: undefined, '1m': 'OneMonth', '6m': 'SixMonths' };
const CLI_ATTEMPT = 'bedrock-mm provision';

interface Provisioned { provisionedModelArn: string; provisionedModelName: string; modelArn: string; status: string; created: boolean }

function print(io: CliIo, format: string, r: Provisioned): void {
  io.stdout.write(format === 'json' ? `${JSON.stringify(r)}\n` : `${r.created ? 'Provisioning' : 'Already provisioned'}: ${r.provisionedModelName} ${r.provisionedModelArn} (${r.status})\n`);
}

async function existingThroughput(session: AwsLayer.AwsSession, name: string, modelArn: string): Promise<AwsLayer.GetProvisionedModelThroughputResponse | undefined> {
  try {
    const t = await session.bedrock.getProvisionedThroughput(name);
    if (t.modelArn !== modelArn && t.desiredModelArn !== modelArn) {
      throw new UsageError(`a provisioned throughput named ${name} already exists and serves ${t.modelArn ?? 'another model'}: choose another --name`, PROVISION_USAGE);
    }
    return t;
  } catch (e) {
    if (isAwsUserError(e) && e.kind === 'notFound') return undefined;
    throw e;
  }
}

export async function provisionCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    units: { type: 'string' }, commitment: { type: 'string', default: 'none' }, name: { type: 'string' },
    wait: { type: 'boolean', default: false }, yes: { type: 'boolean', default: false }, 'hourly-price': { type: 'string' },
    format: { type: 'string', default: 'text' }, workspace: { type: 'string', default: '.' },
    poll: { type: 'string' }, timeout: { type: 'string' }, profile: { type: 'string' }, region: { type: 'string' },
  }, PROVISION_USAGE, true);
  if (values.help) { io.stdout.write(PROVISION_USAGE); return 0; }
  const fail = (m: string): never => { throw new UsageError(m, PROVISION_USAGE); };
  const model = positionals[0];
  if (model === undefined || positionals.length > 1) return fail('name one custom model: bedrock-mm provision MODEL --units N');
  if (values.units === undefined) return fail('--units N is required');
  const unitsProblem = validateModelUnits(values.units);
  if (unitsProblem) return fail(`--units ${values.units}: ${unitsProblem}`);
  if (!(values.commitment in COMMITMENTS)) return fail(`--commitment must be none, 1m or 6m, got "${values.commitment}"`);
  if (values.format !== 'text' && values.format !== 'json') return fail(`--format must be text or json, got "${values.format}"`);
  const price = values['hourly-price'] === undefined ? undefined : Number(values['hourly-price']);
  if (price !== undefined && !(price > 0)) return fail(`--hourly-price must be a positive number of dollars, got "${values['hourly-price']}"`);
  const pollMs = seconds('poll', values.poll, PROVISION_USAGE) ?? DEFAULT_POLL_MS;
  const timeoutMs = seconds('timeout', values.timeout, PROVISION_USAGE);
  const units = Number(values.units);
  const commitment = COMMITMENTS[values.commitment];
  const session = await lifecycleSession('provision', BEDROCK_ONLY, values, io);
  try {
    const m = await session.bedrock.getCustomModel(model);
    const modelArn = m.modelArn ?? model;
    const modelName = m.modelName ?? model;
    if (m.modelStatus !== undefined && m.modelStatus !== 'Active') {
      io.stderr.write(`bedrock-mm provision: model ${modelName} is ${m.modelStatus}: only an Active model can be provisioned (wait for its job first)\n`);
      return EXIT.usage;
    }
    const name = values.name ?? defaultThroughputName(modelName);
    const nameProblem = validateThroughputName(name);
    if (nameProblem) return fail(`--name ${name}: ${nameProblem}`);
    const wait = (arn: string): Promise<number> => waitUntilDone(throughputTarget(session, arn, name), { command: 'provision', pollMs, timeoutMs, io });
    const existing = await existingThroughput(session, name, modelArn);
    if (existing?.provisionedModelArn) {
      print(io, values.format, { provisionedModelArn: existing.provisionedModelArn, provisionedModelName: name, modelArn, status: existing.status ?? 'Unknown', created: false });
      return values.wait ? await wait(existing.provisionedModelArn) : EXIT.ok;
    }
    io.stderr.write(`${provisionStatement({ name, modelName, units, commitment, hourlyPrice: price, priceSource: '--hourly-price USD' }).join('\n')}\n`);
    if (!values.yes) {
      io.stderr.write('bedrock-mm provision: nothing was created. A provisioned throughput bills while it exists: run again with --yes to create it.\n');
      return EXIT.usage;
    }
    const workspace = resolve(values.workspace);
    const base = { provisionedModelName: name, modelId: modelArn, modelUnits: units, tags: resourceTags(basename(workspace)) };
    const request = { ...base, ...(commitment ? { commitmentDuration: commitment } : {}) };
    const { provisionedModelArn } = await session.bedrock.createProvisionedThroughput({ ...request, clientRequestToken: deriveClientRequestToken(request, CLI_ATTEMPT) });
    await folderLedger(workspace).record([ledgerEntry('provisioned-throughput', { arn: provisionedModelArn, name }, `bedrock-mm provision ${modelName}`)]);
    print(io, values.format, { provisionedModelArn, provisionedModelName: name, modelArn, status: 'Creating', created: true });
    return values.wait ? await wait(provisionedModelArn) : EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    return reportAwsFailure('provision', e, io);
  } finally {
    session.dispose();
  }
}
