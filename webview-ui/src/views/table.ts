// A sortable HTML table over a logic Table, with CSV/JSON export buttons. Cells are text nodes; numbers formatted.
import type { Table } from '../logic/tables';
import { sortRows, type SortDirection } from '../logic/tables';
import type { Cell } from '../logic/csv';
import { fmt } from '../logic/format';
import { h, type Child } from '../dom';
import type { Exporter } from './exporter';

export function cellText(v: Cell, digits = 3): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : fmt(v, digits);
  if (v === null || v === undefined) return '';
  return String(v);
}

export interface TableOptions {
  caption: string;
  exporter: Exporter | undefined;
  /** Render a cell specially (thumbnails, badges); default: its text. */
  renderCell?: (value: Cell, column: number, row: Cell[]) => Child;
  /** Columns to hide on screen (still exported). */
  hidden?: ReadonlySet<number>;
}

export function renderTable(table: Table, o: TableOptions): HTMLElement {
  let sortCol = -1;
  let dir: SortDirection = 'asc';
  const tbody = h('tbody');
  const visible = table.columns.map((_, i) => i).filter((i) => !o.hidden?.has(i));
  const fill = (): void => {
    const rows = sortCol < 0 ? table.rows : sortRows(table.rows, (r) => r[sortCol], dir);
    tbody.replaceChildren(...rows.map((r) => h('tr', {}, ...visible.map((i) => {
      const v = r[i];
      return h('td', { class: typeof v === 'number' ? 'num' : '' }, o.renderCell ? o.renderCell(v, i, r) : cellText(v));
    }))));
  };
  const headers = visible.map((i) => h('th', {
    attrs: { scope: 'col', tabindex: '0', 'aria-sort': 'none' },
    title: 'Sort by this column',
    on: {
      click: () => { dir = sortCol === i && dir === 'asc' ? 'desc' : 'asc'; sortCol = i; fill(); mark(); },
      keydown: (e) => { if ((e as KeyboardEvent).key === 'Enter') (e.target as HTMLElement).click(); },
    },
  }, table.columns[i] ?? ''));
  const mark = (): void => headers.forEach((th, n) => th.setAttribute('aria-sort', visible[n] === sortCol ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'));
  fill();
  return h('div', { class: 'table-block', attrs: { 'data-table': table.id } },
    h('div', { class: 'table-toolbar' }, h('span', { class: 'caption' }, o.caption), o.exporter?.buttons(table) ?? null),
    h('div', { class: 'table-scroll' }, h('table', { class: 'data' }, h('thead', {}, h('tr', {}, ...headers)), tbody)));
}
