// `bedrock-mm cleanup --plan FILE [--dry-run] [--yes]`: the extension's clean-up for scripts.
// No FILE yet: discover (our tag, the folder's ledger .bedrock-mm/ledger.jsonl, --add-prefix), write the plan to FILE.
// FILE exists: read it (only "selected": true deletes), print it in deletion order, and with --yes check the account,
// prove every ticked resource again (tag or ledger) and run it.
// Exit 0: everything in the plan is gone (or a dry run); 1: something is still there, --yes was not given, or an S3
// prefix grew since the plan was written; 2: usage, an invalid plan file, another account, or I/O.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runSucceeded } from '../core/cleanup/executor';
import { LEDGER_PATH } from '../core/cleanup/ledger';
import { ledgerFileIn, readLedger } from '../core/cleanup/ledgerFile';
import type { LedgerInput, ManualPrefix } from '../core/cleanup/ownership';
import { parseS3Prefix } from '../core/cleanup/plan';
import { parsePlan, serializePlan } from '../core/cleanup/planFile';
import type { CleanupPlan } from '../core/cleanup/plan';
import { formatPlan, formatRun } from '../core/cleanup/report';
import { reportScope, specScope, type RunScope } from '../core/cleanup/runScope';
import { parseJobSpec } from '../core/lifecycle/jobSpec';
import { isComparisonReport } from '../protocol/report';
import { loadAwsLayer, type AwsLayer } from './awsLayer';
import { ENDPOINTS_HELP, endpointsFor, type EndpointService } from './endpoints';
import type { CliIo } from './run';
import { parseFlags, UsageError } from './usage';

export const CLEANUP_USAGE = `Usage: bedrock-mm cleanup --plan FILE [--dry-run] [--yes] [--yes-including-new] [--workspace DIR]
                         [--add-prefix s3://bucket/prefix/]... [--profile NAME] [--region REGION] [--no-tags]
                         [--from-spec F.bedrock-job.json | --from-report F.report.json]
  --plan FILE     the plan (JSON). Missing: it is discovered and written there, then printed (nothing is deleted).
  --dry-run       print the plan in deletion order and touch nothing
  --yes           check the credentials are the plan's account, prove each ticked resource ("selected": true) again
                  (our tag or the ledger), delete those in order, then verify each is gone
  --yes-including-new  also delete from S3 prefixes that hold more objects now than when the plan was written
  --workspace     folder whose ledger (${LEDGER_PATH}) records what this work created (default: current folder)
  --add-prefix    an S3 prefix of your own to include, ticked, in a new plan (repeatable; always a folder: ends in /)
  --no-tags       do not look for resources tagged created-by=bedrock-mm-customizer
  --from-spec F   a new plan holds only what one pipeline run of this job spec created (by the ledger): its job
                  (stopped if running), the model and output folder it made, the throughputs serving that model
  --from-report F a new plan holds only the provisioned throughputs the report's models ran on, and their models
  Only what this work provably created is planned: our tag on the resource, or an entry in the ledger written when
  it was created. A name in a spec file is never proof.
  AWS: the default credential chain (AWS_PROFILE, AWS_REGION, ...). cleanup calls Bedrock, S3, OpenSearch
  Serverless, IAM and STS: redirect all five, or none. Re-running a plan is safe.
${ENDPOINTS_HELP}`;

interface Args { plan: string; dryRun: boolean; yes: boolean; includingNew: boolean; workspace: string; prefixes: string[]; profile?: string | undefined; region?: string | undefined; tags: boolean; fromSpec?: string | undefined; fromReport?: string | undefined }

/** The flags, or a UsageError; `undefined` for --help. */
function readArgs(argv: string[]): Args | undefined {
  const { values: v } = parseFlags(argv, {
    plan: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    'yes-including-new': { type: 'boolean', default: false },
    'no-tags': { type: 'boolean', default: false },
    workspace: { type: 'string', default: '.' },
    profile: { type: 'string' },
    region: { type: 'string' },
    'add-prefix': { type: 'string', multiple: true, default: [] },
    'from-spec': { type: 'string' },
    'from-report': { type: 'string' },
  }, CLEANUP_USAGE);
  if (v.help) return undefined;
  const fail = (m: string): never => { throw new UsageError(m, CLEANUP_USAGE); };
  if (!v.plan) return fail('--plan FILE is required');
  if (!v.workspace) return fail('--workspace needs a folder');
  const yes = v.yes || v['yes-including-new'];
  if (v['dry-run'] && yes) return fail('--dry-run and --yes contradict each other');
  const prefixes = v['add-prefix'];
  const bad = prefixes.find((p) => !parseS3Prefix(p)?.prefix);
  if (bad !== undefined) return fail(`--add-prefix ${bad}: write it as s3://bucket/prefix/ (a clean-up never empties a whole bucket)`);
  if (v['from-spec'] !== undefined && v['from-report'] !== undefined) return fail('--from-spec and --from-report: give one');
  return {
    plan: v.plan, dryRun: v['dry-run'], yes, includingNew: v['yes-including-new'], workspace: v.workspace, prefixes, profile: v.profile, region: v.region,
    // One run's resources are proved by the ledger alone: a tag says "this work", not "this run".
    tags: !v['no-tags'] && v['from-spec'] === undefined && v['from-report'] === undefined, fromSpec: v['from-spec'], fromReport: v['from-report'],
  };
}

/** The folder's ledger: the CLI's own record of what it (and this workspace) created. */
function readFolderLedger(workspace: string, io: CliIo): LedgerInput[] {
  const { entries, problems } = readLedger(ledgerFileIn(workspace));
  for (const p of problems) io.stderr.write(`note: ${p}\n`);
  return entries.map((entry) => ({ entry, confirmed: true }));
}

/** The run --from-spec / --from-report names (a UsageError when its file cannot be read), or undefined for the whole work. */
function runScopeOf(args: Args): RunScope | undefined {
  const fail = (m: string): never => { throw new UsageError(m, CLEANUP_USAGE); };
  const read = (file: string): string => { try { return readFileSync(file, 'utf8'); } catch (e) { return fail(`cannot read ${file}: ${(e as Error).message}`); } };
  if (args.fromSpec !== undefined) {
    const { spec, problems } = parseJobSpec(read(args.fromSpec));
    if (!spec) return fail(`--from-spec ${args.fromSpec} is not a usable job spec: ${problems.map((p) => `${p.path || '(file)'}: ${p.message}`).join('; ')}`);
    return specScope(spec.jobName);
  }
  if (args.fromReport !== undefined) {
    let report: unknown;
    try { report = JSON.parse(read(args.fromReport)); } catch (e) { return fail(`--from-report ${args.fromReport}: not JSON: ${(e as Error).message}`); }
    if (!isComparisonReport(report)) return fail(`--from-report ${args.fromReport} is not a comparison report`);
    return reportScope(report.models.flatMap((m) => (m.modelId ? [m.modelId] : [])));
  }
  return undefined;
}

function manualOf(prefixes: readonly string[]): ManualPrefix[] {
  return prefixes.flatMap((uri) => {
    const p = parseS3Prefix(uri);
    return p ? [{ ...p, ticked: true, detail: 'added by you (--add-prefix)' }] : [];
  });
}

/** Every service a clean-up may call (discovery, deletion, the account check); IAM's override reaches runPlan through session.iamClient. */
export const CLEANUP_SERVICES: readonly EndpointService[] = ['bedrock', 's3', 'opensearchServerless', 'iam', 'sts'];

function session(args: Args, region: string | undefined, endpoints: AwsLayer.AwsEndpoints): AwsLayer.AwsSession {
  return loadAwsLayer().createAwsSession({ profile: args.profile, region: region ?? args.region, endpoints });
}

export async function cleanupCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readArgs(argv);
  if (!args) { io.stdout.write(CLEANUP_USAGE); return 0; }
  // Read once per run (one deprecation line), when the first session is built: a partial redirect stops the run there
  // (EndpointError, exit 2 in runCli); a dry run of an existing plan calls nothing and needs none.
  let endpoints: AwsLayer.AwsEndpoints | undefined;
  const endpointsOnce = async (): Promise<AwsLayer.AwsEndpoints> => (endpoints ??= await endpointsFor('bedrock-mm cleanup', CLEANUP_SERVICES, io));
  const planPath = resolve(args.plan);
  const scope = runScopeOf(args);
  let plan: CleanupPlan;
  if (existsSync(planPath)) {
    if (scope) throw new UsageError(`--from-spec and --from-report choose what a new plan holds, and ${args.plan} exists already: give a new --plan FILE`, CLEANUP_USAGE);
    let text: string;
    try { text = readFileSync(planPath, 'utf8'); } catch (e) { io.stderr.write(`bedrock-mm cleanup: cannot read ${args.plan}: ${(e as Error).message}\n`); return 2; }
    const parsed = parsePlan(text);
    if (!parsed.plan) { io.stderr.write(`bedrock-mm cleanup: ${args.plan} is not a usable plan:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n`); return 2; }
    plan = parsed.plan;
  } else {
    let ledger: LedgerInput[];
    try { ledger = readFolderLedger(args.workspace, io).filter((l) => !scope || scope.keepEntry(l.entry)); } catch (e) { io.stderr.write(`bedrock-mm cleanup: cannot read the ledger in ${args.workspace}: ${(e as Error).message}\n`); return 2; }
    const s = session(args, undefined, await endpointsOnce());
    try {
      const found = await loadAwsLayer().discoverPlan(s, { ledger, manual: manualOf(args.prefixes), byTag: args.tags });
      plan = scope ? scope.narrow(found.plan) : found.plan;
      for (const n of found.notes) io.stderr.write(`note: ${n}\n`);
    } catch (e) {
      io.stderr.write(`bedrock-mm cleanup: discovery failed: ${(e as Error).message}\n`);
      return 2;
    } finally { s.dispose(); }
    // 'wx': a new file only, never through a link or over something that appeared meanwhile.
    try { writeFileSync(planPath, serializePlan(plan), { flag: 'wx' }); } catch (e) { io.stderr.write(`bedrock-mm cleanup: cannot write ${args.plan}: ${(e as Error).message}\n`); return 2; }
    io.stdout.write(`Plan written to ${args.plan}.\n`);
  }
  io.stdout.write(formatPlan(plan, new Date()));
  const ticked = plan.resources.filter((r) => r.selected).length;
  if (args.dryRun) { io.stdout.write('Dry run: nothing was touched.\n'); return 0; }
  if (ticked === 0) { io.stdout.write('Nothing is ticked in the plan: nothing to delete.\n'); return 0; }
  if (!args.yes) {
    io.stdout.write(`Not deleting without --yes. Review ${args.plan} (set "selected": false to keep something), then run again with --yes.\n`);
    return 1;
  }
  const s = session(args, plan.region, await endpointsOnce());
  const controller = new AbortController();
  const onSigint = (): void => { io.stderr.write('Cancelling after the calls in flight; run again to finish.\n'); controller.abort(); };
  process.once('SIGINT', onSigint);
  try {
    const aws = loadAwsLayer();
    let verified: AwsLayer.Verification;
    try {
      verified = await aws.verifyPlan(s, plan, { ledger: readFolderLedger(args.workspace, io), byTag: args.tags });
    } catch (e) {
      io.stderr.write(`bedrock-mm cleanup: ${(e as Error).message}\n`);
      return 2;
    }
    if (verified.dropped.length > 0) {
      io.stderr.write(`${verified.dropped.length} ticked resource(s) could not be proved again as this work's (tag, or the ledger ${ledgerFileIn(args.workspace)}; pass --workspace for another folder's):\n`);
      for (const d of verified.dropped) io.stderr.write(`  ${d}\n`);
    }
    if (verified.grown.length > 0 && !args.includingNew) {
      for (const g of verified.grown) io.stderr.write(`${g.label} holds ${g.now} object(s) now, ${g.planned} when the plan was written.\n`);
      io.stdout.write('Nothing was deleted: S3 prefixes grew since the plan was written (listed above). Review them, then run again with --yes-including-new.\n');
      return 1;
    }
    plan = verified.plan;
    if (!plan.resources.some((r) => r.selected)) { io.stdout.write('Nothing ticked is still provably this work\'s: nothing was deleted.\n'); return 1; }
    const report = await aws.runPlan(s, plan, {
      signal: controller.signal,
      onProgress: (p) => io.stderr.write(`[${p.done}/${p.total}] ${p.message}\n`),
    });
    io.stdout.write(formatRun(report));
    // What could not be proved was left alone: the run did less than the plan asked, so it is not a success.
    return runSucceeded(report) && verified.dropped.length === 0 ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
    s.dispose();
  }
}
