// Browser tests (Playwright in headless Chromium against code-server and the local emulator), run by
// scripts/lib/run-e2e.mjs (`npm run test:e2e`, last stage of `npm test`), which starts the workbench on the demo
// workspace and hands each test a context: first the comparison webview on a fixture report written here by the
// comparison engine from the fixture embeddings (with a hostile caption), then the whole user path (userPath.ts), then
// a batch comparison across a window reload (batchReload.ts).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { evaluate, type ModelEmbeddings } from '../../src/core/eval/evaluate';
import { WHOLE_CAPTION } from '../../src/core/eval/labels';
import { parseEmbeddingsJsonl } from '../../src/core/eval/records';
import type { ComparisonReport } from '../../src/protocol/report';
import { HOSTILE_CAPTION, writeCompareFixture } from '../support/compareFixture';
import { BATCH_RELOAD } from './batchReload';
import { USER_PATH, type PathContext } from './userPath';
import { answerFileDialog, assert, eq, reportFrame, runCommand } from './workbench';
import { bigMapReport, MAP_TESTS, measureBigMap } from './mapView';

export interface E2eContext extends PathContext {
  page: Page;
  reportPath: string;
  report: ComparisonReport;
  artifacts: string;
  /** Dialogs (alert/confirm) any frame opened: must stay empty. */
  dialogs: string[];
}

export interface E2eTest {
  name: string;
  dependsOnPrevious?: boolean;
  run(ctx: E2eContext): Promise<void>;
}

/** Writes the fixture and its report into the workspace folder; returns the report. */
export async function prepare(workspace: string): Promise<{ reportPath: string; report: ComparisonReport }> {
  const fixture = writeCompareFixture(path.join(workspace, 'letters'));
  const models: ModelEmbeddings[] = [['base', fixture.base], ['fine-tuned', fixture.tuned]].map(([name, file]) => ({
    model: { name: name ?? '', baseline: name === 'base' },
    records: parseEmbeddingsJsonl(fs.readFileSync(file ?? '', 'utf8')).records,
  }));
  const report = await evaluate({ models, baseline: 'base', modes: ['text-to-image', 'classify'], ks: [1, 5, 10], labelRule: WHOLE_CAPTION });
  const reportPath = path.join(fixture.dir, 'letters.report.json');
  fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
  return { reportPath, report };
}

const fixed = (x: number | undefined): string => (x === undefined ? 'missing' : x.toFixed(2));

/** Resolves when `file` exists and has content, watching its folder (no polling sleeps). */
function waitForFile(file: string, timeoutMs = 20_000): Promise<void> {
  const written = (): boolean => fs.existsSync(file) && fs.statSync(file).size > 0;
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => { if (written()) done(); });
    const timer = setTimeout(() => { watcher.close(); reject(new Error(`${file} was not written within ${timeoutMs} ms`)); }, timeoutMs);
    const done = (): void => { clearTimeout(timer); watcher.close(); resolve(); };
    if (written()) done();
  });
}

/** The comparison webview on a fixture report. */
const REPORT_TESTS: E2eTest[] = [
  {
    name: 'Open Comparison Report from the command palette opens the panel',
    async run({ page, reportPath }) {
      await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
      await runCommand(page, 'Bedrock Customizer: Open Comparison Report...');
      await answerFileDialog(page, reportPath);
      await reportFrame(page);
    },
  },
  {
    name: 'the headline numbers shown equal the report JSON',
    dependsOnPrevious: true,
    async run({ page, report }) {
      const frame = await reportFrame(page);
      const mode = report.modes.find((m) => m.mode === 'text-to-image');
      assert(mode, 'the report has text-to-image');
      const c = mode.comparisons[0];
      assert(c, 'the report compares fine-tuned with base');
      const value = (model: string): number | undefined => mode.results.find((r) => r.model === model)?.metrics['accuracy@1'];
      const panel = frame.locator('[data-mode="text-to-image"]');
      eq(await panel.locator('[data-testid="baseline-top1"]').first().textContent(), fixed(value('base')), 'baseline top-1 shown');
      eq(await panel.locator('[data-testid="model-top1"]').first().textContent(), fixed(value('fine-tuned')), 'fine-tuned top-1 shown');
      eq(fixed(value('base')), '0.08', 'the reference run base top-1');
      eq(fixed(value('fine-tuned')), '0.77', 'the reference run fine-tuned top-1');
      const p = c.pValues.mcnemarExact ?? Number.NaN;
      assert(p < 0.001, `McNemar p ${p} is below 0.001 in the reference run`);
      const expected = `Top-1 accuracy: fine-tuned is better by ${fixed(c.difference)} (${fixed(c.ci95[0])}-${fixed(c.ci95[1])}), p < 0.001, ${mode.queryCount} queries: few`;
      eq(await panel.locator('[data-testid="headline-words"]').first().textContent(), expected, 'headline words');
      const warnings = await panel.locator('.warnings li').allTextContents();
      assert(warnings.some((w) => w.includes('only 26 queries')), `the few-queries warning is shown (got ${JSON.stringify(warnings)})`);
    },
  },
  {
    name: 'a hostile caption renders as text and runs nothing',
    dependsOnPrevious: true,
    async run({ page, dialogs }) {
      const frame = await reportFrame(page);
      const cells = frame.locator('[data-mode="text-to-image"] table.per-class td.label', { hasText: HOSTILE_CAPTION });
      eq(await cells.count(), 1, 'per-class rows showing the hostile caption literally');
      eq(await cells.first().textContent(), HOSTILE_CAPTION, 'the caption text');
      eq(await frame.locator('img[src="x"]').count(), 0, 'img elements made from the caption');
      // The report opens before its thumbnails: wait until the last "being made" placeholder is filled in.
      await frame.locator('[data-thumb-pending]').first().waitFor({ state: 'detached', timeout: 60_000 });
      const srcs = await frame.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? ''));
      assert(srcs.length > 0, 'thumbnails are shown');
      for (const src of srcs) assert(/^https:\/\/[^/]*vscode-(resource|cdn)/.test(src) || src.startsWith('vscode-'), `thumbnail from the webview resource roots: ${src}`);
      eq(dialogs.length, 0, `dialogs opened (${dialogs.join(', ')})`);
    },
  },
  {
    name: 'misses-only filter lists the 6 fine-tuned misses, rows expand to top-k',
    dependsOnPrevious: true,
    async run({ page }) {
      const frame = await reportFrame(page);
      const panel = frame.locator('[data-mode="text-to-image"]');
      const count = panel.locator('[data-testid="query-count"]');
      eq(await count.textContent(), '26 of 26 queries', 'before filtering');
      // Keyboard, as a keyboard user toggles it (Playwright's synthetic mouse click on the custom element's
      // centre does not reach its shadow label inside code-server's nested webview frames).
      await panel.locator('vscode-checkbox').first().focus();
      await page.keyboard.press('Space');
      // Locators, not waitForFunction: the webview's CSP has no unsafe-eval, so Playwright cannot evaluate strings there.
      await panel.locator('[data-testid="query-count"]', { hasText: /^6 of 26 queries$/ }).waitFor({ timeout: 10_000 });
      const first = panel.locator('table.per-query tbody tr[data-query]').first();
      await first.locator('button.expand').click();
      const detail = panel.locator('table.per-query tbody tr.detail:not([hidden])').first();
      eq(await detail.locator('ol.topk').count(), 2, 'a top-k list per model');
      eq(await detail.locator('ol.topk').first().locator('li').count(), 10, 'top-10 rows with scores');
      eq(await panel.locator('vscode-checkbox').first().evaluate((el) => (el as unknown as { checked: boolean }).checked), true, 'the checkbox shows checked');
      const fineTunedTop1 = await panel.locator('table.per-query tbody tr[data-query] td:last-child vscode-badge').allTextContents();
      eq(fineTunedTop1.join(','), 'miss,miss,miss,miss,miss,miss', 'every listed query is a fine-tuned miss');
    },
  },
  {
    name: 'export: metric table as CSV, and a self-contained HTML snapshot that renders on its own',
    dependsOnPrevious: true,
    async run({ page, reportPath, report, dialogs }) {
      const frame = await reportFrame(page);
      const dir = path.dirname(reportPath);
      const csv = path.join(dir, 'exported-metrics.csv');
      await frame.locator('[data-mode="text-to-image"] [data-export="metrics-csv"]').first().focus();
      await page.keyboard.press('Enter');
      await answerFileDialog(page, csv);
      await waitForFile(csv);
      const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
      eq(lines[0], 'metric,family,k,base,fine-tuned,fine-tuned - base', 'CSV header');
      const top1 = report.modes.find((m) => m.mode === 'text-to-image')?.results.find((r) => r.model === 'fine-tuned')?.metrics['accuracy@1'];
      assert(lines.some((l) => l.startsWith('"Top-1 accuracy (AWS ""precision"")",accuracy,1,') && l.includes(String(top1))), 'the top-1 row carries the report value');

      const html = path.join(dir, 'snapshot.html');
      await frame.locator('[data-export="snapshot"]').focus();
      await page.keyboard.press('Enter');
      await answerFileDialog(page, html);
      await waitForFile(html);
      const browser = page.context().browser();
      assert(browser, 'the workbench page has a browser');
      const snap = await browser.newPage();
      try {
        const requests: string[] = [];
        snap.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
        snap.on('dialog', (d) => { dialogs.push(`snapshot ${d.type()}: ${d.message()}`); void d.dismiss(); });
        await snap.goto(`file://${html}`);
        const words = snap.locator('[data-mode="text-to-image"] [data-testid="headline-words"]').first();
        await words.waitFor();
        assert((await words.textContent())?.startsWith('Top-1 accuracy: fine-tuned is better by'), 'the snapshot shows the headline');
        eq(await snap.locator('td.label', { hasText: HOSTILE_CAPTION }).count() > 0, true, 'hostile caption as text in the snapshot');
        eq(await snap.locator('img[src="x"]').count(), 0, 'no img from the caption in the snapshot');
        eq(await snap.locator('[data-export]').count(), 0, 'no export buttons without a host');
        eq(await snap.locator('[data-mode="text-to-image"] canvas[data-map-model]').count(), report.models.length, 'the map, a panel per model');
        const snapSrcs = await snap.locator('img.thumb').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? ''));
        assert(snapSrcs.length > 0 && snapSrcs.every((src) => src.startsWith('data:image/png;base64,')), 'thumbnails embedded as data: URIs');
        const snapText = fs.readFileSync(html, 'utf8');
        assert(/"mapImages":\{"base":"data:image\/png;base64,/.test(snapText), 'the map pictures are embedded');
        eq(requests.length, 0, `network requests from the snapshot (${requests.join(', ')})`);
        eq(dialogs.length, 0, `dialogs (${dialogs.join(', ')})`);
      } finally {
        await snap.close();
      }
    },
  },
  {
    name: 'screenshots in light and dark themes',
    dependsOnPrevious: true,
    async run({ page, artifacts }) {
      for (const [theme, cls] of [['Light Modern', 'vscode-light'], ['Dark Modern', 'vscode-dark']] as const) {
        await runCommand(page, 'Preferences: Color Theme');
        const input = page.locator('.quick-input-widget input');
        await input.fill(theme);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
        await page.keyboard.press('Enter');
        const frame = await reportFrame(page);
        await frame.locator(`body.${cls}`).waitFor({ timeout: 30_000 });
        await frame.locator('header h1').scrollIntoViewIfNeeded();
        const file = path.join(artifacts, `compare-${cls.replace('vscode-', '')}.png`);
        await page.screenshot({ path: file });
        assert(fs.statSync(file).size > 10_000, `${file} holds a real screenshot`);
      }
    },
  },
  ...MAP_TESTS,
  {
    name: 'map: a 10,000-point map paints and answers hover (measured, not asserted); long and right-to-left labels stay text',
    dependsOnPrevious: true,
    async run({ page, reportPath, report, dialogs }) {
      const big = path.join(path.dirname(reportPath), 'big-map.report.json');
      fs.writeFileSync(big, JSON.stringify(bigMapReport(report)));
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Bedrock Customizer: Open Comparison Report...');
      await answerFileDialog(page, big);
      const frame = await reportFrame(page);
      const m = await measureBigMap(page, frame);
      console.log(`      MEASURE map-10000 data-received-to-first-paint=${m.paintMs.toFixed(1)}ms (target <= 300) hover-feedback-median=${m.hoverMs.toFixed(1)}ms (target <= 50)`);
      const legend = await frame.locator('[data-mode="text-to-image"] .map-legend bdi').allTextContents();
      assert(legend.some((t) => t.includes('\u202Egnp.exe')), 'the right-to-left override label is legend text');
      assert(legend.some((t) => t.startsWith('xxxx') && t.endsWith('(10,000 characters)')), 'the 10,000-character label is cut, as text');
      eq(dialogs.length, 0, 'no dialog');
      await runCommand(page, 'View: Close All Editors');
    },
  },
  {
    name: 'map: a schema-1 report offers Compute embedding map; the host computes it from the recorded embeddings files',
    dependsOnPrevious: true,
    async run({ page, reportPath, report }) {
      const dir = path.dirname(reportPath);
      const old: Partial<ComparisonReport> = { ...report, schemaVersion: 1, inputs: ['base', 'fine-tuned'].map((model) => {
        const file = path.join(dir, `${model}.embeddings.jsonl`);
        const bytes = fs.readFileSync(file);
        return { role: 'embeddings', source: file, model, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      }) };
      delete old.embeddingMap;
      const oldPath = path.join(dir, 'schema1.report.json');
      fs.writeFileSync(oldPath, JSON.stringify(old));
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Bedrock Customizer: Open Comparison Report...');
      await answerFileDialog(page, oldPath);
      const frame = await reportFrame(page);
      const panel = frame.locator('[data-mode="text-to-image"]');
      eq(await panel.locator('canvas[data-map-model]').count(), 0, 'no map before asking');
      await panel.locator('[data-action="compute-map"]').focus();
      await page.keyboard.press('Enter');
      await panel.locator('canvas[data-map-model]').nth(report.models.length - 1).waitFor({ timeout: 30_000 });
      const mode = report.modes.find((m) => m.mode === 'text-to-image');
      eq(Number(await panel.locator('canvas[data-map-model]').first().getAttribute('data-points')), mode?.corpusSize, 'the computed map has every corpus image');
      await runCommand(page, 'View: Close All Editors');
    },
  },
];

// The report tests first: the user path's comparison opens a second report panel after closing this one. The batch
// reload last: it reloads the window.
export const TESTS: E2eTest[] = [...REPORT_TESTS, ...USER_PATH, ...BATCH_RELOAD];
