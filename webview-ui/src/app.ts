// Renders a whole report: header, one tab per evaluation mode (headline, metric table + chart, per-class table,
// confusion heatmap, per-query list). Rebuilt from scratch on every report message; view state survives in `state`.
// In two steps, so the first paint comes fast (issue 16: <= 300 ms for a 10,000-point map): renderApp draws what the
// first screen shows (the header, the open tab's headline and map) and returns `finish`, which the caller runs after
// that first frame to build the rest (tables, gallery, queries, the other tabs).
import type { ViewState } from '../../src/protocol/messages';
import type { ComparisonReport, MetricKey, ModeReport } from '../../src/protocol/report';
import { metricLabel, modeLabel } from './logic/format';
import { defaultMetric, metricTable, modeMetricKeys } from './logic/tables';
import { h, hx } from './dom';
import type { Exporter } from './views/exporter';
import { renderHeadline } from './views/headline';
import { renderChart } from './views/chart';
import { renderPerClass } from './views/perClass';
import { renderConfusion } from './views/confusion';
import { renderPerQuery } from './views/perQuery';
import { renderTable } from './views/table';
import type { Thumbs } from './views/thumbs';
import type { Gallery } from './views/gallery';
import { renderEmbeddingMap } from './views/embeddingMap';
import { renderGallery } from './views/gallery';
import { renderLeakage } from './views/leakage';
import { renderSeparation } from './views/separation';

export interface AppContext {
  report: ComparisonReport;
  source: string;
  thumbs: Thumbs;
  state: ViewState;
  setState: (patch: Partial<ViewState>) => void;
  exporter: Exporter | undefined;
  /** Undefined in a snapshot (no host to save it). */
  snapshot: (() => void) | undefined;
  /** A snapshot's pictures of the map, by model. */
  mapImages?: ReadonlyMap<string, string>;
  /** Asks the host to compute the map of an old report (undefined in a snapshot). */
  computeMap: (() => Promise<void>) | undefined;
}

/** The mode whose queries the map's clicks use: text-to-image when the report has it. */
function mapMode(report: ComparisonReport): ModeReport | undefined {
  return report.modes.find((m) => m.mode === 'text-to-image') ?? report.modes[0];
}

function renderMapSection(ctx: AppContext, mode: ModeReport, onQuery: (queryId: string, model: string) => void): { element: HTMLElement; highlight?: (q: string, m: string) => void } {
  const separation = renderSeparation(ctx.report, mode);
  const map = ctx.report.embeddingMap;
  if (!map) {
    const status = h('span', { class: 'fine-print', attrs: { 'data-testid': 'map-status' } });
    const compute = ctx.computeMap;
    const button = compute ? hx('vscode-button', { attrs: { 'data-action': 'compute-map' }, on: { click: () => {
      button?.setAttribute('disabled', '');
      status.textContent = 'Computing the map...';
      compute().catch((err: unknown) => { status.textContent = `The map could not be computed: ${err instanceof Error ? err.message : String(err)}`; button?.removeAttribute('disabled'); });
    } } }, 'Compute embedding map') : null;
    return { element: h('div', { class: 'map-section' },
      h('p', {}, 'This report was written before embedding maps (schema 1). ', compute ? 'The map can be computed from the embeddings it was scored on.' : ''),
      button, status, separation) };
  }
  const panels = renderEmbeddingMap({ map, mode, thumbs: ctx.thumbs, ...(ctx.mapImages ? { images: ctx.mapImages } : {}), onQuery });
  return { element: h('div', { class: 'map-section' }, h('div', { class: 'map-and-numbers' }, panels.element, separation)), highlight: panels.highlight };
}

/** The mode's first screen now (facts, headline, map); `rest` appends the tables, gallery and queries below it. */
function renderMode(ctx: AppContext, mode: ModeReport): { element: HTMLElement; rest: () => void } {
  const keys = modeMetricKeys(mode);
  const initial = keys.find((k) => k === ctx.state.tab) ?? defaultMetric(mode, ctx.report.k);
  const headlineSlot = h('div');
  const showHeadline = (metric: MetricKey | undefined): void => headlineSlot.replaceChildren(renderHeadline(ctx.report, mode, metric));
  const picker = h('select', { attrs: { 'aria-label': 'Metric shown beside top-1 accuracy' }, on: {
    change: (e) => { const v = (e.target as HTMLSelectElement).value as MetricKey; ctx.setState({ tab: v }); showHeadline(v); },
  } }, ...keys.map((k) => h('option', { attrs: { value: k } }, metricLabel(k))));
  if (initial) picker.value = initial;
  showHeadline(initial);
  // The gallery comes with the rest: a query clicked on the map before then is shown when it arrives.
  let gallery: Gallery | undefined;
  let clicked: [string, string] | undefined;
  const onQuery = (queryId: string, model: string): void => {
    section?.highlight?.(queryId, model);
    if (gallery) gallery.highlight(queryId, model); else clicked = [queryId, model];
  };
  const section = mode === mapMode(ctx.report) ? renderMapSection(ctx, mode, onQuery) : undefined;
  const separation = section ? null : renderSeparation(ctx.report, mode);
  const facts = `${mode.queryCount} queries, corpus of ${mode.corpusSize}${mode.corpus ? ` (${mode.corpus})` : ''}`
    + (mode.droppedQueries.length > 0 ? `, ${mode.droppedQueries.length} dropped (no relevant item)` : '');
  const element = h('div', { class: 'mode', attrs: { 'data-mode': mode.mode } },
    h('div', { class: 'mode-bar' }, h('span', { class: 'fine-print' }, facts), h('label', {}, 'Metric: ', picker)),
    headlineSlot,
    section ? h('h2', {}, 'Embedding map') : separation ? h('h2', {}, 'Class separation') : null,
    section?.element ?? separation);
  const rest = (): void => {
    gallery = renderGallery(ctx.report, mode, ctx.thumbs);
    if (clicked) gallery.highlight(...clicked);
    element.append(...[
      h('h2', {}, 'Metrics'),
      renderTable(metricTable(ctx.report, mode), { caption: 'All metrics \u00d7 k \u00d7 model (means over queries)', exporter: ctx.exporter, hidden: new Set([1, 2]) }),
      renderChart(ctx.report, mode),
      h('h2', {}, 'Per class'),
      renderPerClass(ctx.report, mode, ctx.thumbs, ctx.exporter),
      mode.mode === 'classify' ? h('h2', {}, 'Confusion') : null,
      mode.mode === 'classify' ? renderConfusion(ctx.report, mode, ctx.exporter) : null,
      h('h2', {}, 'Retrieval gallery'),
      gallery.element,
      h('h2', {}, 'Queries'),
      renderPerQuery(ctx.report, mode, ctx.thumbs, ctx.exporter, ctx.state, ctx.setState),
    ].filter((n): n is HTMLElement => n !== null));
  };
  return { element, rest };
}

/** Renders the first screen; the returned `finish` renders the rest (call it after the first frame, or at once). */
export function renderApp(root: HTMLElement, ctx: AppContext): () => void {
  const r = ctx.report;
  const header = h('header', {},
    h('h1', {}, 'Model comparison'),
    h('div', { class: 'fine-print', attrs: { 'data-testid': 'source' } }, ctx.source),
    h('div', { class: 'fine-print' }, `${r.models.map((m) => m.name).join(', ')}; baseline ${r.baseline}; k = ${r.k.join(', ')}; `
      + `${r.vectorStore} search; written ${r.createdAt} by ${r.generator}`),
    ctx.snapshot ? hx('vscode-button', { attrs: { 'data-export': 'snapshot' }, on: { click: () => ctx.snapshot?.() } }, 'Export HTML snapshot') : null,
    h('div', { class: 'status fine-print', attrs: { role: 'status', 'data-testid': 'status' } }));
  const selected = Math.max(0, r.modes.findIndex((m) => m.mode === ctx.state.mode));
  const tabs = hx('vscode-tabs', { attrs: { 'selected-index': String(selected) }, on: {
    'vsc-tabs-select': (e) => {
      const i = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
      const mode = r.modes[i]?.mode;
      if (mode) ctx.setState({ mode });
    },
  } });
  const later: (() => void)[] = [];
  r.modes.forEach((mode, i) => {
    tabs.append(hx('vscode-tab-header', { attrs: { slot: 'header' } }, modeLabel(mode.mode)));
    const panel = hx('vscode-tab-panel', {});
    tabs.append(panel);
    const build = (): void => { const m = renderMode(ctx, mode); panel.append(m.element); m.rest(); };
    if (i !== selected) { later.push(build); return; }
    const m = renderMode(ctx, mode);
    panel.append(m.element);
    later.unshift(m.rest);
  });
  const conventions = h('footer', { class: 'fine-print' },
    h('div', {}, `Similarity: ${r.conventions.similarity}. Ties: ${r.conventions.tieBreak}.`),
    h('div', {}, `Average precision: ${r.conventions.averagePrecision}. Label rule: ${r.conventions.labelRule}.`));
  const leakage = h('div');
  root.replaceChildren(header, r.modes.length > 0 ? tabs : h('p', {}, 'This report has no evaluation modes.'), leakage, conventions);
  later.push(() => { const l = renderLeakage(r, ctx.thumbs); if (l) leakage.replaceWith(l); });
  let done = false;
  return () => {
    if (done) return;
    done = true;
    for (const f of later) f();
    root.setAttribute('data-complete', '');
  };
}

/** Shows a message in the status line (export results). */
export function setStatus(root: HTMLElement, text: string): void {
  const el = root.querySelector('[data-testid="status"]');
  if (el) el.textContent = text;
}
