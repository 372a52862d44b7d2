// package.json menus match contextValues by regex: check them against the ONE enum, so a renamed value or a typo
// in a `when` clause fails here instead of silently hiding a menu item.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContextValue, contextValueFor } from '../../../src/vscode/explorer/contextValues';

interface MenuItem { command: string; when?: string }
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuItem[]>; commands: { command: string }[] };
};
const values = Object.values(ContextValue) as string[];

/** The viewItem values a `when` clause accepts (only the forms package.json uses: `==` and `=~ /re/`). */
function accepted(when: string): string[] {
  const eq = /viewItem == ([\w.]+)/.exec(when);
  if (eq) return values.filter((v) => v === eq[1]);
  const re = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(when);
  if (re?.[1]) { const r = new RegExp(re[1]); return values.filter((v) => r.test(v)); }
  return [];
}

const itemMenus = pkg.contributes.menus['view/item/context'] ?? [];
const byCommand = (id: string): string[] => [...new Set(itemMenus.filter((m) => m.command === id).flatMap((m) => accepted(m.when ?? '')))].sort();

test('every item menu matches at least one contextValue, and every command it names is contributed', () => {
  const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
  for (const m of itemMenus) {
    assert.ok(accepted(m.when ?? '').length > 0, `${m.command}: "${m.when}" matches no ContextValue`);
    assert.ok(contributed.has(m.command), `${m.command} is not in contributes.commands`);
  }
});

test('destructive and lifecycle actions appear exactly where they apply', () => {
  assert.deepEqual(byCommand('bedrockCustomizer.stopJob'), [ContextValue.JobInProgress]);
  assert.deepEqual(byCommand('bedrockCustomizer.provisionThroughput'), [ContextValue.ModelActive]);
  assert.deepEqual(byCommand('bedrockCustomizer.deleteModel'), values.filter((v) => v.startsWith('bmc.model.')).sort());
  assert.deepEqual(byCommand('bedrockCustomizer.deleteThroughput'), values.filter((v) => v.startsWith('bmc.throughput.')).sort());
  assert.deepEqual(byCommand('bedrockCustomizer.stopBatchJob'), [
    ContextValue.BatchJobInProgress, ContextValue.BatchJobScheduled, ContextValue.BatchJobSubmitted, ContextValue.BatchJobValidating,
  ].sort(), 'Stop only where StopModelInvocationJob accepts the job');
  assert.ok(byCommand('bedrockCustomizer.copyArn').includes(ContextValue.BatchJobCompleted));
  assert.ok(!byCommand('bedrockCustomizer.showJobDetails').some((v) => v.startsWith('bmc.batchJob.')), 'job details are a customization job\'s');
  assert.deepEqual(byCommand('bedrockCustomizer.explorer.retry'), [ContextValue.Error]);
  const copy = byCommand('bedrockCustomizer.copyArn');
  assert.ok(![ContextValue.Error, ContextValue.Placeholder, ContextValue.LoadMore, ContextValue.SubStep].some((v) => copy.includes(v)));
});

test('statuses map to their contextValues, unknown ones to the kind\'s fallback', () => {
  assert.equal(contextValueFor('job', 'InProgress'), ContextValue.JobInProgress);
  assert.equal(contextValueFor('throughput', 'InService'), ContextValue.ThroughputInService);
  assert.equal(contextValueFor('model', 'Mystery'), ContextValue.ModelUnknown);
  assert.equal(contextValueFor('job', undefined), ContextValue.JobUnknown);
  assert.equal(contextValueFor('batchJob', 'PartiallyCompleted'), ContextValue.BatchJobPartiallyCompleted);
  assert.equal(contextValueFor('batchJob', 'Paused'), ContextValue.BatchJobUnknown);
});
