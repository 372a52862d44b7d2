// The comparison feature: "Compare Models...", "Open Comparison Report...", the panel serializer (restores panels
// after a window reload), the compare-spec CodeLens and diagnostics, and (Test mode only) its part of ExtensionApi.testing.
import * as vscode from 'vscode';
import { isOurReport } from '../../core/files/ours';
import type { ViewState } from '../../protocol/messages';
import type { Services } from '../shell/services';
import { placeWrite, rootFor } from '../shell/writeGuard';
import { CompareSpecCodeLens } from './codeLens';
import { VIEW_TYPE } from './panel';
import { ComparePanels } from './panels';
import { pickSpec, specFromFile, specFromObject, type SpecSource } from './pickSpec';
import { arnOf } from '../../core/eval/modelSpec';
import type { Commands } from '../commands/registry';
import { specFromModel } from './specFromModel';
import { ComparisonInputError, runComparison, withProgress } from './runComparison';
import { runPipeline } from './runPipeline';
import { PanelTraffic } from './traffic';
import { ThumbnailCache } from './thumbnails';
import { thumbnailCacheUri } from '../webview/html';
import { registerSpecDiagnostics } from './specDiagnostics';

/** ExtensionApi.testing.compare (Test mode only). */
export interface CompareTestHooks {
  /** Every message the panels post or receive (test/support/panelProbe.ts records them). */
  onDidMessage: PanelTraffic['onDidMessage'];
  panels: ComparePanels;
  /** Runs the serializer's deserialize path on a fresh panel, as VS Code does after a window reload. */
  revive(state: ViewState): Promise<void>;
  /** Presses Cancel on every comparison's progress notification; returns how many were running. */
  cancelRunning(): number;
}

export interface CompareFeature {
  readonly disposables: vscode.Disposable[];
  readonly commands: Commands<'compareModels' | 'openReport'>;
}

/** `onBatchJob`: each batch inference job a comparison waits on (the explorer shows and watches it). */
export function registerCompare({ context, log, config, aws, input, ledger, errors, testMode, seams }: Services, onBatchJob?: (jobArn: string) => void): CompareFeature {
  const traffic = new PanelTraffic();
  const panels = new ComparePanels({ context, log, traffic, aws });
  // The running pipelines' cancellation, linked to their progress notification's Cancel (and, in Test mode, to a
  // test that presses it: a notification button is out of reach of an extension-host test).
  const running = new Set<vscode.CancellationTokenSource>();
  const cancellable = async <T>(token: vscode.CancellationToken, work: (t: vscode.CancellationToken) => Promise<T>): Promise<T> => {
    const source = new vscode.CancellationTokenSource();
    const link = token.onCancellationRequested(() => source.cancel());
    running.add(source);
    try { return await work(source.token); } finally { running.delete(source); link.dispose(); source.dispose(); }
  };

  const compareModels = async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    let source: SpecSource;
    if (arg instanceof vscode.Uri) source = await specFromFile(arg);
    else if (typeof arg === 'object' && arg !== null && Array.isArray((arg as { models?: unknown }).models)) source = specFromObject(arg);
    else if (arg !== undefined && arnOf(arg)) {
      // A custom model or throughput from the explorer: write a spec for it and let the user review and run it.
      await specFromModel(arnOf(arg) ?? '', { extensionUri: context.extensionUri, driver: input.driver(), aws, config });
      return undefined;
    } else source = await pickSpec();
    if (!source) return undefined;
    if ('errors' in source) {
      errors.present(new Error(`The compare spec in ${source.where} has problems: ${source.errors.join('; ')}.`));
      return undefined;
    }
    try {
      let written: vscode.Uri | undefined;
      if ('pipeline' in source) {
        const spec = source.pipeline;
        if (!vscode.workspace.isTrusted) {
          // A spec in an untrusted folder must not make the extension call Bedrock, create a collection or send signed
          // requests; a local embeddings comparison (no AWS) still runs.
          errors.present(new Error(`${vscode.workspace.asRelativePath(spec)} runs a comparison against AWS (embedding calls, maybe a billable collection): trust this folder first (Manage Workspace Trust).`),
            { actions: [{ label: 'Manage Workspace Trust', kind: 'command', command: 'workbench.trust.manage' }] });
          return undefined;
        }
        const out = await withProgress((p, token) => cancellable(token, (t) => runPipeline(spec, { aws, config, log, input, ledger, root: rootFor(spec), thumbnails: new ThumbnailCache(thumbnailCacheUri(context.globalStorageUri).fsPath), ...(onBatchJob ? { onBatchJob } : {}) }, p, t)));
        written = out ? vscode.Uri.file(out.reportPath) : undefined;
      } else {
        // Asked before any work: the report stays in the workspace and replaces only an earlier report.
        const output = await placeWrite(vscode.Uri.file(source.spec.output), {
          root: rootFor(source.from ?? vscode.Uri.file(source.spec.output)), isOurs: isOurReport, what: 'the comparison report',
          driver: input.driver(), filters: { 'Comparison report': ['json'] },
        });
        if (!output) { log.info(`Comparison not run: the report would be written to ${source.spec.output}, which was not approved.`); return undefined; }
        const spec = { ...source.spec, output: output.fsPath };
        const report = await withProgress((p, token) => runComparison(spec, p, token));
        written = report ? output : undefined;
      }
      if (!written) { log.info('Comparison cancelled; no report written.'); return undefined; }
      log.info(`Comparison report written to ${written.fsPath}`);
      panels.show(written);
      return written;
    } catch (err) {
      // An AWS failure (runPipeline throws the AwsUserError) gets the button that fixes it.
      errors.present(err, err instanceof ComparisonInputError ? {} : { prefix: 'The comparison failed: ' });
      return undefined;
    }
  };

  const openReport = async (arg?: unknown): Promise<void> => {
    let uri = arg instanceof vscode.Uri ? arg : undefined;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({
        title: 'Open Comparison Report', canSelectMany: false, filters: { 'Comparison report': ['json'] }, openLabel: 'Open Report',
      });
      uri = picked?.[0];
    }
    if (uri) panels.show(uri);
  };

  const disposables: vscode.Disposable[] = [
    traffic,
    panels,
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, panels),
    vscode.languages.registerCodeLensProvider([{ pattern: '**/*.compare.json' }, { language: 'json' }], new CompareSpecCodeLens()),
    registerSpecDiagnostics(),
  ];
  if (testMode) {
    // The panels themselves and a way to revive one: any caller could drive the webviews with them.
    seams.compare = {
      onDidMessage: traffic.onDidMessage,
      panels,
      cancelRunning: () => { for (const r of running) r.cancel(); return running.size; },
      revive: (state) => panels.deserializeWebviewPanel(vscode.window.createWebviewPanel(VIEW_TYPE, 'Comparison', vscode.ViewColumn.Active, {}), state),
    };
  }
  return { disposables, commands: { compareModels, openReport } };
}
