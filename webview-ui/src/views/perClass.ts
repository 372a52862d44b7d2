// AWS's per-letter table: class, each model's top result (with thumbnail) and hit/miss, plus the class's top-1 rate.
import type { ComparisonReport, ModeReport } from '../../../src/protocol/report';
import { classRows, classTable } from '../logic/tables';
import { fmt } from '../logic/format';
import { h, hx } from '../dom';
import type { Exporter } from './exporter';
import { thumb, type Thumbs } from './thumbs';

export function hitBadge(hit: boolean | undefined): HTMLElement | null {
  if (hit === undefined) return null;
  return hx('vscode-badge', { class: hit ? 'hit' : 'miss', attrs: { variant: 'default' } }, hit ? 'hit' : 'miss');
}

export function renderPerClass(report: ComparisonReport, mode: ModeReport, thumbs: Thumbs, exporter: Exporter | undefined): HTMLElement {
  const rows = classRows(report, mode);
  const models = rows[0]?.cells.map((c) => c.model) ?? [];
  const table = h('table', { class: 'data per-class' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Class'), h('th', {}, 'Queries'), ...models.map((m) => h('th', {}, `${m}: top result`)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {},
      h('td', { class: 'label' }, r.label),
      h('td', { class: 'num' }, r.queries),
      ...r.cells.map((c) => h('td', {},
        h('div', { class: 'result' }, thumb(thumbs, c.topId),
          h('div', {}, h('div', { class: 'top-label' }, c.topLabel ?? ''), h('div', { class: 'top-id' }, c.topId ?? '')),
          hitBadge(c.hit),
          r.queries > 1 ? h('span', { class: 'fine-print' }, ` class top-1 ${fmt(c.top1)}`) : null)))))));
  const t = classTable(report, mode);
  return h('div', { class: 'table-block', attrs: { 'data-table': 'per-class' } },
    h('div', { class: 'table-toolbar' }, h('span', { class: 'caption' }, 'Top result per class (first query of each class)'), exporter?.buttons(t) ?? null),
    h('div', { class: 'table-scroll' }, table));
}
