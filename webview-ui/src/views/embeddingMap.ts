// The embedding map: one canvas per model side by side over the same items, same class styles in each (Okabe-Ito
// colours, then shapes), corpus images as filled marks, text queries as hollow diamonds. Hover shows the item's
// thumbnail, id and class as text; clicking a query rings its top-k in that model's panel and tells the gallery.
// One canvas per panel (not an element per point), so 10,000 points draw in one pass.
import type { EmbeddingMap, ModeReport } from '../../../src/protocol/report';
import { PointGrid, toPixels } from '../logic/mapIndex';
import { classStyles, sortedLabels, type ClassStyle, type Shape } from '../logic/palette';
import { h } from '../dom';
import { thumb, type Thumbs } from './thumbs';

/** Canvas side in CSS pixels, and the margin kept around the points. */
const SIZE = 320;
const PAD = 10;
/** Longest text shown in the tooltip (a 10,000-character caption is cut, never laid out whole). */
const TOOLTIP_CHARS = 200;

export interface MapOptions {
  map: EmbeddingMap;
  /** The mode whose per-query top-k a click highlights. */
  mode: ModeReport;
  thumbs: Thumbs;
  /** A snapshot's picture of each model's map (drawn instead of the points). */
  images?: ReadonlyMap<string, string>;
  onQuery: (queryId: string, model: string) => void;
}

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function mark(g: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number): void {
  g.beginPath();
  addShape(g, shape, x, y, r);
}

/** Adds one mark as a subpath (many marks of a class are filled in one call). */
function addShape(g: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number): void {
  if (shape === 'circle') { g.moveTo(x + r, y); g.arc(x, y, r, 0, Math.PI * 2); }
  else if (shape === 'square') g.rect(x - r, y - r, 2 * r, 2 * r);
  else if (shape === 'triangle') { g.moveTo(x, y - r * 1.2); g.lineTo(x + r * 1.1, y + r * 0.8); g.lineTo(x - r * 1.1, y + r * 0.8); g.closePath(); }
  else if (shape === 'diamond') { g.moveTo(x, y - r * 1.3); g.lineTo(x + r * 1.3, y); g.lineTo(x, y + r * 1.3); g.lineTo(x - r * 1.3, y); g.closePath(); }
  else { g.rect(x - r * 1.2, y - r * 0.4, r * 2.4, r * 0.8); g.rect(x - r * 0.4, y - r * 1.2, r * 0.8, r * 2.4); }
}

export function legendSwatch(style: ClassStyle): HTMLCanvasElement {
  const c = h('canvas', { class: 'swatch-mark', attrs: { width: '14', height: '14', 'aria-hidden': 'true' } });
  const g = c.getContext('2d');
  if (g) { g.fillStyle = style.colour; mark(g, style.shape, 7, 7, 5); g.fill(); }
  return c;
}

function clip(text: string): string {
  return text.length > TOOLTIP_CHARS ? `${text.slice(0, TOOLTIP_CHARS)}\u2026 (${text.length.toLocaleString('en-US')} characters)` : text;
}

export interface MapPanels { element: HTMLElement; highlight(queryId: string, model: string): void }

export function renderEmbeddingMap(o: MapOptions): MapPanels {
  const { map } = o;
  const styles = classStyles(sortedLabels(map.items.map((i) => i.label)));
  const index = new Map(map.items.map((it, i) => [it.id, i]));
  const tooltip = h('div', { class: 'map-tooltip', attrs: { 'data-testid': 'map-tooltip', role: 'tooltip' } });
  tooltip.hidden = true;
  const panels = new Map<string, (queryId: string | undefined) => void>();
  const images = map.items.filter((i) => i.kind === 'image').length;
  const byClass = new Map<string, number[]>();
  map.items.forEach((it, i) => {
    if (it.kind !== 'image') return;
    const list = byClass.get(it.label);
    if (list) list.push(i); else byClass.set(it.label, [i]);
  });

  const panelFor = (m: EmbeddingMap['models'][number]): HTMLElement => {
    const canvas = h('canvas', { class: 'map-canvas', attrs: {
      'data-testid': 'map-canvas', 'data-map-model': m.model, 'data-points': String(images), 'data-queries': String(map.items.length - images),
      'data-size': String(SIZE), 'data-pad': String(PAD), role: 'img',
      'aria-label': `Embedding map of ${m.model}: ${images} images and ${map.items.length - images} queries, ${map.method.toUpperCase()}`,
    } });
    const dpr = window.devicePixelRatio || 1;
    canvas.width = SIZE * dpr;
    canvas.height = SIZE * dpr;
    canvas.style.width = `${SIZE}px`;
    canvas.style.height = `${SIZE}px`;
    const { xs, ys } = toPixels(m.xy, SIZE, PAD);
    const grid = new PointGrid(xs, ys);
    const picture = o.images?.get(m.model);
    let base: HTMLImageElement | undefined;
    let selected: string | undefined;
    const draw = (): void => {
      const g = canvas.getContext('2d');
      if (!g) return;
      const fg = themeColour('--vscode-editor-foreground', '#888');
      const bg = themeColour('--vscode-editor-background', 'transparent');
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, SIZE, SIZE);
      if (base?.complete) g.drawImage(base, 0, 0, SIZE, SIZE);
      else {
        // One path per class: 10,000 points are a few dozen fill calls, not 10,000.
        g.lineWidth = 0.6;
        g.strokeStyle = bg;
        for (const [label, members] of byClass) {
          const s = styles.get(label) as ClassStyle;
          g.beginPath();
          for (const i of members) addShape(g, s.shape, xs[i] as number, ys[i] as number, 3);
          g.fillStyle = s.colour;
          g.fill();
          if (members.length < 2_000) g.stroke(); // edges help small maps; on a dense one they only cost
        }
        g.lineWidth = 1.6;
        map.items.forEach((it, i) => {
          if (it.kind !== 'text') return;
          const s = styles.get(it.label) as ClassStyle;
          g.strokeStyle = fg; mark(g, 'diamond', xs[i] as number, ys[i] as number, 5); g.stroke();
          g.strokeStyle = s.colour; mark(g, 'diamond', xs[i] as number, ys[i] as number, 3.5); g.stroke();
        });
      }
      const q = selected === undefined ? undefined : o.mode.results.find((r) => r.model === m.model)?.perQuery.find((p) => p.queryId === selected);
      const hl = (q?.topIds ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      canvas.setAttribute('data-highlight', JSON.stringify(q?.topIds.filter((id) => index.has(id)) ?? []));
      if (selected === undefined) canvas.removeAttribute('data-selected-query'); else canvas.setAttribute('data-selected-query', selected);
      g.lineWidth = 2;
      g.strokeStyle = themeColour('--vscode-focusBorder', fg);
      for (const i of hl) { g.beginPath(); g.arc(xs[i] as number, ys[i] as number, 7, 0, Math.PI * 2); g.stroke(); }
      const qi = selected === undefined ? undefined : index.get(selected);
      if (qi !== undefined) { g.lineWidth = 2.5; g.strokeStyle = fg; mark(g, 'diamond', xs[qi] as number, ys[qi] as number, 8); g.stroke(); }
    };
    if (picture) { base = new Image(); base.onload = draw; base.src = picture; }
    panels.set(m.model, (queryId) => { selected = queryId; draw(); });

    canvas.addEventListener('mousemove', (e) => {
      const r = canvas.getBoundingClientRect();
      const i = grid.nearest(e.clientX - r.left, e.clientY - r.top, 8);
      const it = i < 0 ? undefined : map.items[i];
      if (!it) { tooltip.hidden = true; canvas.removeAttribute('data-hover'); return; }
      canvas.setAttribute('data-hover', it.id);
      tooltip.replaceChildren(...[
        it.kind === 'image' ? thumb(o.thumbs, it.id, 96) : null,
        h('div', { class: 'tip-id' }, h('bdi', {}, clip(it.kind === 'text' ? it.source : it.id))),
        h('div', { class: 'fine-print' }, it.kind === 'text' ? 'query, class ' : 'class ', h('bdi', {}, clip(it.label))),
        it.kind === 'text' ? h('div', { class: 'fine-print' }, 'Click to ring its top-k') : null,
      ].filter((n): n is HTMLElement => n !== null));
      tooltip.hidden = false;
      const host = tooltip.parentElement?.getBoundingClientRect();
      tooltip.style.left = `${e.clientX - (host?.left ?? 0) + 14}px`;
      tooltip.style.top = `${e.clientY - (host?.top ?? 0) + 14}px`;
      // Hover feedback time (event to the next frame), read by the browser test's measurement, never asserted.
      const t0 = e.timeStamp;
      requestAnimationFrame(() => canvas.setAttribute('data-hover-ms', (performance.now() - t0).toFixed(1)));
    });
    canvas.addEventListener('mouseleave', () => { tooltip.hidden = true; canvas.removeAttribute('data-hover'); });
    canvas.addEventListener('click', (e) => {
      const r = canvas.getBoundingClientRect();
      const i = grid.nearest(e.clientX - r.left, e.clientY - r.top, 10, (j) => map.items[j]?.kind === 'text');
      const it = i < 0 ? undefined : map.items[i];
      if (it) o.onQuery(it.id, m.model);
    });
    draw();
    const ev = m.explainedVariance;
    return h('figure', { class: 'map-panel' }, canvas,
      h('figcaption', {}, h('span', { class: 'caption' }, m.model),
        h('span', { class: 'fine-print' }, ` ${map.method.toUpperCase()}${ev ? `, axes explain ${(ev[0] * 100).toFixed(0)}% and ${(ev[1] * 100).toFixed(0)}%` : ''}`)));
  };

  const legend = h('div', { class: 'map-legend', attrs: { 'aria-label': 'Classes' } },
    ...[...styles.values()].map((s) => h('span', { class: 'legend-item' }, legendSwatch(s), h('bdi', {}, clip(s.label)))),
    h('span', { class: 'legend-item fine-print' }, '\u25c7 text query'));
  const element = h('div', { class: 'embedding-map', attrs: { 'data-testid': 'embedding-map' } },
    h('div', { class: 'map-row' }, ...map.models.map(panelFor)), legend, tooltip);
  return {
    element,
    highlight: (queryId, model) => { for (const [name, set] of panels) set(name === model ? queryId : undefined); },
  };
}
