// `bedrock-mm cleanup --plan FILE [--dry-run] [--yes]`: the extension's clean-up for scripts.
// No FILE yet: discover (tags, the folder's job specs and comparison records, --add-prefix), write the plan to FILE.
// FILE exists: read it (edit "selected" to keep things), print it in deletion order, and with --yes run it.
// Exit 0: everything in the plan is gone (or a dry run); 1: something is still there, or --yes was not given;
// 2: usage, an invalid plan file, or I/O.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runSucceeded } from '../core/cleanup/executor';
import { parsePlan, serializePlan } from '../core/cleanup/planFile';
import type { CleanupPlan } from '../core/cleanup/plan';
import { formatPlan, formatRun } from '../core/cleanup/report';
import { loadAwsLayer, type AwsLayer } from './awsLayer';
import { readWorkspaceRecords } from './cleanupRecords';
import { endpointsFor, type EndpointService } from './endpoints';
import type { CliIo } from './run';

export const CLEANUP_USAGE = `Usage: bedrock-mm cleanup --plan FILE [--dry-run] [--yes] [--workspace DIR] [--add-prefix s3://bucket/prefix]...
                         [--profile NAME] [--region REGION] [--no-tags]
  --plan FILE     the plan (JSON). Missing: it is discovered and written there, then printed (nothing is deleted).
  --dry-run       print the plan in deletion order and touch nothing
  --yes           delete what the plan ticks ("selected": true), then verify each resource is gone
  --workspace     folder with *.bedrock-job.json specs and comparison reports (default: current folder)
  --add-prefix    an S3 prefix to include in a new plan (repeatable)
  --no-tags       do not look for resources tagged created-by=bedrock-mm-customizer
  AWS: the default credential chain (AWS_PROFILE, AWS_REGION, ...); BEDROCK_MM_ENDPOINT_BEDROCK, _S3,
  _OPENSEARCH_SERVERLESS, _IAM and _STS (all five, or BMC_EMULATOR) redirect it. Re-running a plan is safe.
`;

interface Args { plan: string; dryRun: boolean; yes: boolean; workspace: string; prefixes: string[]; profile?: string; region?: string; tags: boolean }

function parseArgs(argv: string[]): Args | string {
  const a: Partial<Args> & { prefixes: string[] } = { dryRun: false, yes: false, workspace: '.', prefixes: [], tags: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const value = (): string | undefined => argv[++i];
    switch (flag) {
      case '--plan': a.plan = value(); break;
      case '--dry-run': a.dryRun = true; break;
      case '--yes': a.yes = true; break;
      case '--no-tags': a.tags = false; break;
      case '--workspace': a.workspace = value(); break;
      case '--profile': a.profile = value(); break;
      case '--region': a.region = value(); break;
      case '--add-prefix': { const v = value(); if (v) a.prefixes.push(v); break; }
      default: return `unknown argument '${flag}'`;
    }
  }
  if (!a.plan) return '--plan FILE is required';
  if (a.workspace === undefined) return '--workspace needs a folder';
  if (a.dryRun && a.yes) return '--dry-run and --yes contradict each other';
  return a as Args;
}

/** Every service a clean-up may call (discovery, deletion, the account check); IAM's override reaches runPlan through session.iamClient. */
export const CLEANUP_SERVICES: readonly EndpointService[] = ['bedrock', 's3', 'opensearchServerless', 'iam', 'sts'];

/** Throws EndpointError (exit 2 in runCli) when the endpoints are redirected for only some of CLEANUP_SERVICES. */
function session(args: Args, region: string | undefined): AwsLayer.AwsSession {
  return loadAwsLayer().createAwsSession({ profile: args.profile, region: region ?? args.region, endpoints: endpointsFor('bedrock-mm cleanup', CLEANUP_SERVICES) });
}

export async function cleanupCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { io.stdout.write(CLEANUP_USAGE); return 0; }
  const args = parseArgs(argv);
  if (typeof args === 'string') { io.stderr.write(`bedrock-mm cleanup: ${args}\n\n${CLEANUP_USAGE}`); return 2; }
  const planPath = resolve(args.plan);
  let plan: CleanupPlan;
  if (existsSync(planPath)) {
    let text: string;
    try { text = readFileSync(planPath, 'utf8'); } catch (e) { io.stderr.write(`bedrock-mm cleanup: cannot read ${args.plan}: ${(e as Error).message}\n`); return 2; }
    const parsed = parsePlan(text);
    if (!parsed.plan) { io.stderr.write(`bedrock-mm cleanup: ${args.plan} is not a usable plan:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n`); return 2; }
    plan = parsed.plan;
  } else {
    let records: ReturnType<typeof readWorkspaceRecords>;
    try { records = readWorkspaceRecords(resolve(args.workspace)); } catch (e) { io.stderr.write(`bedrock-mm cleanup: cannot read ${args.workspace}: ${(e as Error).message}\n`); return 2; }
    const s = session(args, undefined);
    try {
      const found = await loadAwsLayer().discoverPlan(s, { ...records, manualPrefixes: args.prefixes, byTag: args.tags });
      plan = found.plan;
      for (const n of found.notes) io.stderr.write(`note: ${n}\n`);
    } catch (e) {
      io.stderr.write(`bedrock-mm cleanup: discovery failed: ${(e as Error).message}\n`);
      return 2;
    } finally { s.dispose(); }
    try { writeFileSync(planPath, serializePlan(plan)); } catch (e) { io.stderr.write(`bedrock-mm cleanup: cannot write ${args.plan}: ${(e as Error).message}\n`); return 2; }
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
  const s = session(args, plan.region);
  const controller = new AbortController();
  const onSigint = (): void => { io.stderr.write('Cancelling after the calls in flight; run again to finish.\n'); controller.abort(); };
  process.once('SIGINT', onSigint);
  try {
    const report = await loadAwsLayer().runPlan(s, plan, {
      signal: controller.signal,
      onProgress: (p) => io.stderr.write(`[${p.done}/${p.total}] ${p.message}\n`),
    });
    io.stdout.write(formatRun(report));
    return runSucceeded(report) ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
    s.dispose();
  }
}
