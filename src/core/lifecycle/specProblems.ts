// A job spec's problems as compiler-style lines (`file:line:col: error: field: message`), the same field and message
// the editor shows, placed where the field is written so a CI log links to it.
import { jsonLocations } from '../eval/jsonLocations';
import type { SpecProblem } from './jobSpec';

export function specProblemLines(file: string, text: string, problems: readonly SpecProblem[]): string[] {
  let where: Map<string, { line: number; column: number }> = new Map();
  try { JSON.parse(text); where = jsonLocations(text); } catch { /* not JSON: the problem says so, at 1:1 */ }
  return problems.map((p) => {
    // The deepest written ancestor of the field (a missing key is reported where its object starts).
    const parts = p.path === '' ? [] : p.path.split('.');
    let at = where.get('');
    for (let n = parts.length; n > 0; n--) {
      const hit = where.get(`/${parts.slice(0, n).join('/')}`);
      if (hit) { at = hit; break; }
    }
    return `${file}:${at?.line ?? 1}:${at?.column ?? 1}: error: ${p.path || '(file)'}: ${p.message}`;
  });
}
