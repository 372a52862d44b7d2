// Launching a job: pre-flight, one confirmation stating what is created and what it may cost, uploads, then
// CreateModelCustomizationJob with a token derived from the request and the launch attempt. A second launch of
// the same attempt (a double click) joins the first instead of creating a second job.
import * as vscode from 'vscode';
import { ledgerEntry, type LedgerSink } from '../../core/cleanup/ledger';
import { jobRequestFromSpec, type JobSpec } from '../../core/lifecycle/jobSpec';
import { launchStatement } from '../../core/lifecycle/launchStatement';
import { deriveClientRequestToken } from '../../core/lifecycle/requestToken';
import type { PreflightResult } from '../../core/lifecycle/preflight';
import type { CreateJobRequest } from '../../core/lifecycle/types';
import type { InputDriver } from '../../core/lifecycle/steps';
import type { Explorer } from '../explorer/explorer';
import type { Config } from '../shell/config';
import type { ErrorPresenter } from '../shell/errors';
import type { Log } from '../shell/log';
import type { Upload } from './launchWizard';
import { preflight } from './preflightFacts';
import { recordCreated } from '../shell/recordCreated';

export interface LaunchOutcome { jobArn?: string; preflight?: PreflightResult; cancelled?: boolean; error?: string }

export function projectName(): string {
  return vscode.workspace.name ?? 'no-workspace';
}

export class Launcher {
  private readonly attempts = new Map<string, Promise<LaunchOutcome>>();

  constructor(
    private readonly explorer: Explorer,
    private readonly config: Config,
    private readonly log: Log,
    private readonly driver: () => InputDriver,
    private readonly ledger: LedgerSink,
    private readonly errors: ErrorPresenter,
  ) {}

  /** Same spec + same attemptId -> the same token and the same outcome, however often it is called. */
  /** `origin`: where the launch came from (the spec file, the wizard), written to the ledger. */
  launch(spec: JobSpec, attemptId: string, uploads: readonly Upload[] = [], origin = 'Launch Fine-Tuning'): Promise<LaunchOutcome> {
    const request = jobRequestFromSpec(spec, projectName());
    const token = deriveClientRequestToken(request, attemptId);
    const existing = this.attempts.get(token);
    if (existing) return existing;
    const run = this.run(spec, { ...request, clientRequestToken: token }, uploads, origin).then((outcome) => {
      // A cancelled or failed attempt may be tried again; a launched one stays answered.
      if (outcome.jobArn === undefined) this.attempts.delete(token);
      return outcome;
    });
    this.attempts.set(token, run);
    return run;
  }

  private async run(spec: JobSpec, request: CreateJobRequest, uploads: readonly Upload[], origin: string): Promise<LaunchOutcome> {
    const source = await this.explorer.host.current();
    const { result: checked, trainingRecords: records } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Pre-flight checks: manifests, region, output location...' },
      () => preflight(source, spec, uploads),
    );
    for (const f of checked.findings) this.log.info(`Pre-flight ${f.severity}: ${f.subject}: ${f.message}`);
    if (!checked.canLaunch) {
      const detail = checked.findings.filter((f) => f.severity === 'error').map((f) => `${f.subject}: ${f.message}`).join('\n');
      this.errors.present(new Error(`Not launched: pre-flight found problems.\n${detail}`));
      return { preflight: checked };
    }
    const warnings = checked.findings.map((f) => `Warning: ${f.subject}: ${f.message}`);
    const detail = launchStatement({
      spec, region: source.region, trainingRecords: records, warnings,
      uploads: uploads.map((u) => `Uploads ${vscode.Uri.parse(u.localUri).fsPath} to ${u.s3Uri} first.`),
      price: this.config.get('pricing.trainingPerRecordEpoch'), priceSource: 'bedrockCustomizer.pricing.trainingPerRecordEpoch',
    }).join('\n');
    const action = checked.needsConfirmation ? 'Launch Anyway' : 'Launch';
    const answer = await this.driver().confirm(`Launch fine-tuning job "${spec.jobName}"?`, detail, [action]);
    if (answer !== action) return { preflight: checked, cancelled: true };
    try {
      for (const u of uploads) {
        await source.putText(u.s3Uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(u.localUri))));
      }
      const jobArn = await source.createJob(request);
      this.log.info(`Launched ${spec.jobName}: ${jobArn} (clientRequestToken ${request.clientRequestToken})`);
      await recordCreated(this.ledger, this.log, () => [ledgerEntry('customization-job', { arn: jobArn, name: spec.jobName }, origin)]);
      const node = this.explorer.put('job', await source.getJob(jobArn));
      await this.explorer.views.job.reveal(node, { select: true, focus: false }).then(undefined, (err: unknown) => this.log.warn(`reveal: ${String(err)}`));
      return { jobArn, preflight: checked };
    } catch (err) {
      const failure = source.failure(err, 'launching the job');
      this.errors.present(failure, { prefix: `Launch of ${spec.jobName} failed: ` });
      return { preflight: checked, error: failure.message };
    }
  }
}
