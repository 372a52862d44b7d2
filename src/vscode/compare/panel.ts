// One comparison panel: loads its report file, answers the webview's handshake with it, and serves exports. The
// panel is rebuilt from its report path after a window reload (see the serializer in registerCompare.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  answerRequest, dispatchNotification, isWebviewMessage, notify, PROTOCOL_VERSION,
  type HostMessage, type HostNotifications, type NotificationHandlers, type RequestHandlers, type ViewState,
  type WebviewNotifications, type WebviewRequests,
} from '../../protocol/messages';
import type { ComparisonReport } from '../../protocol/report';
import type { AwsContext } from '../session/awsContext';
import type { Log } from '../shell/log';
import { thumbnailCacheUri, webviewDistUri, webviewHtml, webviewOptions } from '../webview/html';
import type { PanelTraffic } from './traffic';
import { readReport } from './reportFile';
import { buildSnapshot } from './snapshot';
import { computeOldReportMap } from './oldReportMap';
import { ThumbnailCache, thumbnailRequests, type ThumbnailOutcome, type ThumbnailRequest } from './thumbnails';

export const VIEW_TYPE = 'bedrockCustomizer.comparison';
/** Thumbnails made within this long of each other go to the webview in one message. */
const STREAM_BATCH_MS = 100;

export interface PanelDeps {
  context: vscode.ExtensionContext;
  log: Log;
  /** Every message either way (an event tests listen to through ExtensionApi.testing). */
  traffic: PanelTraffic;
  /** For thumbnails of s3:// items (the AWS layer loads only when a report has such items). */
  aws: AwsContext;
}

export function panelTitle(source: vscode.Uri): string {
  return `Comparison: ${path.basename(source.fsPath)}`;
}

export class ComparePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private state: ViewState;
  private report: ComparisonReport | undefined;

  constructor(readonly panel: vscode.WebviewPanel, private readonly source: vscode.Uri, private readonly deps: PanelDeps, state?: ViewState) {
    this.state = { ...state, reportPath: source.fsPath };
    panel.webview.options = webviewOptions(deps.context);
    panel.title = panelTitle(source);
    this.disposables.push(panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)));
    this.disposables.push(panel.onDidDispose(() => this.dispose()));
    panel.webview.html = webviewHtml(panel.webview, deps.context.extensionUri, panel.title);
  }

  private readonly notifications: NotificationHandlers<WebviewNotifications> = {
    ready: (p) => {
      if (p.protocolVersion !== PROTOCOL_VERSION) this.deps.log.warn(`Comparison webview speaks protocol ${p.protocolVersion}, host ${PROTOCOL_VERSION}`);
      void this.sendReport();
    },
    state: (p) => { this.state = { ...p.state, reportPath: this.source.fsPath }; },
  };

  private readonly requests: RequestHandlers<WebviewRequests> = {
    exportTable: async (p) => {
      const base = path.basename(this.source.fsPath).replace(/(\.report)?\.json$/i, '');
      return { savedTo: await this.save(`${base}-${p.table}.${p.format}`, p.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] }, p.content) };
    },
    exportSnapshot: async (p) => {
      if (!this.report) throw new Error('The report is not loaded yet.');
      const html = await this.snapshotHtml(this.report, p.state, p.mapImages ?? {});
      const base = path.basename(this.source.fsPath).replace(/(\.report)?\.json$/i, '');
      return { savedTo: await this.save(`${base}.html`, { HTML: ['html'] }, html) };
    },
    computeMap: async () => {
      if (!this.report) throw new Error('The report is not loaded yet.');
      const map = await computeOldReportMap(this.report, this.source.fsPath);
      this.report = { ...this.report, embeddingMap: map };
      return this.webviewThumbnails(await this.thumbnails(this.report)).then((t) => ({ map, ...t }));
    },
  };

  private onMessage(m: unknown): void {
    if (!isWebviewMessage(m)) {
      this.deps.log.warn(`Comparison webview sent an unknown message: ${JSON.stringify(m).slice(0, 200)}`);
      return;
    }
    this.deps.traffic.received(m);
    if (m.kind === 'notify') dispatchNotification<WebviewNotifications>(m, this.notifications);
    else void answerRequest<WebviewRequests>(m, this.requests).then((reply) => this.post(reply));
  }

  private post(m: HostMessage): void {
    this.deps.traffic.posted(m);
    void this.panel.webview.postMessage(m);
  }

  /** Bumped by every report sent: a thumbnail stream for an older one stops posting. */
  private generation = 0;
  private disposed = false;

  /**
   * Posts the report at once, with the thumbnails the cache already has; the others follow in `thumbnails` messages
   * as the pool makes them (batched, so 1,000 images are a few messages, not 1,000).
   */
  private async sendReport(): Promise<void> {
    const generation = ++this.generation;
    const read = await readReport(this.source);
    if ('error' in read) {
      this.deps.log.error(read.error);
      this.post(notify<HostNotifications, 'error'>('error', { message: read.error }));
      return;
    }
    this.report = read.report;
    const requests = thumbnailRequests(read.report);
    const cache = this.thumbnailCache();
    const known = await cache.known(requests).catch(() => new Map<string, ThumbnailOutcome>());
    const rest = requests.filter((r) => !known.has(r.key));
    const source = this.source.fsPath;
    this.post(notify<HostNotifications, 'report'>('report', {
      report: read.report, source, ...(await this.webviewThumbnails(known)), state: this.state, thumbnailsPending: rest.map((r) => r.key),
    }));
    if (rest.length === 0) return;
    const batch = new Map<string, ThumbnailOutcome>();
    let timer: NodeJS.Timeout | undefined;
    // Posts are chained, so the `done` message is always the last one the webview gets.
    let posted = Promise.resolve();
    const flush = (done: boolean): Promise<void> => {
      clearTimeout(timer);
      timer = undefined;
      const outcomes = new Map(batch);
      batch.clear();
      const live = (): boolean => !this.disposed && generation === this.generation;
      posted = posted.then(async () => {
        if (!live()) return; // closed or reloaded: its webview (and URIs for it) are gone
        const thumbs = await this.webviewThumbnails(outcomes);
        if (live()) this.post(notify<HostNotifications, 'thumbnails'>('thumbnails', { source, ...thumbs, done }));
      }).catch((err: unknown) => this.deps.log.warn(`Thumbnails not sent: ${err instanceof Error ? err.message : String(err)}`));
      return posted;
    };
    await this.resolveThumbnails(cache, read.report, rest, (key, o) => {
      batch.set(key, o);
      timer ??= setTimeout(() => void flush(false), STREAM_BATCH_MS);
    });
    await flush(true);
  }

  /** Cached thumbnails as webview URIs, and why the others have none. */
  private async webviewThumbnails(outcomes: Map<string, ThumbnailOutcome>, asUri = (file: string): Promise<string> => Promise.resolve(this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString())): Promise<{ thumbnails: Record<string, string>; thumbnailProblems: Record<string, string> }> {
    const thumbnails: Record<string, string> = {};
    const thumbnailProblems: Record<string, string> = {};
    for (const [id, o] of outcomes) {
      if ('file' in o) thumbnails[id] = await asUri(o.file);
      else thumbnailProblems[id] = o.problem;
    }
    return { thumbnails, thumbnailProblems };
  }

  private thumbnailCache(): ThumbnailCache {
    return new ThumbnailCache(thumbnailCacheUri(this.deps.context.globalStorageUri).fsPath);
  }

  /** Every thumbnail of the report, awaited (the snapshot and an old report's computed map need them all). */
  private thumbnails(report: ComparisonReport): Promise<Map<string, ThumbnailOutcome>> {
    return this.resolveThumbnails(this.thumbnailCache(), report, thumbnailRequests(report));
  }

  private resolveThumbnails(cache: ThumbnailCache, report: ComparisonReport, requests: ThumbnailRequest[], onOutcome?: (key: string, o: ThumbnailOutcome) => void): Promise<Map<string, ThumbnailOutcome>> {
    const folder = path.dirname(this.source.fsPath);
    const roots = [folder, ...report.inputs.map((i) => path.dirname(path.resolve(folder, i.source)))];
    // Local images are read only inside the workspace (no folder open: the report's own folder).
    const allowed = vscode.workspace.workspaceFolders?.map((f) => f.uri.fsPath) ?? [folder];
    return cache.resolve(requests, roots, allowed, async () => (await this.deps.aws.session()).s3, onOutcome).catch((err: unknown) => {
      this.deps.log.warn(`Thumbnails skipped: ${err instanceof Error ? err.message : String(err)}`);
      return new Map<string, ThumbnailOutcome>();
    });
  }

  private async snapshotHtml(report: ComparisonReport, state: ViewState, mapImages: Record<string, string>): Promise<string> {
    const dist = webviewDistUri(this.deps.context.extensionUri);
    const text = async (name: string): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dist, name)));
    const thumbs = await this.webviewThumbnails(await this.thumbnails(report),
      async (file) => `data:image/png;base64,${Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('base64')}`);
    return buildSnapshot({ report, source: this.source.fsPath, state, js: await text('main.js'), css: await text('main.css'), ...thumbs, mapImages });
  }

  private async save(name: string, filters: Record<string, string[]>, content: string): Promise<string | null> {
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(this.source, '..', name), filters });
    if (!target) return null;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    this.deps.log.info(`Exported ${target.fsPath}`);
    return target.fsPath;
  }

  /** The latest view state (the serializer's fallback; tests read it). */
  get viewState(): ViewState { return this.state; }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
