// Runs the full comparison pipeline on a compare spec (schemas/compare-spec.schema.json): embed the test set and
// queries with every model through Bedrock (cached, rate-capped by the compare.* settings), rank, score, and write
// the report next to the spec. The AWS layer is loaded here, on first use, never during activation.
import * as vscode from 'vscode';
import type { LedgerSink } from '../../core/cleanup/ledger';
import { collectionCreationNotice } from '../../core/eval/collectionNotice';
import { pricesFrom } from '../../core/eval/prices';
import type { ComparisonReport } from '../../protocol/report';
import type { AwsContext } from '../session/awsContext';
import { loadAws } from '../shell/awsLoader';
import type { Config } from '../shell/config';
import type { Input } from '../shell/input';
import type { Log } from '../shell/log';
import { approveWrites } from '../shell/writeGuard';
import { readFile } from 'node:fs/promises';
import { jobsPathFor, parseJobsFile } from '../../core/eval/batch/jobsFile';
import { isRunning, statusWords } from '../../core/eval/batch/status';
import { askBatch, SUBMIT_BATCH } from './batchQuestions';
import { ComparisonInputError, type Progress } from './runComparison';
import type { ThumbnailCache } from './thumbnails';

export interface PipelineDeps {
  aws: AwsContext;
  config: Config;
  log: Log;
  /** The workspace folder the report, cache and exports must stay in. */
  root: string;
  /** Asks before the spec's collection is created (it bills while it exists). */
  input: Input;
  /** Records what the comparison creates, at creation (Clean Up's proof). */
  ledger: LedgerSink;
  /** Each batch job the run waits on, once (the explorer shows and watches it). */
  onBatchJob?(jobArn: string): void;
  /** The report's thumbnail cache, filled by the leakage check's decodes (the report then opens with them). */
  thumbnails?: ThumbnailCache;
}

export const CREATE_COLLECTION = 'Create Collection';

export const STOP_BATCH = 'Stop Batch Jobs';
export const LEAVE_RUNNING = 'Leave Running';

/** After a cancel: the run's batch jobs still moving are stopped or left running, as the user says. */
async function offerStop(specPath: string, bedrock: { getInvocationJob(arn: string): Promise<{ status?: string | undefined }>; stopInvocationJob(arn: string): Promise<void> }, deps: PipelineDeps): Promise<void> {
  const recorded = parseJobsFile(await readFile(jobsPathFor(specPath), 'utf8').catch(() => undefined)).jobs;
  const running: string[] = [];
  for (const j of recorded) if (isRunning((await bedrock.getInvocationJob(j.jobArn).catch(() => ({ status: '' }))).status ?? '')) running.push(j.jobArn);
  if (running.length === 0) return;
  const answer = await deps.input.driver().confirm(
    `The comparison was cancelled; ${running.length} batch inference job(s) are still running.`,
    `${running.join('\n')}\nLeft running, they finish and bill per record; run Compare Models on the same spec to collect their results (nothing is embedded twice). Stopped, the records processed so far are billed.`,
    [STOP_BATCH, LEAVE_RUNNING],
  );
  if (answer === STOP_BATCH) for (const arn of running) await bedrock.stopInvocationJob(arn);
  deps.log.info(answer === STOP_BATCH ? `Stopped ${running.join(', ')}` : `Left running: ${running.join(', ')}; run Compare Models on the same spec to collect them.`);
}

export async function runPipeline(
  spec: vscode.Uri, deps: PipelineDeps, progress: Progress, token: vscode.CancellationToken,
): Promise<{ report: ComparisonReport; reportPath: string } | undefined> {
  const aws = loadAws();
  const session = await deps.aws.session();
  const id = deps.aws.identity;
  const endpoint = deps.config.get('endpoints.bedrockRuntime') || undefined;
  const rt = aws.embeddingRuntime({ profile: id.profile || undefined, region: id.region, endpoint });
  const abort = new AbortController();
  const seenJobs = new Set<string>();
  const sub = token.onCancellationRequested(() => abort.abort(new Error('cancelled')));
  const workspaceDir = (vscode.workspace.getWorkspaceFolder(spec) ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath;
  progress.report('Reading the spec and manifests', 0, 1);
  try {
    const out = await aws.runCompare({
      specPath: spec.fsPath,
      session,
      runtime: rt.runtime,
      concurrency: deps.config.get('compare.concurrency'),
      requestsPerMinute: deps.config.get('compare.requestsPerMinute'),
      nearDuplicateDistance: deps.config.get('compare.nearDuplicateDistance'),
      callerArn: () => session.callerArn(), // honours the endpoints.sts setting
      signal: abort.signal,
      log: (m) => deps.log.info(m),
      onProgress: (model, done, total) => progress.report(`Embedding with ${model}`, done, total),
      root: deps.root,
      approveWrites: (issues) => approveWrites(deps.input.driver(), issues, 'the comparison\'s files'),
      configuredEndpoints: deps.config.endpoints(),
      confirmCreate: async (facts) => {
        const notice = collectionCreationNotice(facts);
        return (await deps.input.driver().confirm(notice.message, notice.detail, [CREATE_COLLECTION])) === CREATE_COLLECTION;
      },
      ledger: deps.ledger,
      ...(deps.thumbnails ? { thumbnails: deps.thumbnails } : {}),
      ...(workspaceDir ? { workspaceDir } : {}),
      batchThreshold: deps.config.get('compare.batchThreshold'),
      batchLimits: deps.config.get('compare.batchLimits'),
      batchPollMs: deps.config.get('compare.batchPollSeconds') * 1000,
      // One price model for the batch confirmation and the report's cost lines (bedrockCustomizer.pricing.*).
      prices: pricesFrom((key) => deps.config.get(key)),
      askBatch: (known) => askBatch(deps.input.driver(), known, async () => {
        const roles = [];
        for await (const r of session.iam.listRoles(1000)) roles.push(r);
        return roles;
      }),
      confirmBatch: async (_facts, notice) => (await deps.input.driver().confirm(notice.message, notice.detail, [SUBMIT_BATCH])) === SUBMIT_BATCH,
      onBatchStatus: (model, s) => {
        if (!seenJobs.has(s.jobArn)) { seenJobs.add(s.jobArn); deps.onBatchJob?.(s.jobArn); }
        progress.report(`${model}: batch job ${statusWords(s.status)}${s.total !== undefined ? ` (${s.processed ?? 0}/${s.total} records)` : ''}`, s.processed ?? 0, s.total ?? 1);
      },
    });
    await deps.thumbnails?.flush(); // the report opens next and reads the thumbnail index
    deps.log.info(`Comparison: ${out.calls} embedding calls, ${out.cached} inputs from the cache`);
    return { report: out.report, reportPath: out.reportPath };
  } catch (err) {
    if (token.isCancellationRequested) {
      await offerStop(spec.fsPath, session.bedrock, deps);
      return undefined;
    }
    if (err instanceof aws.CreationDeclined || err instanceof aws.BatchDeclined) { deps.log.info(err.message); return undefined; }
    if (err instanceof aws.SpecError) throw new ComparisonInputError(`The compare spec has problems:\n${err.problems.join('\n')}`);
    if (err instanceof aws.WriteRefused) throw new ComparisonInputError(`Comparison not run (nothing written, no AWS call made): ${err.message}`);
    throw deps.aws.toUserError(err, { action: 'bedrock:InvokeModel', resource: spec.fsPath });
  } finally {
    sub.dispose();
    rt.dispose();
  }
}
