// Leakage: test images that are also (or nearly) training or validation images, both thumbnails side by side, each
// pair naming the manifest it was found in, and each model's top-1 accuracy again without them.
import type { ComparisonReport } from '../../../src/protocol/report';
import { fmt, modeLabel } from '../logic/format';
import { orderedModels } from '../logic/tables';
import { h } from '../dom';
import { thumb, type Thumbs } from './thumbs';

export function renderLeakage(report: ComparisonReport, thumbs: Thumbs): HTMLElement | null {
  const l = report.leakage;
  if (!l) return null;
  const leaked = new Set(l.pairs.map((p) => p.testId)).size;
  const models = orderedModels(report);
  // A report written before pairs named their manifest checked against training only.
  const where = (p: (typeof l.pairs)[number]): string => p.role ?? 'training';
  const seenIn = [...new Set(l.pairs.map(where))].join(' or ');
  const rescored = (l.withoutLeaked ?? []).map((m) => h('tr', {},
    h('td', {}, modeLabel(m.mode)),
    ...models.map((name) => {
      const before = report.modes.find((x) => x.mode === m.mode)?.results.find((r) => r.model === name)?.metrics['accuracy@1'];
      const after = m.results.find((r) => r.model === name)?.metrics['accuracy@1'];
      return h('td', { class: 'num', attrs: { 'data-model': name } }, `${fmt(after)} (was ${fmt(before)})`);
    })));
  return h('section', { class: 'leakage', attrs: { 'data-testid': 'leakage' } },
    h('h2', {}, 'Leakage between training and test'),
    h('p', { class: 'fine-print' }, `Checked against ${l.against.join(', ')} with ${l.hash}; near duplicates at Hamming distance <= ${l.threshold}.`),
    l.pairs.length === 0 ? h('p', {}, `No test image is also an image of ${l.against.join(' or ')}.`) : h('p', { class: 'words' }, `${leaked} test image(s) also appear in ${seenIn}.`),
    rescored.length > 0 ? h('table', { class: 'data', attrs: { 'data-table': 'without-leaked' } },
      h('caption', {}, `Top-1 accuracy without the ${leaked} leaked test images`),
      h('thead', {}, h('tr', {}, h('th', {}, 'Mode'), ...models.map((m) => h('th', {}, m)))), h('tbody', {}, ...rescored)) : null,
    h('div', { class: 'leak-pairs' }, ...l.pairs.map((p) => h('figure', { class: 'leak-pair', attrs: { 'data-kind': p.kind } },
      h('div', { class: 'pair-images' }, thumb(thumbs, p.testUri, 96), thumb(thumbs, p.trainUri, 96)),
      h('figcaption', { class: 'fine-print' },
        h('div', {}, `${p.kind === 'exact' ? 'exact copy' : `near duplicate, distance ${p.distance}`}`),
        h('div', { class: 'top-id' }, 'test: ', h('bdi', {}, p.testUri)), h('div', { class: 'top-id', attrs: { 'data-role': where(p) } }, `${where(p)}: `, h('bdi', {}, p.trainUri)),
        p.manifest !== undefined ? h('div', { class: 'top-id' }, 'in ', h('bdi', {}, p.manifest)) : null)))));
}
