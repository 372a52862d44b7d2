// Class separation beside the map: per model the mean cosine silhouette, intra-class and nearest-other-class
// similarity, the paired difference against the baseline, and the classes whose separation got worse, listed first.
import type { ComparisonReport, ModeReport } from '../../../src/protocol/report';
import { classChanges } from '../logic/gallery';
import { fmt, fmtInterval, fmtSigned } from '../logic/format';
import { orderedModels } from '../logic/tables';
import { h } from '../dom';

export function renderSeparation(report: ComparisonReport, mode: ModeReport): HTMLElement | null {
  const results = orderedModels(report).map((m) => mode.results.find((r) => r.model === m)).filter((r) => r?.separation);
  if (results.length === 0) return null;
  const baseline = mode.results.find((r) => r.model === report.baseline)?.separation;
  const summary = h('table', { class: 'data separation' },
    h('thead', {}, h('tr', {}, ...['Model', 'Silhouette', 'Intra-class', 'Nearest other class', 'vs baseline'].map((t) => h('th', {}, t)))),
    h('tbody', {}, ...results.map((r) => {
      const s = r?.separation;
      if (!r || !s) return null;
      const vs = s.vsBaseline;
      return h('tr', { attrs: { 'data-model': r.model } },
        h('td', {}, r.model), h('td', { class: 'num' }, fmt(s.silhouette, 3)), h('td', { class: 'num' }, fmt(s.intraClass, 3)),
        h('td', { class: 'num' }, fmt(s.nearestOtherClass, 3)),
        h('td', { class: 'num' }, vs ? `${fmtSigned(vs.difference, 3)} ${fmtInterval(vs.ci95, 3)}` : 'baseline'));
    })));
  const perModel = results.filter((r) => r && r.model !== report.baseline).map((r) => {
    if (!r?.separation) return null;
    const rows = classChanges(r.separation, baseline);
    const worse = rows.filter((c) => c.worsened).length;
    return h('div', { class: 'table-block', attrs: { 'data-table': 'separation-classes', 'data-model': r.model } },
      h('div', { class: 'caption' }, `${r.model}: silhouette per class vs ${report.baseline}`, h('span', { class: 'fine-print' }, ` (${worse} worse)`)),
      h('div', { class: 'table-scroll class-scroll' }, h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Class'), h('th', {}, report.baseline), h('th', {}, r.model), h('th', {}, 'Change'))),
        h('tbody', {}, ...rows.map((c) => h('tr', { class: c.worsened ? 'worse' : '' },
          h('td', { class: 'label' }, h('bdi', {}, c.label)), h('td', { class: 'num' }, fmt(c.baseline?.silhouette, 3)),
          h('td', { class: 'num' }, fmt(c.model.silhouette, 3)),
          h('td', { class: 'num' }, c.difference === undefined ? '' : fmtSigned(c.difference, 3), c.worsened ? ' \u25bc worse' : '')))))));
  });
  return h('div', { class: 'separation-block', attrs: { 'data-testid': 'separation' } },
    h('div', { class: 'caption' }, 'Class separation (cosine, corpus images)'), summary, ...perModel);
}
