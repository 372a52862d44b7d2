// The map's and gallery's pure parts: palette (colour-blind-safe colours, then shapes), grid hit-testing against a
// scan of every point, gallery filters and the separation order (worsened classes first).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { classStyles, OKABE_ITO, sortedLabels } from '../../../webview-ui/src/logic/palette';
import { PointGrid, toPixels } from '../../../webview-ui/src/logic/mapIndex';
import { classChanges, filterGallery, modelsDisagree } from '../../../webview-ui/src/logic/gallery';
import type { QueryRow } from '../../../webview-ui/src/logic/tables';
import type { QueryResult, Separation } from '../../../src/protocol/report';

test('palette: Okabe-Ito colours, then a new shape per 7 classes, every (colour, shape) distinct for 26 letters', () => {
  const labels = sortedLabels(['B', 'A', '10', '2', 'A']);
  assert.deepEqual(labels, ['2', '10', 'A', 'B']);
  const styles = classStyles('ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
  assert.equal(styles.get('A')?.colour, OKABE_ITO[0]);
  assert.equal(styles.get('A')?.shape, 'circle');
  assert.equal(styles.get('H')?.colour, OKABE_ITO[0]);
  assert.equal(styles.get('H')?.shape, 'square');
  assert.equal(new Set([...styles.values()].map((s) => `${s.colour}/${s.shape}`)).size, 26);
});

test('grid: nearest point equals a scan over all points, within the radius only', () => {
  let seed = 7;
  const rnd = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  const xy = Array.from({ length: 4000 }, () => rnd() * 2 - 1);
  const { xs, ys } = toPixels(xy, 400, 10);
  assert.equal(xs[0], 10 + (xy[0] as number + 1) * 190);
  const grid = new PointGrid(xs, ys);
  for (let t = 0; t < 200; t++) {
    const x = rnd() * 400; const y = rnd() * 400;
    let best = -1; let bestD = 64;
    for (let i = 0; i < xs.length; i++) { const d = ((xs[i] as number) - x) ** 2 + ((ys[i] as number) - y) ** 2; if (d <= bestD) { bestD = d; best = i; } }
    const got = grid.nearest(x, y, 8);
    if (best === -1) assert.equal(got, -1);
    else assert.equal(((xs[got] as number) - x) ** 2 + ((ys[got] as number) - y) ** 2, bestD);
  }
});

const q = (label: string, top: string): QueryResult => ({ queryId: 'q', label, relevantCount: 1, topIds: ['x'], topLabels: [top], topScores: [1], metrics: {} });
const row = (id: string, label: string, base: string, tuned: string): QueryRow => ({ queryId: id, label, text: undefined, byModel: new Map([['base', q(label, base)], ['tuned', q(label, tuned)]]) });

test('gallery filters: misses of the fine-tuned model, one class, models disagree', () => {
  const rows = [row('1', 'A', 'A', 'A'), row('2', 'A', 'B', 'A'), row('3', 'B', 'B', 'C'), row('4', 'C', 'D', 'E')];
  assert.deepEqual(rows.map(modelsDisagree), [false, true, true, false]);
  assert.deepEqual(filterGallery(rows, { missesOf: 'tuned' }).map((r) => r.queryId), ['3', '4']);
  assert.deepEqual(filterGallery(rows, { label: 'A', disagree: true }).map((r) => r.queryId), ['2']);
  assert.deepEqual(filterGallery(rows, {}).length, 4);
});

test('separation: worsened classes first, most worsened first, then by label', () => {
  const sep = (s: Record<string, number>, worse: string[] = []): Separation => ({
    silhouette: 0, intraClass: 0, nearestOtherClass: 0,
    perClass: Object.entries(s).map(([label, silhouette]) => ({ label, count: 3, silhouette, intraClass: 0, nearestOtherClass: 0 })),
    ...(worse.length ? { vsBaseline: { difference: 0, ci95: [0, 0], worsenedClasses: worse } } : {}),
  });
  const rows = classChanges(sep({ A: 0.5, B: 0.1, C: 0.2, D: 0.9 }, ['B', 'C']), sep({ A: 0.4, B: 0.3, C: 0.25, D: 0.8 }));
  assert.deepEqual(rows.map((r) => [r.label, r.worsened]), [['B', true], ['C', true], ['A', false], ['D', false]]);
});
