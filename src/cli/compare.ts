// `bedrock-mm compare --spec FILE`: the whole comparison against AWS, or against the local emulator when endpoint
// variables are set. The report is saved next to the spec; a summary (or the JSON) goes to stdout.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parsePricesFile, type Prices } from '../core/eval/prices';
import { describeIssue } from '../core/files/placement';
import { folderLedger } from '../core/cleanup/ledgerFile';
import { loadAwsLayer } from './awsLayer';
import { ENDPOINTS_HELP, endpointsFor, type EndpointService } from './endpoints';
import { evaluateGates, formatGateResults, gateCandidate, GateError, parseGate, type Gate } from '../core/eval/gate';
import type { ComparisonReport } from '../protocol/report';
import { formatReportText } from './reportText';
import type { CliIo } from './run';
import { parseFlags, UsageError } from './usage';

export const COMPARE_USAGE = `Usage: bedrock-mm compare --spec FILE [--profile NAME] [--region R] [--rpm N] [--concurrency N]
                         [--cache-dir DIR] [--export-embeddings DIR] [--format text|json]
                         [--allow-outside] [--overwrite] [--workspace DIR] [--yes]
                         [--inference auto|on-demand|batch] [--batch-role ARN] [--batch-s3 s3://bucket/prefix/]
                         [--batch-threshold N] [--batch-poll-seconds N] [--prices FILE]
                         [--gate EXPR]... [--gate-model NAME]

  --spec          a compare spec (schemas/compare-spec.schema.json); the report is written next to it as
                  <name>.report.json for <name>.compare.json
  --rpm           InvokeModel requests per minute at most (default 300; Service Quotas L-DF0E34D4)
  --concurrency   requests in flight at most (default 8)
  --cache-dir     embedding cache folder (default: the spec's cacheDir, else .bedrock-mm-cache next to the spec)
  --export-embeddings DIR
                  also write <model>.embeddings.jsonl per model (rescore them with bedrock-mm evaluate)
  --allow-outside write files outside the spec's folder (the cache or export folder, or a report path that is a
                  link to elsewhere); without it such a run is refused before any AWS call, exit 2
  --overwrite     replace existing files bedrock-mm did not write (a report it wrote earlier, its cache and its
                  exported embeddings are replaced without this); without it such a run is refused, exit 2
  --workspace     the workspace folder (default: the current folder): a collection the comparison creates is
                  recorded in its .bedrock-mm/ledger.jsonl, where bedrock-mm cleanup --workspace finds it
  --yes           confirm creating the OpenSearch Serverless collection a spec asks for ("create": true); it is
                  billed in OCU-hours while it exists; and confirm submitting batch inference jobs (billed per
                  record). Without --yes such a run states what it would do, refuses (exit 2) and creates nothing.
  --inference     every model's route, overriding the spec's "inference" (default: the spec's, else auto: batch
                  for a custom model ARN or above --batch-threshold records to embed, on-demand otherwise)
  --batch-role    the service role batch jobs run as (overrides the spec's batch.roleArn)
  --batch-s3      the working prefix for batch input and output files (overrides the spec's batch.s3Uri;
                  default: bedrock-mm-batch/ next to the test set's manifest)
  --batch-threshold N
                  auto picks batch above N records to embed (default 5000)
  --batch-poll-seconds N
                  seconds between job status checks (default 30)
  --prices FILE   your prices, a JSON object in the shape of the settings, e.g.
                  {"bedrockCustomizer.pricing.onDemandPerImage": 0.00006, "bedrockCustomizer.pricing.nova.onDemandPerImage": 0.0001}
                  (keys: pricing.onDemandPerImage, .batchPerImage, .textPer1000Tokens (Titan), pricing.nova.*,
                  pricing.cohere.onDemandPerImage, .textPer1000Tokens, pricing.throughputHourlyNoCommitment); they
                  give the batch estimate and each model's cost line. Without it: counts only, no price is assumed
  --gate EXPR     a quality gate over the report (repeatable; all must hold): "accuracy@1 >= 0.70",
                  "ndcg@10 - baseline >= 0.05", "accuracy@1 - best_other > 0" (against the best other model),
                  "significant accuracy@1" (paired test p < 0.05 and the 95% interval above 0); MODE:METRIC for one
                  mode, else every mode with the metric. The report is still written; a failed gate exits 5
  --gate-model NAME  the model the gates judge (default: the report's one model besides the baseline)
  Batch jobs are recorded next to the spec (<name>.batch-jobs.json): a rerun, or a run after Ctrl-C, attaches to
  the jobs already submitted and collects their results; Ctrl-C leaves them running.

A spec's vectorStore.endpoint must be an AWS https endpoint or exactly one of the endpoint variables below.

compare calls Bedrock, Bedrock Runtime, S3, OpenSearch Serverless and STS: redirect all five, or none.
${ENDPOINTS_HELP}`;

function positiveInt(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${v}"`, COMPARE_USAGE);
  return n;
}

/** What a comparison may call: embeddings, the test set and images, an OpenSearch Serverless store, the caller's ARN. */
const COMPARE_SERVICES: readonly EndpointService[] = ['bedrock', 'bedrockRuntime', 's3', 'opensearchServerless', 'sts'];
const INFERENCE = ['auto', 'on-demand', 'batch'] as const;

function readGates(texts: readonly string[]): Gate[] {
  try { return texts.map(parseGate); } catch (e) {
    if (e instanceof GateError) throw new UsageError(e.message, COMPARE_USAGE);
    throw e;
  }
}

/** The gates over the written report: one PASS/FAIL line each (stderr), exit 5 when any fails. */
function judge(gates: readonly Gate[], report: ComparisonReport, model: string | undefined, io: CliIo): number {
  try {
    const results = evaluateGates(gates, report, gateCandidate(report, model));
    io.stderr.write(formatGateResults(results));
    return results.every((r) => r.passed) ? 0 : 5;
  } catch (e) {
    if (!(e instanceof GateError)) throw e;
    io.stderr.write(`bedrock-mm compare: ${e.message} (the report was written)\n`);
    return 2;
  }
}

/** The --prices file, read before any AWS call; a bad one is a usage error at its line and column. */
async function readPrices(file: string): Promise<Prices> {
  let text: string;
  try { text = await readFile(file, 'utf8'); } catch (e) {
    throw new UsageError(`--prices ${file}: ${(e as Error).message}`, COMPARE_USAGE);
  }
  const r = parsePricesFile(text, file);
  if ('problems' in r) throw new UsageError(r.problems.join('\n'), COMPARE_USAGE);
  return r.prices;
}

export async function compareCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, {
    spec: { type: 'string' },
    profile: { type: 'string' },
    region: { type: 'string' },
    rpm: { type: 'string' },
    concurrency: { type: 'string' },
    'cache-dir': { type: 'string' },
    'export-embeddings': { type: 'string' },
    format: { type: 'string', default: 'text' },
    'allow-outside': { type: 'boolean' },
    overwrite: { type: 'boolean' },
    workspace: { type: 'string' },
    yes: { type: 'boolean', default: false },
    gate: { type: 'string', multiple: true, default: [] },
    'gate-model': { type: 'string' },
    inference: { type: 'string' },
    'batch-role': { type: 'string' },
    'batch-s3': { type: 'string' },
    'batch-threshold': { type: 'string' },
    'batch-poll-seconds': { type: 'string' },
    prices: { type: 'string' },
  }, COMPARE_USAGE);
  if (values.help) {
    io.stdout.write(COMPARE_USAGE);
    return 0;
  }
  if (!values.spec) throw new UsageError('--spec FILE is required', COMPARE_USAGE);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got "${values.format}"`, COMPARE_USAGE);
  const rpm = positiveInt('rpm', values.rpm, 300);
  const concurrency = positiveInt('concurrency', values.concurrency, 8);
  // Read before any AWS call: a gate that is not one is a usage error, not a failed gate after an hour of embedding.
  const gates = readGates(values.gate);
  const inference = values.inference;
  if (inference !== undefined && !(INFERENCE as readonly string[]).includes(inference)) throw new UsageError(`--inference must be auto, on-demand or batch, got "${inference}"`, COMPARE_USAGE);
  const batchThreshold = positiveInt('batch-threshold', values['batch-threshold'], 5000);
  const pollSeconds = positiveInt('batch-poll-seconds', values['batch-poll-seconds'], 30);
  const prices = values.prices === undefined ? undefined : await readPrices(values.prices);
  const controller = new AbortController();
  const onSigint = (): void => {
    io.stderr.write('bedrock-mm compare: cancelled. Batch jobs already submitted keep running (billed per record); run the same command again to collect them, or bedrock-mm cleanup to stop them.\n');
    controller.abort();
  };
  try {
    // Read once, before any AWS call; a partial redirect is an EndpointError (exit 2).
    const endpoints = await endpointsFor('bedrock-mm compare', COMPARE_SERVICES, io, ['serviceQuotas']);
    const { BatchDeclined, callerArn, createAwsSession, CreationDeclined, embeddingRuntime, runCompare, SpecError, WriteRefused } = loadAwsLayer();
    const workspace = resolve(values.workspace ?? process.cwd());
    const session = createAwsSession({ profile: values.profile, region: values.region, endpoints });
    const rt = embeddingRuntime({ profile: values.profile, region: session.region, endpoint: endpoints.bedrockRuntime });
    process.once('SIGINT', onSigint);
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
        // The flags are the user's say-so (see placement.ts); without them the run stops before any AWS call.
        approveWrites: (issues) => Promise.resolve(issues.every((i) => (i.kind === 'outside' ? values['allow-outside'] : values.overwrite) === true)),
        // The endpoint variables are this user's configuration: a spec may name one of them, or AWS.
        configuredEndpoints: Object.values(endpoints).filter((v): v is string => typeof v === 'string' && v !== ''),
        confirmCreate: () => Promise.resolve(values.yes === true),
        ledger: folderLedger(workspace),
        workspaceDir: workspace,
        signal: controller.signal,
        ...(inference ? { inference: inference as typeof INFERENCE[number] } : {}),
        batch: { ...(values['batch-role'] ? { roleArn: values['batch-role'] } : {}), ...(values['batch-s3'] ? { s3Uri: values['batch-s3'] } : {}) },
        batchThreshold,
        batchPollMs: pollSeconds * 1000,
        ...(prices ? { prices } : {}),
        confirmBatch: () => Promise.resolve(values.yes === true),
        // One line per change, suited to a CI log.
        onBatchStatus: (() => {
          const last = new Map<string, string>();
          return (model: string, s: { jobArn: string; status: string; processed?: number; total?: number }): void => {
            const line = `${model}: batch ${s.jobArn} ${s.status}${s.total !== undefined ? ` ${s.processed ?? 0}/${s.total} records` : ''}`;
            if (last.get(s.jobArn) !== line) io.stderr.write(`${line}\n`);
            last.set(s.jobArn, line);
          };
        })(),
      });
      io.stderr.write(`embedding calls: ${out.calls} (${out.cached} inputs from the cache); batch jobs: ${out.batchJobArns.length} (${out.batchJobsSubmitted} submitted now); report: ${out.reportPath}\n`);
      io.stdout.write(values.format === 'json' ? `${JSON.stringify(out.report, null, 2)}\n` : formatReportText(out.report));
      return gates.length === 0 ? 0 : judge(gates, out.report, values['gate-model'], io);
    } catch (e) {
      if (e instanceof SpecError) {
        io.stderr.write(`${e.problems.join('\n')}\n`);
        return 2;
      }
      if (e instanceof WriteRefused) {
        for (const i of e.issues) {
          const allowed = i.kind === 'outside' ? values['allow-outside'] : values.overwrite;
          if (!allowed) io.stderr.write(`bedrock-mm compare: refusing to write ${describeIssue(i)}; ${i.kind === 'outside' ? 'pass --allow-outside to write outside the spec\'s folder' : 'pass --overwrite to replace it'}\n`);
        }
        io.stderr.write('bedrock-mm compare: nothing was written and no AWS call was made\n');
        return 2;
      }
      if (e instanceof BatchDeclined) {
        io.stderr.write(`bedrock-mm compare: ${e.notice.message}\n${e.notice.detail}\nNothing was submitted. Run again with --yes to submit the batch jobs.\n`);
        return 2;
      }
      if (e instanceof CreationDeclined) {
        io.stderr.write(`bedrock-mm compare: ${e.notice.message}\n${e.notice.detail}\nNothing was created. Run again with --yes to create it.\n`);
        return 2;
      }
      throw e;
    } finally {
      process.removeListener('SIGINT', onSigint);
      rt.dispose();
      session.dispose();
    }
  } catch (e) {
    const err = e as Error & { details?: { fix?: string } };
    io.stderr.write(`bedrock-mm compare: ${err.message}${err.details?.fix ? `\n${err.details.fix}` : ''}\n`);
    return 2;
  }
}
