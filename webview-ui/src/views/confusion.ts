// Classification mode: the confusion matrix as a heatmap (cell shade = share of the true class's row) and the most
// confused pairs. Shades are set through the CSSOM (allowed by the CSP), never through style attributes in markup.
import type { ComparisonReport, ModeReport } from '../../../src/protocol/report';
import { confusedPairs, confusedPairsTable, confusionTable, heat, orderedModels } from '../logic/tables';
import { fmt } from '../logic/format';
import { h } from '../dom';
import type { Exporter } from './exporter';
import { renderTable } from './table';

export function renderConfusion(report: ComparisonReport, mode: ModeReport, exporter: Exporter | undefined): HTMLElement {
  const out = h('section', { class: 'confusion' });
  for (const model of orderedModels(report)) {
    const m = mode.results.find((r) => r.model === model)?.confusion;
    if (!m) continue;
    const grid = h('table', { class: 'heatmap', attrs: { 'aria-label': `${model} confusion matrix` } },
      h('thead', {}, h('tr', {}, h('th', { title: 'actual \\ predicted' }, 'actual \\ predicted'), ...m.labels.map((l) => h('th', { class: 'col-label', title: l }, l)))),
      h('tbody', {}, ...m.labels.map((l, i) => {
        const row = m.counts[i] ?? [];
        const total = row.reduce((a, b) => a + b, 0);
        return h('tr', {}, h('th', { attrs: { scope: 'row' }, title: l }, l), ...row.map((count, j) => {
          const td = h('td', { class: i === j ? 'diag' : '', title: `${l} \u2192 ${m.labels[j] ?? ''}: ${count} of ${total}` }, count > 0 ? count : '');
          td.style.setProperty('--heat', fmt(heat(count, total), 3));
          return td;
        }));
      })));
    const ct = confusionTable(m, model);
    out.append(h('div', { class: 'table-block', attrs: { 'data-table': 'confusion' } },
      h('div', { class: 'table-toolbar' }, h('span', { class: 'caption' }, `${model}: confusion matrix (rows: actual class)`), exporter?.buttons(ct) ?? null),
      h('div', { class: 'table-scroll' }, grid)));
    out.append(renderTable(confusedPairsTable(confusedPairs(m)), { caption: `${model}: most confused pairs`, exporter }));
  }
  return out;
}
