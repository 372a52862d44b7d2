// CSV (RFC 4180) for every exported table. Pure, unit-tested.

export type Cell = string | number | boolean | null | undefined;

/**
 * Quotes a cell when it holds a comma, quote or line break; text starting with = + - @ (a spreadsheet formula) is
 * prefixed with ' so opening the export in a spreadsheet never runs a caption as a formula. Numbers stay numbers.
 */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [columns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
