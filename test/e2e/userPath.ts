// The whole user path in the browser, against the local emulator, on the demo workspace that `npm run demo` shows
// (scripts/lib/demo-env.mjs): read a bad manifest's problems, fix one from the lightbulb, launch from the job spec
// through the palette, watch the job complete, provision from the model's context menu, compare (the ARN copied
// from the explorer into the compare spec), clean up. One screenshot per step in test-artifacts/e2e/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  acceptInput, answerDialog, answerFileDialog, assert, clearNotifications, contextMenu, eq, openFile, pickQuickItem, problemCounts, problems, quickInput,
  reportFrame, runCommand, screenshot, treeRow, waitForFile,
} from './workbench';

export interface DemoFiles { training: string; validation: string; mistakes: string; test: string; jobSpec: string; compareSpec: string }

export interface PathContext {
  page: Page;
  artifacts: string;
  files: DemoFiles;
  endpoints: Record<string, string>;
  /** Text in the compare spec to replace with the provisioned throughput's ARN. */
  placeholder: string;
}

/** `dependsOnPrevious`: a step that builds on the one before it (not run when an earlier step failed). */
export interface PathTest { name: string; dependsOnPrevious?: boolean; run(ctx: PathContext): Promise<void> }

const JOB = 'letters-finetune-1';
/** The demo's batch role (its job spec's role: the emulator checks only the account) and a batch working prefix. */
const BATCH_ROLE = 'arn:aws:iam::123456789012:role/BedrockMmDemoFineTuning';
const BATCH_PREFIX = 's3://bedrock-mm-demo/bedrock-mm-batch-e2e/';
const MODEL = 'letters-tuned-1';

async function showSidebar(page: Page): Promise<void> {
  await runCommand(page, 'View: Show Bedrock Customizer');
  await page.locator('.pane-header', { hasText: 'Custom Models' }).waitFor();
}

const STEPS: PathTest[] = [
  {
    name: 'the walkthrough opens from the palette; its "Select AWS Profile" button picks the demo profile',
    async run({ page, artifacts }) {
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await pickQuickItem(page, 'Fine-tune Titan on Bedrock');
      const step = page.locator('.getting-started-step', { hasText: 'Connect to AWS' }).first();
      await step.waitFor();
      await screenshot(page, artifacts, '00-walkthrough');
      // The walkthrough re-renders when a step's command runs and may take focus back, which closes the picker
      // (quick picks close on focus loss): then the user clicks the button again, and so does this test.
      let typed = false;
      for (let attempt = 1; attempt <= 5 && !typed; attempt++) {
        await step.getByRole('button', { name: 'Select AWS Profile' }).click();
        // It may also close before it is ever seen: then the wait times out and the button is clicked again.
        const shown = await quickInput(page).filter({ hasText: 'AWS profile' }).waitFor({ timeout: 5_000 }).then(() => true, () => false);
        if (!shown) continue;
        // Typed as a user filters the list; Enter takes the (only) match.
        typed = await page.locator('.quick-input-widget input.input').fill('demo', { timeout: 3_000 }).then(() => true, () => false);
      }
      if (!typed) throw new Error('the AWS profile picker closed every time the walkthrough button opened it');
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'demo' }).first().waitFor();
      await page.keyboard.press('Enter');
      await quickInput(page).waitFor({ state: 'hidden' });
      await page.locator('.statusbar-item', { hasText: 'AWS: demo · us-east-1' }).first().waitFor();
    },
  },
  {
    name: 'the bad manifest: the Problems panel lists each mistake with its message',
    async run({ page, artifacts }) {
      await page.keyboard.press('Escape'); // nothing left open from an earlier step
      await runCommand(page, 'View: Close All Editors');
      await openFile(page, 'data/letters-draft.manifest.jsonl');
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'Caption has 2,730 characters' }).waitFor({ timeout: 60_000 });
      const counts = await problemCounts(page);
      eq(counts.errors, 4, 'errors in the status bar');
      eq(counts.warnings, 2, 'warnings in the status bar');
      const lines = (await problems(page)).join('\n');
      for (const expected of [
        "Invalid JSON: Trailing comma before '}': remove it",
        'Missing required key "image-ref"',
        'Unknown key "image_ref": did you mean "image-ref"?',
        'an HTTP(S) URL is not accepted: write the object as s3://bucket/key',
        'Duplicate image s3://bedrock-mm-demo/images/A/A1.png: same image and caption as line 1',
        'Bedrock allows at most 2,560',
      ]) assert(lines.includes(expected), `the Problems panel shows "${expected}" (it shows:\n${lines})`);
      await screenshot(page, artifacts, '01-manifest-problems');
    },
  },
  {
    name: 'a quick fix from the lightbulb (Ctrl+.) renames "image_ref" and its two problems go',
    async run({ page, artifacts, files }) {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await acceptInput(page, /line/i, ':3:3'); // Ctrl+G opens Quick Open with ':'; line 3, column 3
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Rename "image_ref" to "image-ref"' }).first();
      await fix.waitFor();
      await screenshot(page, artifacts, '02-quick-fix');
      // The widget takes the keyboard (a pointer block covers the page): move to the fix and press Enter.
      for (let i = 0; i < 10 && !/\bfocused\b/.test((await fix.getAttribute('class')) ?? ''); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'Missing required key' }).waitFor({ state: 'detached' });
      await page.keyboard.press('Control+S');
      const counts = await problemCounts(page);
      eq(`${counts.errors}/${counts.warnings}`, '3/1', 'errors/warnings after the fix');
      await waitForFile(files.mistakes, (text) => (text.split('\n')[2] ?? '').startsWith('{"image-ref": '), 'line 3 saved with "image-ref"');
    },
  },
  {
    name: 'Launch Fine-Tuning from the command palette with the job spec open: confirmed, the job is created',
    async run({ page, artifacts }) {
      await openFile(page, 'letters.bedrock-job.json');
      await page.locator('.codelens-decoration', { hasText: `Launch "${JOB}"` }).waitFor({ timeout: 30_000 });
      await runCommand(page, 'Bedrock Customizer: Launch Fine-Tuning...');
      const dialog = await answerDialog(page, `Launch fine-tuning job "${JOB}"?`, 'Launch', 120_000);
      assert(dialog.includes(`custom model "${MODEL}"`), `the confirmation names the model it creates: ${dialog}`);
      await showSidebar(page);
      await treeRow(page, 'Customization Jobs', JOB).waitFor({ timeout: 30_000 });
      await screenshot(page, artifacts, '03-job-launched');
    },
  },
  {
    name: 'the job reaches Completed in the Customization Jobs view and its model appears',
    async run({ page, artifacts }) {
      await treeRow(page, 'Customization Jobs', JOB).filter({ hasText: 'Completed' }).waitFor({ timeout: 90_000 });
      // The explorer refreshes the model list when a job completes; the title-bar refresh is what a user clicks otherwise.
      const model = treeRow(page, 'Custom Models', MODEL);
      if (!(await model.waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
        await runCommand(page, 'Bedrock Customizer: Refresh Explorer');
        await model.waitFor({ timeout: 30_000 });
      }
      await screenshot(page, artifacts, '04-explorer-completed');
    },
  },
  {
    name: 'Provision Throughput from the model\'s context menu: name, units, no commitment, confirm; it reaches InService',
    async run({ page, artifacts }) {
      await contextMenu(page, treeRow(page, 'Custom Models', MODEL), 'Provision Throughput...');
      await acceptInput(page, 'Name of the provisioned throughput');
      await acceptInput(page, 'Model units');
      await pickQuickItem(page, 'No commitment');
      const dialog = await answerDialog(page, 'Provision throughput', 'Provision');
      assert(/every hour|hourly/i.test(dialog), `the confirmation says it bills hourly: ${dialog}`);
      await treeRow(page, 'Provisioned Throughput', `${MODEL}-pt`).filter({ hasText: 'InService' }).waitFor({ timeout: 60_000 });
      await clearNotifications(page);
      await screenshot(page, artifacts, '05-throughput-in-service');
    },
  },
  {
    name: 'Copy ARN from the explorer into the compare spec, Run comparison: the report headline shows fine-tuned better',
    async run({ page, artifacts, files, placeholder }) {
      await contextMenu(page, treeRow(page, 'Provisioned Throughput', `${MODEL}-pt`), 'Copy ARN');
      await page.locator('.statusbar-item', { hasText: 'Copied arn:' }).waitFor(); // written to the clipboard by then
      const arn = await page.evaluate<string>('navigator.clipboard.readText()');
      assert(/^arn:aws:bedrock:us-east-1:123456789012:provisioned-model\//.test(arn), `the clipboard holds the throughput ARN: ${arn}`);
      await openFile(page, 'letters.compare.json');
      // Find the placeholder, close the find widget (the match stays selected, the editor has the focus) and type the ARN over it.
      await page.keyboard.press('Control+F');
      await page.locator('.find-widget textarea, .find-widget input').first().fill(placeholder);
      await page.keyboard.press('Enter');
      await page.locator('.statusbar-item', { hasText: `(${placeholder.length} selected)` }).waitFor();
      await page.locator('.find-widget.visible').getByRole('button', { name: /^Close/ }).click();
      await page.locator('.find-widget.visible').waitFor({ state: 'hidden' });
      await page.keyboard.insertText(arn);
      await page.keyboard.press('Control+S');
      await waitForFile(files.compareSpec, (text) => text.includes(`"modelId": "${arn}"`), 'the saved spec names the throughput');
      await page.keyboard.press('Control+Home'); // back to the top, where the CodeLens is
      await page.locator('.codelens-decoration a', { hasText: 'Run comparison' }).first().click();
      // The report panel, or the error notification that says why there is none (fail now, not at the timeout).
      const failure = page.locator('.notification-toast', { has: page.locator('.codicon-error') }).locator('.notification-list-item-message');
      const frame = await Promise.race([
        reportFrame(page, 240_000),
        failure.waitFor({ timeout: 240_000 }).then(async () => { throw new Error(`the comparison failed: ${await failure.first().textContent()}`); }),
      ]);
      const headline = frame.locator('[data-mode="text-to-image"] [data-testid="headline-words"]').first();
      const words = (await headline.textContent()) ?? '';
      assert(/^Top-1 accuracy: fine-tuned is better by \d\.\d\d/.test(words), `the headline says fine-tuned is better: ${words}`);
      const base = Number(await frame.locator('[data-mode="text-to-image"] [data-testid="baseline-top1"]').first().textContent());
      const tuned = Number(await frame.locator('[data-mode="text-to-image"] [data-testid="model-top1"]').first().textContent());
      assert(tuned > base, `fine-tuned top-1 ${tuned} above base ${base}`);
      await frame.locator('header h1').scrollIntoViewIfNeeded();
      await clearNotifications(page);
      await runCommand(page, 'View: Hide Panel'); // the report gets the editor area's full height
      await screenshot(page, artifacts, '06-comparison-report');
    },
  },
  {
    name: 'Compare Models... from the custom model\'s context menu: test set, the contenders pick (ticked, with cost words), batch; the report shows base, fine-tuned and the contenders',
    async run({ page, artifacts, files }) {
      await runCommand(page, 'View: Close All Editors');
      await showSidebar(page);
      await contextMenu(page, treeRow(page, 'Custom Models', MODEL), 'Compare Models...');
      await answerFileDialog(page, files.test);
      const pick = quickInput(page).filter({ hasText: 'add the strongest off-the-shelf contenders' });
      await pick.waitFor({ timeout: 60_000 });
      const rows = pick.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Nova Multimodal Embeddings' }).waitFor();
      const listed = (await rows.allTextContents()).join('\n');
      assert(listed.includes('Cohere Embed v4'), `both contenders are offered: ${listed}`);
      assert(/set bedrockCustomizer\.pricing\.nova\.onDemandPerImage/.test(listed), `the Nova row says which price setting gives an estimate: ${listed}`);
      await screenshot(page, artifacts, '07-contenders-pick');
      await page.keyboard.press('Enter');
      await pick.waitFor({ state: 'hidden' });
      // The spec opens for review; its CodeLens runs it.
      await page.locator('.tabs-container .tab.active', { hasText: '.compare.json' }).waitFor();
      // Enter kept what came ticked: both contenders are model entries of the written spec.
      const dir = path.dirname(files.compareSpec);
      const written = fs.readdirSync(dir).filter((f) => f.endsWith('.compare.json') && path.join(dir, f) !== files.compareSpec);
      eq(written.length, 1, `the spec written from the model (${written.join(', ')})`);
      const spec = JSON.parse(fs.readFileSync(path.join(dir, written[0] ?? ''), 'utf8')) as { models: { name: string; modelId: string; inference?: string }[] };
      eq(spec.models.map((m) => `${m.name}${m.inference ? `:${m.inference}` : ''}`).join(','), 'base,fine-tuned:batch,nova-mme,cohere-embed-v4', 'the spec\'s models (contenders ticked by default)');
      await page.locator('.codelens-decoration a', { hasText: 'Run comparison' }).first().click();
      // The spec has no batch role or prefix (its test set is a local file): the run asks for both.
      const role = quickInput(page).filter({ hasText: 'Batch inference for the comparison' });
      await role.waitFor({ timeout: 60_000 });
      await page.locator('.quick-input-widget input.input').fill(BATCH_ROLE);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: BATCH_ROLE }).first().waitFor({ timeout: 5_000 }).catch(() => undefined); // a pick shows it as "Use ..."; a text step has no list
      await page.keyboard.press('Enter');
      await acceptInput(page, 'S3 prefix for the batch input', BATCH_PREFIX);
      // Four models' lines make the dialog taller than the window: its button is pressed from the keyboard.
      const dialog = page.locator('.monaco-dialog-box').filter({ hasText: /Batch inference jobs are submitted/ });
      await dialog.waitFor({ timeout: 120_000 });
      const confirm = (await dialog.textContent()) ?? '';
      await dialog.getByRole('button', { name: 'Submit Batch Jobs', exact: true }).press('Enter');
      await dialog.waitFor({ state: 'detached' });
      assert(/fine-tuned \(arn:[^)]+custom-model[^)]+\): batch/.test(confirm), `the fine-tuned model goes by batch: ${confirm}`);
      assert(/nova-mme \(amazon\.nova-2-multimodal-embeddings-v1:0\): on-demand/.test(confirm), `Nova on demand: ${confirm}`);
      const failure = page.locator('.notification-toast', { has: page.locator('.codicon-error') }).locator('.notification-list-item-message');
      const frame = await Promise.race([
        reportFrame(page, 300_000),
        failure.waitFor({ timeout: 300_000 }).then(async () => { throw new Error(`the comparison failed: ${await failure.first().textContent()}`); }),
      ]);
      const mode = frame.locator('[data-mode="text-to-image"]');
      const verdict = (await mode.locator('[data-testid="verdict"]').first().textContent()) ?? '';
      assert(/^fine-tuned /.test(verdict) && verdict.includes('base') && /nova-mme|cohere-embed-v4/.test(verdict), `the headline names fine-tuned against base and the best contender: ${verdict}`);
      for (const model of ['fine-tuned', 'nova-mme', 'cohere-embed-v4']) {
        eq(await mode.locator(`.comparison[data-model="${model}"]`).count(), 1, `${model} compared with base`);
        // The demo sets no prices: each cost line gives counts only, never an invented amount.
        const cost = (await mode.locator(`[data-testid="cost"][data-model="${model}"]`).first().textContent()) ?? '';
        assert(new RegExp(`^cost ${model}: \\d+ images and about \\d+ text tokens embedded this run; no prices set, so no amounts$`).test(cost), `${model}'s cost line: ${cost}`);
      }
      await clearNotifications(page);
      await screenshot(page, artifacts, '07-contenders-report');
    },
  },
  {
    name: 'Clean Up from the command palette: tick, delete, confirm; the models and throughputs views are empty',
    async run({ page, artifacts }) {
      await runCommand(page, 'View: Close All Editors');
      await showSidebar(page);
      await runCommand(page, 'Bedrock Customizer: Clean Up...');
      await quickInput(page).filter({ hasText: 'tick what to delete' }).waitFor({ timeout: 60_000 });
      await screenshot(page, artifacts, '08-cleanup-checklist');
      await page.keyboard.press('Enter');
      await pickQuickItem(page, /^Delete \d+ resources?/);
      await answerDialog(page, /delete/i, 'Delete');
      // Costly resources ask for their name, typed as the placeholder shows it.
      const typeName = quickInput(page).filter({ hasText: 'Confirm by typing the name' });
      const done = treeRow(page, 'Custom Models', 'No custom models');
      for (;;) {
        const next = await Promise.race([
          typeName.waitFor({ timeout: 120_000 }).then(() => 'type' as const),
          done.waitFor({ timeout: 120_000 }).then(() => 'done' as const),
        ]);
        if (next === 'done') break;
        const name = (await page.locator('.quick-input-widget input.input').getAttribute('placeholder')) ?? '';
        await acceptInput(page, 'Confirm by typing the name', name);
        await typeName.waitFor({ state: 'hidden' });
      }
      await treeRow(page, 'Provisioned Throughput', 'No provisioned throughputs').waitFor({ timeout: 60_000 });
      await screenshot(page, artifacts, '09-cleaned-up');
    },
  },
];

// Each step builds on the one before it, except the walkthrough, the first manifest step and the clean-up (which
// removes whatever the earlier steps created).
export const USER_PATH: PathTest[] = STEPS.map((t, i) => ({ ...t, dependsOnPrevious: i > 1 && !t.name.startsWith('Clean Up') }));
