// Helpers that drive the VS Code workbench in the browser as a person does: the command palette, Quick Open, the
// Problems panel, context menus, modal dialogs and quick inputs. Every wait is on a UI condition, never a sleep.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export function eq(actual: unknown, expected: unknown, what: string): void {
  assert(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');
const quickInputBox = (page: Page): Locator => page.locator('.quick-input-widget input.input');
const quickRow = (page: Page, text: string | RegExp): Locator =>
  page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: text }).first();

/** Opens the command palette; false when it did not show (focus was where F1 is not heard). */
async function openPalette(page: Page): Promise<boolean> {
  const shown = (): Promise<boolean> => quickInputBox(page).waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
  await page.keyboard.press('F1');
  if (await shown()) return true;
  // Focus can sit where F1 is not heard (e.g. a walkthrough's button or a webview): give it back to the workbench.
  await page.locator('.part.titlebar').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F1');
  return shown();
}

/**
 * Runs a command through the command palette, as a user would. The palette lists what was registered when it
 * opened, so when the extension's contributions are not in yet it is closed and opened again; a palette that
 * closes under the test (a panel or notification taking focus) is opened again too.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  // The row whose label is exactly the title ("Preferences: Color Theme", not "...Color Themes in Marketplace").
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegex(title)}$`) }) }).first();
  for (let attempt = 1; attempt <= 12; attempt++) {
    if (!(await openPalette(page))) continue;
    const typed = await quickInputBox(page).fill(`>${title}`, { timeout: 3_000 }).then(() => true, () => false);
    if (typed && (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
      await row.click();
      return;
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`the command palette never listed "${title}"`);
}

/** Opens a workspace file with Quick Open (Ctrl+P), typing its relative path, and waits for its editor tab. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await quickInputBox(page).waitFor({ state: 'visible' });
  await quickInputBox(page).fill(relativePath);
  await quickRow(page, path.basename(relativePath)).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(relativePath) }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Picks the quick-pick row showing `text` (a native quick pick the extension opened). */
export async function pickQuickItem(page: Page, text: string | RegExp): Promise<void> {
  const row = quickRow(page, text);
  if (typeof text === 'string') {
    // Typed into the filter as a user narrows the list; Enter takes the first match (no pointer to lose).
    await quickInputBox(page).fill(text);
    await row.waitFor();
    await page.keyboard.press('Enter');
    return;
  }
  await row.waitFor();
  await row.click();
}

/** Waits for a quick input whose title or prompt shows `text`, then accepts it with Enter (the offered value). */
export async function acceptInput(page: Page, text: string | RegExp, typed?: string): Promise<void> {
  await quickInput(page).filter({ hasText: text }).waitFor();
  if (typed !== undefined) await quickInputBox(page).fill(typed);
  await quickInputBox(page).press('Enter');
}

/** The modal dialog showing `message`: clicks its `button`. */
export async function answerDialog(page: Page, message: string | RegExp, button: string, timeoutMs = 60_000): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: message });
  await dialog.waitFor({ timeout: timeoutMs });
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

/** Rows of the Problems panel (opened with Ctrl+Shift+M): one line per marker, as a screen reader hears it. */
export async function problems(page: Page): Promise<string[]> {
  const rows = page.locator('.markers-panel .monaco-list-row');
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
}

/** The Problems panel's badge in the status bar, e.g. {errors: 4, warnings: 1}. */
export async function problemCounts(page: Page): Promise<{ errors: number; warnings: number }> {
  const label = (await page.locator('#status\\.problems a, #status\\.problems').first().getAttribute('aria-label')) ?? '';
  const n = (re: RegExp): number => Number(re.exec(label)?.[1] ?? Number.NaN);
  return { errors: n(/Errors?: (\d+)/i), warnings: n(/Warnings?: (\d+)/i) };
}

/** A row of one of the extension's tree views (in the Bedrock Customizer sidebar). */
export function treeRow(page: Page, view: string, text: string | RegExp): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: view }) })
    .locator('.monaco-list-row').filter({ hasText: text }).first();
}

/** Right-clicks `row` and chooses `item` from its context menu. */
export async function contextMenu(page: Page, row: Locator, item: string): Promise<void> {
  await row.click({ button: 'right' });
  const entry = page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: item });
  await entry.waitFor();
  // Hovering focuses the entry; Enter runs it (a synthetic click on web context menus can be lost to their focus handling).
  await entry.hover();
  await page.keyboard.press('Enter');
  await entry.waitFor({ state: 'detached' });
}

/** The webview's content frame that holds a report headline (the report panel's inner iframe). */
export async function reportFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator('[data-testid="headline-words"]').count().catch(() => 0) > 0) {
        // The first screen paints first; the tables, gallery and other tabs follow right after (webview-ui/src/app.ts).
        await frame.locator('#root[data-complete]').waitFor({ timeout: Math.max(1, deadline - Date.now()) });
        return frame;
      }
    }
    await page.waitForEvent('framenavigated', { timeout: 2_000 }).catch(() => undefined);
  }
  throw new Error('no webview frame with a report headline appeared');
}

/** Saves a screenshot of the workbench as a test artifact; returns its path. */
export async function screenshot(page: Page, artifacts: string, name: string): Promise<string> {
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until the saved file satisfies `ok` (the editor saves asynchronously); watches the file, no fixed sleep. */
export async function waitForFile(file: string, ok: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const read = (): string => { try { return fs.readFileSync(file, 'utf8'); } catch { return ''; } };
  if (ok(read())) return;
  await new Promise<void>((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => { if (ok(read())) { done(); resolve(); } });
    const timer = setTimeout(() => { done(); reject(new Error(`${what}: not on disk within ${timeoutMs} ms`)); }, timeoutMs);
    const done = (): void => { clearTimeout(timer); watcher.close(); };
    if (ok(read())) { done(); resolve(); }
  });
}

/** Clears notification toasts so a screenshot shows the product, not the last toast. */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').first().waitFor({ state: 'detached' });
}

/**
 * Answers VS Code's simple file dialog (files.simpleDialog.enable: a quick input) with a path. The dialog fills in
 * its start folder once that folder is listed, so type only after the listing (its ".." row) is shown, and check
 * the text stuck before accepting.
 */
export async function answerFileDialog(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '..' }).first().waitFor();
  for (let attempt = 0; attempt < 20; attempt++) {
    await input.fill(file);
    if (await input.inputValue() === file) break;
  }
  // While it lists the typed path's folder the dialog ignores Enter: press it again until the dialog closes.
  const widget = page.locator('.quick-input-widget');
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.keyboard.press('Enter');
    if (await widget.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false)) return;
    if (await input.inputValue() !== file) await input.fill(file);
  }
  throw new Error(`the file dialog did not accept ${file}`);
}
