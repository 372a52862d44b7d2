// Runs the full comparison pipeline on a compare spec (schemas/compare-spec.schema.json): embed the test set and
// queries with every model through Bedrock (cached, rate-capped by the compare.* settings), rank, score, and write
// the report next to the spec. The AWS layer is loaded here, on first use, never during activation.
import * as vscode from 'vscode';
import type { LedgerSink } from '../../core/cleanup/ledger';
import { collectionCreationNotice } from '../../core/eval/collectionNotice';
import type { ComparisonReport } from '../../protocol/report';
import type { AwsContext } from '../session/awsContext';
import { loadAws } from '../shell/awsLoader';
import type { Config } from '../shell/config';
import type { Input } from '../shell/input';
import type { Log } from '../shell/log';
import { approveWrites } from '../shell/writeGuard';
import { ComparisonInputError, type Progress } from './runComparison';

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
}

export const CREATE_COLLECTION = 'Create Collection';

export async function runPipeline(
  spec: vscode.Uri, deps: PipelineDeps, progress: Progress, token: vscode.CancellationToken,
): Promise<{ report: ComparisonReport; reportPath: string } | undefined> {
  const aws = loadAws();
  const session = await deps.aws.session();
  const id = deps.aws.identity;
  const endpoint = deps.config.get('endpoints.bedrockRuntime') || undefined;
  const rt = aws.embeddingRuntime({ profile: id.profile || undefined, region: id.region, endpoint });
  const abort = new AbortController();
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
      ...(workspaceDir ? { workspaceDir } : {}),
    });
    deps.log.info(`Comparison: ${out.calls} embedding calls, ${out.cached} inputs from the cache`);
    return { report: out.report, reportPath: out.reportPath };
  } catch (err) {
    if (token.isCancellationRequested) return undefined;
    if (err instanceof aws.CreationDeclined) { deps.log.info(err.message); return undefined; }
    if (err instanceof aws.SpecError) throw new ComparisonInputError(`The compare spec has problems:\n${err.problems.join('\n')}`);
    if (err instanceof aws.WriteRefused) throw new ComparisonInputError(`Comparison not run (nothing written, no AWS call made): ${err.message}`);
    throw deps.aws.toUserError(err, { action: 'bedrock:InvokeModel', resource: spec.fsPath });
  } finally {
    sub.dispose();
    rt.dispose();
  }
}
