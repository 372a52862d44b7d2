// Browser tests of the report's embedding map, gallery and theme screenshots (issue 16), on the e2e fixture report
// (the reference run: 26 letters x 3 images, 26 text queries, a hostile caption for Z). Run after REPORT_TESTS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import type { ComparisonReport, MapItem } from '../../src/protocol/report';
import { HOSTILE_CAPTION } from '../support/compareFixture';
import { assert, eq, reportFrame, runCommand } from './workbench';
import type { E2eTest } from './index';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'resources', 'screenshots');
const QUERY_A = 'The letter A in sign language';

function mapOf(report: ComparisonReport): NonNullable<ComparisonReport['embeddingMap']> {
  assert(report.embeddingMap, 'the fixture report has an embedding map');
  return report.embeddingMap;
}

/** Page coordinates of item i on a model's canvas (the same mapping as webview-ui/src/logic/mapIndex.ts). */
async function pointOf(canvas: Locator, xy: readonly number[], i: number): Promise<{ x: number; y: number; px: number; py: number }> {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert(box, 'the canvas is laid out');
  const size = Number(await canvas.getAttribute('data-size'));
  const pad = Number(await canvas.getAttribute('data-pad'));
  const scale = box.width / size;
  const px = pad + ((xy[2 * i] as number) + 1) * (size - 2 * pad) / 2;
  const py = pad + (1 - (xy[2 * i + 1] as number)) * (size - 2 * pad) / 2;
  return { x: box.x + px * scale, y: box.y + py * scale, px, py };
}

const mapPanel = (frame: Frame): Locator => frame.locator('[data-mode="text-to-image"] [data-testid="embedding-map"]');

/** The fine-tuned model's map panel (the second; the only one if there is one): its projection and its canvas. */
function tunedPanel(frame: Frame, report: ComparisonReport): { map: NonNullable<ComparisonReport['embeddingMap']>; model: NonNullable<ComparisonReport['embeddingMap']>['models'][number]; canvas: Locator } {
  const map = mapOf(report);
  const model = map.models[1] ?? map.models[0];
  assert(model, 'a model');
  return { map, model, canvas: mapPanel(frame).locator(`canvas[data-map-model="${model.model}"]`) };
}

async function topKOf(report: ComparisonReport, model: string, queryId: string): Promise<string[]> {
  const q = report.modes.find((m) => m.mode === 'text-to-image')?.results.find((r) => r.model === model)?.perQuery.find((p) => p.queryId === queryId);
  assert(q, `the report has ${queryId} for ${model}`);
  return q.topIds;
}

export const MAP_TESTS: E2eTest[] = [
  {
    name: 'map: one point per corpus image and one mark per query, per model, side by side',
    dependsOnPrevious: true,
    async run({ page, report }) {
      const frame = await reportFrame(page);
      const map = mapOf(report);
      const mode = report.modes.find((m) => m.mode === 'text-to-image');
      assert(mode, 'text-to-image');
      const canvases = mapPanel(frame).locator('canvas[data-map-model]');
      eq(await canvases.count(), report.models.length, 'one canvas per model');
      for (let i = 0; i < report.models.length; i++) {
        const c = canvases.nth(i);
        eq(await c.getAttribute('data-map-model'), map.models[i]?.model, `panel ${i} model`);
        eq(Number(await c.getAttribute('data-points')), mode.corpusSize, `${map.models[i]?.model}: points = corpus images`);
        eq(Number(await c.getAttribute('data-queries')), mode.queryCount, `${map.models[i]?.model}: query marks = queries`);
      }
      const legend = await mapPanel(frame).locator('.map-legend bdi').allTextContents();
      assert(legend.includes(HOSTILE_CAPTION), 'the hostile caption is a legend entry, as text');
      eq(await frame.locator('img[src="x"]').count(), 0, 'no img made from the caption');
    },
  },
  {
    name: 'map: hovering a point shows its thumbnail, id and class as text',
    dependsOnPrevious: true,
    async run({ page, report }) {
      const frame = await reportFrame(page);
      const { map, model, canvas } = tunedPanel(frame, report);
      const target = map.items.findIndex((it) => it.id === 'A/0.jpg');
      assert(target >= 0, 'A/0.jpg is on the map');
      const p = await pointOf(canvas, model.xy, target);
      await page.mouse.move(p.x, p.y);
      const tooltip = mapPanel(frame).locator('[data-testid="map-tooltip"]:not([hidden])');
      await tooltip.waitFor({ timeout: 10_000 });
      const hovered = await canvas.getAttribute('data-hover');
      const item = map.items.find((it) => it.id === hovered) as MapItem | undefined;
      assert(item, `the hovered id ${hovered} is a map item`);
      const at = await pointOf(canvas, model.xy, map.items.indexOf(item));
      assert(Math.hypot(at.px - p.px, at.py - p.py) <= 8, `the hovered item ${item.id} is under the pointer`);
      eq(await tooltip.locator('.tip-id').textContent(), item.kind === 'text' ? item.source : item.id, 'tooltip id');
      assert((await tooltip.textContent())?.includes(item.label), 'tooltip class');
      if (/^[A-Z]\/0\.jpg$/.test(item.id)) {
        const img = tooltip.locator(`img[alt="${item.id}"]`);
        await img.waitFor({ timeout: 30_000 }); // it may arrive after the report (filled into the open tooltip)
        eq(await img.count(), 1, `the thumbnail of ${item.id}`);
        assert(/^https:\/\/[^/]*vscode-(resource|cdn)/.test((await img.getAttribute('src')) ?? ''), 'the thumbnail is a webview resource');
      } else if (item.kind === 'image') {
        await tooltip.locator('.placeholder[data-problem]').waitFor({ timeout: 30_000 });
        assert(await tooltip.locator('.placeholder[data-problem]').count() === 1, `a placeholder naming why ${item.id} has no thumbnail`);
      }
    },
  },
  {
    name: `map: the gallery's first row for "${QUERY_A}" shows the report's top-k in order, per model`,
    dependsOnPrevious: true,
    async run({ page, report }) {
      const frame = await reportFrame(page);
      const gallery = frame.locator('[data-mode="text-to-image"] [data-testid="gallery"]');
      const first = gallery.locator('.gallery-query').first();
      eq(await first.getAttribute('data-query'), 'query:A', 'the first gallery row is the letter A');
      assert((await first.locator('.gallery-title bdi').first().textContent()) === QUERY_A, 'its text');
      for (const m of report.models) {
        const ids = await first.locator(`.gallery-row[data-model="${m.name}"] .gallery-item`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
        eq(JSON.stringify(ids), JSON.stringify(await topKOf(report, m.name, 'query:A')), `${m.name}: gallery ids = report top-k, in order`);
      }
    },
  },
  {
    name: 'map: clicking a query rings its top-k in that model\'s panel and selects it in the gallery',
    dependsOnPrevious: true,
    async run({ page, report }) {
      const frame = await reportFrame(page);
      const { map, model, canvas } = tunedPanel(frame, report);
      const p = await pointOf(canvas, model.xy, map.items.findIndex((it) => it.id === 'query:A'));
      await page.mouse.click(p.x, p.y);
      await mapPanel(frame).locator(`canvas[data-map-model="${model.model}"][data-selected-query]`).waitFor({ timeout: 10_000 });
      const selected = (await canvas.getAttribute('data-selected-query')) ?? '';
      const at = await pointOf(canvas, model.xy, map.items.findIndex((it) => it.id === selected));
      assert(Math.hypot(at.px - p.px, at.py - p.py) <= 10, `the selected query ${selected} is under the click`);
      const topIds = await topKOf(report, model.model, selected);
      eq(await canvas.getAttribute('data-highlight'), JSON.stringify(topIds), 'the ringed items are the query\'s top-k');
      eq(await mapPanel(frame).locator('canvas[data-selected-query]').count(), 1, 'only that model\'s panel is ringed');
      const row = frame.locator(`[data-mode="text-to-image"] [data-testid="gallery"] .gallery-query`).first();
      eq(await row.getAttribute('data-query'), selected, 'the gallery shows the clicked query first');
      const ids = await row.locator(`.gallery-row[data-model="${model.model}"][data-selected] .gallery-item`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      eq(JSON.stringify(ids), JSON.stringify(topIds), 'the gallery row of that model is selected and holds the same top-k');
    },
  },
  {
    name: 'map: screenshots in light, dark and high-contrast themes',
    dependsOnPrevious: true,
    async run({ page, artifacts }) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [theme, cls] of [['Light Modern', 'vscode-light'], ['Dark Modern', 'vscode-dark'], ['Dark High Contrast', 'vscode-high-contrast']] as const) {
        await runCommand(page, 'Preferences: Color Theme');
        await page.locator('.quick-input-widget input').fill(theme);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
        await page.keyboard.press('Enter');
        const frame = await reportFrame(page);
        await frame.locator(`body.${cls}`).waitFor({ timeout: 30_000 });
        await mapPanel(frame).scrollIntoViewIfNeeded();
        const name = `map-${cls.replace('vscode-', '')}.png`;
        await page.screenshot({ path: path.join(artifacts, name) });
        fs.copyFileSync(path.join(artifacts, name), path.join(SCREENSHOTS, name));
        assert(fs.statSync(path.join(SCREENSHOTS, name)).size > 10_000, `${name} holds a real screenshot`);
      }
      await runCommand(page, 'Preferences: Color Theme');
      await page.locator('.quick-input-widget input').fill('Dark Modern');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
      await page.keyboard.press('Enter');
    },
  },
];

/** A report with a 10,000-point map (and hostile long / right-to-left labels), for the paint and hover measurement. */
export function bigMapReport(report: ComparisonReport): ComparisonReport {
  const n = 10_000;
  let seed = 11;
  const rnd = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const long = `${'x'.repeat(9_989)} long label`; // 10,000 characters
  const rtl = 'RTL \u202Egnp.exe\u202C label';
  const items: MapItem[] = Array.from({ length: n }, (_, i) => ({ id: `img/${i}.png`, label: i === 0 ? long : i === 1 ? rtl : `class ${i % 40}`, kind: 'image', source: `img/${i}.png` }));
  const models = report.models.map((m) => ({ model: m.name, xy: Array.from({ length: 2 * n }, () => rnd() * 2 - 1) }));
  return { ...report, embeddingMap: { method: 'pca', seed: 1, items, models } };
}

export async function measureBigMap(page: Page, frame: Frame): Promise<{ paintMs: number; hoverMs: number }> {
  const paint = Number(await frame.locator('#root[data-paint-ms]').getAttribute('data-paint-ms', { timeout: 30_000 }));
  const canvas = frame.locator('[data-mode="text-to-image"] canvas[data-map-model]').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert(box, 'the big map is laid out');
  const hovers: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.mouse.move(box.x + 40 + i * 25, box.y + 60 + i * 20);
    await frame.locator('[data-testid="map-tooltip"]:not([hidden])').waitFor({ timeout: 5_000 });
    hovers.push(Number(await canvas.getAttribute('data-hover-ms')));
  }
  hovers.sort((a, b) => a - b);
  return { paintMs: paint, hoverMs: hovers[Math.floor(hovers.length / 2)] ?? Number.NaN };
}
