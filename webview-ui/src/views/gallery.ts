// The retrieval gallery: per query a row per model with its top-k thumbnails in rank order, each marked hit or miss
// with its score under it. Filters: misses of the fine-tuned model, one class, queries where the models disagree.
import type { ComparisonReport, ModeReport } from '../../../src/protocol/report';
import { filterGallery, type GalleryFilter } from '../logic/gallery';
import { fmt } from '../logic/format';
import { orderedModels, queryRows, type QueryRow } from '../logic/tables';
import { h, hx } from '../dom';
import { thumb, type Thumbs } from './thumbs';

const PAGE = 50;

export interface Gallery { element: HTMLElement; highlight(queryId: string, model: string): void }

export function renderGallery(report: ComparisonReport, mode: ModeReport, thumbs: Thumbs): Gallery {
  const models = orderedModels(report);
  const all = queryRows(report, mode);
  const labels = [...new Set(all.map((r) => r.label))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const tuned = models.find((m) => m !== report.baseline) ?? report.baseline;
  const filter: GalleryFilter = {};
  let shown = PAGE;
  let selected: { queryId: string; model: string } | undefined;
  const body = h('div', { class: 'gallery-rows' });
  const count = h('span', { class: 'fine-print', attrs: { 'data-testid': 'gallery-count' } });
  const more = hx('vscode-button', { attrs: { secondary: '' }, on: { click: () => { shown += PAGE; fill(); } } }, 'Show more');

  const row = (r: QueryRow): HTMLElement => h('div', { class: 'gallery-query', attrs: { 'data-query': r.queryId } },
    h('div', { class: 'gallery-title' }, h('bdi', {}, r.text ?? r.queryId), ' ', h('span', { class: 'fine-print' }, 'class ', h('bdi', {}, r.label))),
    ...models.map((m) => {
      const q = r.byModel.get(m);
      const isSelected = selected?.queryId === r.queryId && selected.model === m;
      return h('div', { class: `gallery-row${isSelected ? ' selected' : ''}`, attrs: { 'data-model': m, ...(isSelected ? { 'data-selected': 'true' } : {}) } },
        h('div', { class: 'gallery-model caption' }, m),
        h('ol', { class: 'gallery-items' }, ...(q?.topIds ?? []).map((id, i) => {
          const hit = q?.topLabels[i] === r.label;
          return h('li', { class: `gallery-item ${hit ? 'hit' : 'miss'}`, attrs: { 'data-id': id, 'data-rank': String(i + 1) }, title: `${i + 1}. ${id} (${q?.topLabels[i] ?? ''})` },
            thumb(thumbs, id, 64) ?? h('span', { class: 'thumb placeholder' }, '\u2205'),
            h('div', { class: 'gallery-mark' }, hit ? '\u2713 hit' : '\u2717 miss'),
            h('div', { class: 'score num' }, fmt(q?.topScores[i], 3)));
        })));
    }));

  const fill = (): void => {
    const rows = filterGallery(all, filter);
    // A selected query from the map is shown first so its row is where the user looks.
    const ordered = selected ? [...rows.filter((r) => r.queryId === selected?.queryId), ...rows.filter((r) => r.queryId !== selected?.queryId)] : rows;
    count.textContent = `${rows.length} of ${all.length} queries`;
    more.hidden = rows.length <= shown;
    body.replaceChildren(...ordered.slice(0, shown).map(row));
  };
  const misses = h('input', { attrs: { type: 'checkbox', id: `gallery-misses-${mode.mode}` }, on: { change: (e) => { filter.missesOf = (e.target as HTMLInputElement).checked ? tuned : undefined; shown = PAGE; fill(); } } });
  const disagree = h('input', { attrs: { type: 'checkbox', id: `gallery-disagree-${mode.mode}` }, on: { change: (e) => { filter.disagree = (e.target as HTMLInputElement).checked; shown = PAGE; fill(); } } });
  const classSelect = h('select', { attrs: { 'aria-label': 'Gallery class' }, on: { change: (e) => { filter.label = (e.target as HTMLSelectElement).value || undefined; shown = PAGE; fill(); } } },
    h('option', { attrs: { value: '' } }, 'All classes'), ...labels.map((l) => h('option', { attrs: { value: l } }, l)));
  const toolbar = h('div', { class: 'table-toolbar' },
    h('span', { class: 'caption' }, 'Retrieval gallery'),
    h('label', { attrs: { 'data-filter': 'misses' } }, misses, ` Misses of ${tuned}`),
    h('label', { attrs: { 'data-filter': 'disagree' } }, disagree, ' Models disagree'),
    classSelect, count);
  fill();
  return {
    element: h('div', { class: 'gallery', attrs: { 'data-testid': 'gallery' } }, toolbar, body, more),
    highlight: (queryId, model) => { selected = { queryId, model }; fill(); },
  };
}
