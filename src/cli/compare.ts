// `bedrock-mm compare --spec FILE`: the whole comparison against AWS, or against the local emulator when endpoint
// variables are set. The report is saved next to the spec; a summary (or the JSON) goes to stdout.

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LEDGER_PATH } from '../core/cleanup/ledger';
import { fileLedger } from '../core/cleanup/ledgerFile';
import { loadAwsLayer } from './awsLayer';
import { formatReportText } from './reportText';
import type { CliIo } from './run';

export const COMPARE_USAGE = `Usage: bedrock-mm compare --spec FILE [--profile NAME] [--region R] [--rpm N] [--concurrency N]
                         [--cache-dir DIR] [--export-embeddings DIR] [--format text|json]
                         [--workspace DIR] [--yes]

  --spec          a compare spec (schemas/compare-spec.schema.json); the report is written next to it as
                  <name>.report.json for <name>.compare.json
  --rpm           InvokeModel requests per minute at most (default 300; Service Quotas L-DF0E34D4)
  --concurrency   requests in flight at most (default 8)
  --cache-dir     embedding cache folder (default: the spec's cacheDir, else .bedrock-mm-cache next to the spec)
  --export-embeddings DIR
                  also write <model>.embeddings.jsonl per model (rescore them with bedrock-mm evaluate)
  --workspace     the workspace folder (default: the current folder): a collection the comparison creates is
                  recorded in its .bedrock-mm/ledger.jsonl, where bedrock-mm cleanup --workspace finds it
  --yes           confirm creating the OpenSearch Serverless collection a spec asks for ("create": true); it is
                  billed in OCU-hours while it exists. Without --yes the run refuses (exit 2) and creates nothing.

A spec's vectorStore.endpoint must be an AWS https endpoint or exactly one of the endpoint variables below.

Endpoints (for VPC endpoints or the local emulator) come from the environment:
  BEDROCK_MM_ENDPOINT_BEDROCK, BEDROCK_MM_ENDPOINT_BEDROCK_RUNTIME, BEDROCK_MM_ENDPOINT_S3,
  BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS, BEDROCK_MM_ENDPOINT_STS, or BMC_EMULATOR (the emulator's JSON line).
`;

class UsageError extends Error {}

function positiveInt(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${v}"`);
  return n;
}

export function endpointsFromEnv(env: NodeJS.ProcessEnv): { bedrock?: string; bedrockRuntime?: string; s3?: string; opensearchServerless?: string; sts?: string } {
  let emu: Record<string, string> = {};
  if (env['BMC_EMULATOR']) {
    try {
      emu = JSON.parse(env['BMC_EMULATOR']) as Record<string, string>;
    } catch {
      throw new UsageError('BMC_EMULATOR is not the emulator\'s JSON line');
    }
  }
  const pick = (name: string, key: string): Record<string, string> => {
    const v = env[`BEDROCK_MM_ENDPOINT_${name}`] || emu[key];
    return v ? { [key]: v } : {};
  };
  return { ...pick('BEDROCK', 'bedrock'), ...pick('BEDROCK_RUNTIME', 'bedrockRuntime'), ...pick('S3', 's3'), ...pick('OPENSEARCH_SERVERLESS', 'opensearchServerless'), ...pick('STS', 'sts') };
}

export async function compareCommand(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        spec: { type: 'string' },
        profile: { type: 'string' },
        region: { type: 'string' },
        rpm: { type: 'string' },
        concurrency: { type: 'string' },
        'cache-dir': { type: 'string' },
        'export-embeddings': { type: 'string' },
        format: { type: 'string', default: 'text' },
        workspace: { type: 'string' },
        yes: { type: 'boolean', default: false },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
    if (values.help) {
      io.stdout.write(COMPARE_USAGE);
      return 0;
    }
    if (!values.spec) throw new UsageError('--spec FILE is required');
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got "${values.format}"`);
  } catch (e) {
    io.stderr.write(`bedrock-mm compare: ${(e as Error).message}\n\n${COMPARE_USAGE}`);
    return 2;
  }
  try {
    const rpm = positiveInt('rpm', values.rpm, 300);
    const concurrency = positiveInt('concurrency', values.concurrency, 8);
    const endpoints = endpointsFromEnv(process.env);
    const { callerArn, createAwsSession, CreationDeclined, embeddingRuntime, runCompare, SpecError } = loadAwsLayer();
    const workspace = resolve(values.workspace ?? process.cwd());
    const session = createAwsSession({ profile: values.profile, region: values.region, endpoints });
    const rt = embeddingRuntime({ profile: values.profile, region: session.region, endpoint: endpoints.bedrockRuntime });
    try {
      const out = await runCompare({
        specPath: values.spec,
        session,
        runtime: rt.runtime,
        concurrency,
        requestsPerMinute: rpm,
        ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
        ...(values['export-embeddings'] ? { exportDir: values['export-embeddings'] } : {}),
        callerArn: () => callerArn({ profile: values.profile, region: session.region, endpoint: endpoints.sts }),
        log: (m) => io.stderr.write(`${m}\n`),
        // The endpoint variables are this user's configuration: a spec may name one of them, or AWS.
        configuredEndpoints: Object.values(endpoints).filter((v): v is string => typeof v === 'string' && v !== ''),
        confirmCreate: () => Promise.resolve(values.yes === true),
        ledger: fileLedger([join(workspace, LEDGER_PATH)]),
        workspaceDir: workspace,
      });
      io.stderr.write(`embedding calls: ${out.calls} (${out.cached} inputs from the cache); report: ${out.reportPath}\n`);
      io.stdout.write(values.format === 'json' ? `${JSON.stringify(out.report, null, 2)}\n` : formatReportText(out.report));
      return 0;
    } catch (e) {
      if (e instanceof SpecError) {
        io.stderr.write(`${e.problems.join('\n')}\n`);
        return 2;
      }
      if (e instanceof CreationDeclined) {
        io.stderr.write(`bedrock-mm compare: ${e.notice.message}\n${e.notice.detail}\nNothing was created. Run again with --yes to create it.\n`);
        return 2;
      }
      throw e;
    } finally {
      rt.dispose();
      session.dispose();
    }
  } catch (e) {
    const err = e as Error & { details?: { fix?: string } };
    io.stderr.write(`bedrock-mm compare: ${err.message}${err.details?.fix ? `\n${err.details.fix}` : ''}\n`);
    return 2;
  }
}
