// The per-query list: filter (misses only, a class, text), each row expandable to every model's top-k with scores.
import type { ViewState } from '../../../src/protocol/messages';
import type { ComparisonReport, ModeReport, QueryResult } from '../../../src/protocol/report';
import { filterQueries, isHit, orderedModels, queryRows, queryTable, type QueryRow } from '../logic/tables';
import { fmt } from '../logic/format';
import { h, hx } from '../dom';
import type { Exporter } from './exporter';
import { hitBadge } from './perClass';
import { thumb, type Thumbs } from './thumbs';

/** Rows rendered at once; "Show more" adds the next page (keeps a 10,000-query report responsive). */
const PAGE = 200;

function topK(q: QueryResult, thumbs: Thumbs): HTMLElement {
  return h('ol', { class: 'topk' }, ...q.topIds.map((id, i) => {
    const label = q.topLabels[i] ?? '';
    return h('li', { class: label === q.label ? 'rel' : '' }, thumb(thumbs, id),
      h('span', { class: 'top-id' }, id), ' ', h('span', { class: 'top-label' }, label), ' ',
      h('span', { class: 'score num' }, fmt(q.topScores[i], 4)));
  }));
}

export function renderPerQuery(
  report: ComparisonReport, mode: ModeReport, thumbs: Thumbs, exporter: Exporter | undefined,
  state: ViewState, setState: (patch: Partial<ViewState>) => void,
): HTMLElement {
  const models = orderedModels(report);
  const all = queryRows(report, mode);
  const labels = [...new Set(all.map((r) => r.label))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const missModel = models.find((m) => m !== report.baseline) ?? report.baseline;
  let search = '';
  let shown = PAGE;

  const tbody = h('tbody');
  const count = h('span', { class: 'fine-print', attrs: { 'data-testid': 'query-count' } });
  const more = hx('vscode-button', { attrs: { secondary: '' }, on: { click: () => { shown += PAGE; fill(); } } }, 'Show more');
  const toolbar = h('div', { class: 'table-toolbar' });
  const current = (): QueryRow[] => filterQueries(all, {
    ...(state.missesOnly ? { missesOf: missModel } : {}),
    ...(state.classFilter ? { label: state.classFilter } : {}),
    search,
  });
  const fill = (): void => {
    const rows = current();
    count.textContent = `${rows.length} of ${all.length} queries`;
    more.hidden = rows.length <= shown;
    tbody.replaceChildren(...rows.slice(0, shown).flatMap((r) => {
      const detail = h('tr', { class: 'detail' }, h('td', { attrs: { colspan: String(3 + models.length) } },
        h('div', { class: 'topk-grid' }, ...models.map((m) => {
          const q = r.byModel.get(m);
          return h('div', {}, h('div', { class: 'caption' }, m), q ? topK(q, thumbs) : 'not scored');
        }))));
      detail.hidden = true;
      const toggle = h('button', {
        class: 'expand', attrs: { 'aria-expanded': 'false', 'aria-label': `Show top results for ${r.queryId}` },
        on: { click: () => { detail.hidden = !detail.hidden; toggle.setAttribute('aria-expanded', String(!detail.hidden)); toggle.textContent = detail.hidden ? '\u25b8' : '\u25be'; } },
      }, '\u25b8');
      const main = h('tr', { attrs: { 'data-query': r.queryId } },
        h('td', {}, toggle),
        h('td', { class: 'query' }, h('div', {}, r.text ?? r.queryId), r.text ? h('div', { class: 'top-id' }, r.queryId) : null),
        h('td', { class: 'label' }, r.label),
        ...models.map((m) => {
          const q = r.byModel.get(m);
          return h('td', {}, h('span', { class: 'top-label' }, q?.topLabels[0] ?? ''), ' ', hitBadge(isHit(q)));
        }));
      return [main, detail];
    }));
  };

  const misses = hx('vscode-checkbox', { attrs: { label: `Misses of ${missModel} only` }, on: {
    change: (e) => { setState({ missesOnly: (e.target as HTMLInputElement).checked }); shown = PAGE; fill(); },
  } }, `Misses of ${missModel} only`);
  if (state.missesOnly) misses.setAttribute('checked', '');
  const classSelect = h('select', { attrs: { 'aria-label': 'Class' }, on: {
    change: (e) => { setState({ classFilter: (e.target as HTMLSelectElement).value }); shown = PAGE; fill(); },
  } }, h('option', { attrs: { value: '' } }, 'All classes'), ...labels.map((l) => h('option', { attrs: { value: l } }, l)));
  classSelect.value = state.classFilter && labels.includes(state.classFilter) ? state.classFilter : '';
  const searchBox = h('input', { attrs: { type: 'search', placeholder: 'Find query', 'aria-label': 'Find query' }, on: {
    input: (e) => { search = (e.target as HTMLInputElement).value; shown = PAGE; fill(); },
  } });
  // The export buttons capture the table when built; rebuild them on filter change so exports match the screen.
  const exportHolder = h('span');
  const refreshExport = (): void => { if (exporter) exportHolder.replaceChildren(exporter.buttons(queryTable(report, current()))); };
  for (const el of [misses, classSelect, searchBox]) el.addEventListener(el === searchBox ? 'input' : 'change', refreshExport);
  refreshExport();
  toolbar.append(h('span', { class: 'caption' }, 'Queries'), misses, classSelect, searchBox, count, h('span', { class: 'spacer' }), exportHolder);

  fill();
  return h('div', { class: 'table-block', attrs: { 'data-table': 'per-query' } }, toolbar,
    h('div', { class: 'table-scroll' }, h('table', { class: 'data per-query' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'Query'), h('th', {}, 'Class'), ...models.map((m) => h('th', {}, `${m}: top-1`)))),
      tbody)), more);
}
