// The comparison webview's entry. Two ways in:
//   - in a VS Code panel: post `ready`, render the `report` the host sends (its thumbnails follow in `thumbnails`
//     messages and fill the placeholders in), export through host requests;
//   - in an exported HTML snapshot: render the report embedded in #bmc-data, no host, no exports.
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import './styles.css';
import {
  dispatchNotification, isHostMessage, notify, PROTOCOL_VERSION, Requester,
  type HostNotifications, type NotificationHandlers, type ViewState, type WebviewMessage, type WebviewNotifications, type WebviewRequests,
} from '../../src/protocol/messages';
import { isComparisonReport } from '../../src/protocol/report';
import { renderApp, setStatus } from './app';
import { makeExporter } from './views/exporter';
import { addThumbs, makeThumbs, type Thumbs } from './views/thumbs';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const root = document.getElementById('root') ?? document.body;

function showError(message: string): void {
  root.replaceChildren();
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = message;
  root.append(p);
}

/** Each model's map as drawn now (PNG data: URIs), for the snapshot to embed. */
function mapPictures(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of document.querySelectorAll<HTMLCanvasElement>('canvas[data-map-model]')) {
    const model = c.getAttribute('data-map-model');
    if (model && !(model in out)) out[model] = c.toDataURL('image/png');
  }
  return out;
}

function startSnapshot(data: HTMLElement): void {
  let report: unknown;
  try { report = JSON.parse(data.textContent ?? ''); } catch { report = undefined; }
  const r = report as { report?: unknown; source?: string; state?: ViewState; thumbnails?: Record<string, string>; thumbnailProblems?: Record<string, string>; mapImages?: Record<string, string> } | undefined;
  if (!r || !isComparisonReport(r.report)) return showError('This snapshot holds no readable comparison report.');
  const state: ViewState = { ...r.state };
  renderApp(root, {
    report: r.report, source: r.source ?? '', thumbs: makeThumbs(r.thumbnails, r.thumbnailProblems), state,
    setState: (patch) => Object.assign(state, patch), exporter: undefined, snapshot: undefined,
    mapImages: new Map(Object.entries(r.mapImages ?? {})), computeMap: undefined,
  })();
}

function startPanel(vscode: VsCodeApi): void {
  // One state object, mutated in place: the views hold it and read the current filters from it.
  const state: ViewState = { ...vscode.getState() };
  const setState = (patch: Partial<ViewState>): void => {
    Object.assign(state, patch);
    vscode.setState(state);
    vscode.postMessage(notify<WebviewNotifications, 'state'>('state', { state }));
  };
  const requests = new Requester<WebviewRequests>((m) => vscode.postMessage(m as WebviewMessage));
  const status = (text: string): void => setStatus(root, text);
  const exporter = makeExporter((table, format, content) =>
    requests.request('exportTable', { table: table.id, format, content }).then((r) => r.savedTo), status);
  let current: { source: string; thumbs: Thumbs } | undefined;
  const handlers: NotificationHandlers<HostNotifications> = {
    report: (p: HostNotifications['report']) => {
      const received = performance.now();
      if (!isComparisonReport(p.report)) return showError(`${p.source} is not a comparison report this version can read.`);
      // The webview's own saved state wins over the host's copy (the host may not have seen the latest change
      // when the webview was reloaded); the host's copy restores a panel revived after a window reload.
      Object.assign(state, p.state, vscode.getState(), { reportPath: p.source });
      vscode.setState(state);
      // One live set of thumbnails for this report: `thumbnails` messages fill it in while the report is shown.
      const thumbs = makeThumbs(p.thumbnails, p.thumbnailProblems, p.thumbnailsPending);
      current = { source: p.source, thumbs };
      const render = (report: typeof p.report): (() => void) => renderApp(root, {
        report, source: p.source, thumbs, state, setState, exporter,
        snapshot: () => void requests.request('exportSnapshot', { state, mapImages: mapPictures() }).then(
          (r) => status(r.savedTo ? `Saved snapshot to ${r.savedTo}` : 'Export cancelled'),
          (err: unknown) => status(`Snapshot failed: ${err instanceof Error ? err.message : String(err)}`)),
        computeMap: report.embeddingMap ? undefined : async () => {
          const r = await requests.request('computeMap', {});
          addThumbs(thumbs, r.thumbnails, r.thumbnailProblems, false);
          render({ ...report, embeddingMap: r.map })();
        },
      });
      root.removeAttribute('data-complete');
      const finish = render(p.report);
      // Data received to first paint, read by the browser test's measurement (reported, never asserted); the rest of
      // the report is built right after that frame.
      requestAnimationFrame(() => setTimeout(() => {
        root.setAttribute('data-paint-ms', (performance.now() - received).toFixed(1));
        finish();
      }, 0));
    },
    thumbnails: (p: HostNotifications['thumbnails']) => {
      if (current?.source === p.source) addThumbs(current.thumbs, p.thumbnails, p.thumbnailProblems, p.done);
    },
    error: (p: HostNotifications['error']) => showError(p.message),
  };
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    const m = e.data;
    if (!isHostMessage(m)) return;
    if (m.kind === 'reply') requests.settle(m);
    else dispatchNotification<HostNotifications>(m, handlers);
  });
  // The handshake: only now can the host's report be received.
  vscode.postMessage(notify<WebviewNotifications, 'ready'>('ready', { protocolVersion: PROTOCOL_VERSION }));
}

const data = document.getElementById('bmc-data');
if (data) startSnapshot(data);
else if (typeof acquireVsCodeApi === 'function') startPanel(acquireVsCodeApi());
else showError('This page must be opened by the Bedrock Customizer extension.');
