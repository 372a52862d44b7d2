// A grouped bar chart of the metric table as inline SVG (no chart library): one group per metric, one bar per
// model, values 0..1. Colours come from VS Code's chart theme variables through CSS classes.
import type { ComparisonReport, ModeReport } from '../../../src/protocol/report';
import { fmt, metricLabel } from '../logic/format';
import { modeMetricKeys, orderedModels } from '../logic/tables';
import { h, s } from '../dom';

export function renderChart(report: ComparisonReport, mode: ModeReport): HTMLElement {
  const models = orderedModels(report).filter((m) => mode.results.some((r) => r.model === m));
  const keys = modeMetricKeys(mode);
  const bar = 12;
  const gap = 14;
  const groupW = models.length * bar + gap;
  const height = 180;
  const top = 10;
  const bottom = 90;
  const left = 34;
  const width = left + keys.length * groupW + 10;
  const y = (v: number): number => top + (1 - Math.max(0, Math.min(1, v))) * height;
  const svg = s('svg', { viewBox: `0 0 ${width} ${top + height + bottom}`, width, height: top + height + bottom, role: 'img', 'aria-label': 'Metric values per model' });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(s('line', { x1: left, x2: width - 5, y1: y(t), y2: y(t), class: 'grid' }));
    svg.append(s('text', { x: left - 4, y: y(t) + 3, class: 'axis', 'text-anchor': 'end' }, fmt(t)));
  }
  keys.forEach((key, g) => {
    const x0 = left + g * groupW + gap / 2;
    models.forEach((m, i) => {
      const v = mode.results.find((r) => r.model === m)?.metrics[key] ?? 0;
      svg.append(s('rect', { x: x0 + i * bar, y: y(v), width: bar - 2, height: Math.max(0, top + height - y(v)), class: `bar bar-${i % 6}` },
        s('title', {}, `${m} ${metricLabel(key)}: ${fmt(v, 3)}`)));
    });
    const lx = x0 + (models.length * bar) / 2;
    svg.append(s('text', { x: lx, y: top + height + 8, class: 'axis', transform: `rotate(60 ${lx} ${top + height + 8})` }, key));
  });
  const legend = h('div', { class: 'legend' }, ...models.map((m, i) => h('span', { class: 'legend-item' }, h('span', { class: `swatch bar-${i % 6}` }), m)));
  return h('div', { class: 'chart' }, legend, h('div', { class: 'table-scroll' }, svg));
}
