// Export buttons: each table as CSV or JSON, sent to the host which asks where to save it.
import type { Table } from '../logic/tables';
import { toCsv } from '../logic/csv';
import { hx, h } from '../dom';

export interface Exporter {
  buttons(table: Table): HTMLElement;
}

export type SaveTable = (table: Table, format: 'csv' | 'json', content: string) => Promise<string | null>;

export function tableJson(table: Table): string {
  return JSON.stringify(table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null]))), null, 2);
}

export function makeExporter(save: SaveTable, status: (text: string) => void): Exporter {
  const run = (table: Table, format: 'csv' | 'json'): void => {
    const content = format === 'csv' ? toCsv(table.columns, table.rows) : tableJson(table);
    save(table, format, content).then(
      (to) => status(to ? `Saved ${table.id} as ${format.toUpperCase()} to ${to}` : 'Export cancelled'),
      (err: unknown) => status(`Export failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  return {
    buttons: (table) => h('span', { class: 'export' },
      hx('vscode-button', { attrs: { secondary: '', 'data-export': `${table.id}-csv` }, on: { click: () => run(table, 'csv') } }, 'CSV'),
      hx('vscode-button', { attrs: { secondary: '', 'data-export': `${table.id}-json` }, on: { click: () => run(table, 'json') } }, 'JSON')),
  };
}
