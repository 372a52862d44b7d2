// "Show Job Details": one panel per job with the loss curves and the full GetModelCustomizationJob response.
import * as vscode from 'vscode';
import type { ErrorPresenter } from '../shell/errors';
import { staticPageOptions } from '../webview/html';
import { jobDetailsHtml } from './jobDetailsHtml';
import { readLossCurves } from './lossData';
import type { SourceHost } from './source';

export class JobDetailsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly host: SourceHost, private readonly errors: ErrorPresenter) {}

  async show(jobArn: string): Promise<void> {
    const source = await this.host.current();
    let job;
    try {
      job = await source.getJob(jobArn);
    } catch (err) {
      this.errors.present(source.failure(err, 'loading job details'));
      return;
    }
    let panel = this.panels.get(jobArn);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('bedrockCustomizer.jobDetails', `Job: ${job.jobName}`, vscode.ViewColumn.Active,
        staticPageOptions());
      this.panels.set(jobArn, panel);
      panel.onDidDispose(() => this.panels.delete(jobArn));
    } else {
      panel.reveal();
    }
    let curves;
    try {
      curves = await readLossCurves(source, job);
    } catch (err) {
      curves = `Could not read the loss curves: ${source.describeError(err, 'reading the job output')}`;
    }
    panel.webview.html = jobDetailsHtml(job.jobName, job.raw, curves);
  }

  /** For tests: the HTML shown for a job, if its panel is open. */
  html(jobArn: string): string | undefined { return this.panels.get(jobArn)?.webview.html; }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    this.panels.clear();
  }
}
