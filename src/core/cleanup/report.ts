// Plain-text renderings shared by the CLI and the extension's log: the plan in deletion order, and a run's
// verification report (gone / still there and why / failed and what to do).
import { costWording, whereWording } from './cost';
import type { RunReport } from './executor';
import { orderPlan } from './order';
import type { CleanupPlan } from './plan';

export function formatPlan(plan: CleanupPlan, now: Date): string {
  const ordering = orderPlan(plan);
  const lines = [`Clean-up plan for ${plan.region}: ${plan.resources.filter((r) => r.selected).length} of ${plan.resources.length} resource(s) ticked, in deletion order.`];
  let step = 1;
  ordering.waves.forEach((wave, w) => {
    lines.push(`Step ${w + 1}:`);
    for (const r of wave) {
      lines.push(`  ${step}. [${r.kind}] ${r.label} — ${whereWording(r)}`);
      lines.push(`     cost: ${costWording(r.cost, now)}`);
      lines.push(`     why: ${r.reasons.map((x) => x.detail).join('; ')}`);
      step += 1;
    }
  });
  const kept = plan.resources.filter((r) => !r.selected);
  if (kept.length > 0) lines.push(`Kept (unticked, never touched): ${kept.map((r) => r.label).join(', ')}`);
  for (const w of ordering.warnings) lines.push(`Warning: ${w}`);
  for (const p of ordering.problems) lines.push(`Problem: ${p}`);
  return `${lines.join('\n')}\n`;
}

export interface RunCounts { gone: number; stillThere: number; unknown: number; failed: number; alreadyGone: number; deleted: number }

export function countRun(report: RunReport): RunCounts {
  const c = { gone: 0, stillThere: 0, unknown: 0, failed: 0, alreadyGone: 0, deleted: 0 };
  for (const r of report.results) {
    if (r.verdict === 'gone') c.gone += 1;
    if (r.verdict === 'still-there') c.stillThere += 1;
    if (r.verdict === 'unknown') c.unknown += 1;
    if (r.action === 'failed' || r.action === 'blocked' || r.action === 'cancelled') c.failed += 1;
    if (r.action === 'already-gone') c.alreadyGone += 1;
    if (r.action === 'deleted' || r.action === 'stopped') c.deleted += 1;
  }
  return c;
}

/** One sentence for a notification. */
export function summarizeRun(report: RunReport): string {
  if (report.problems.length > 0) return `Clean-up not started: ${report.problems.join(' ')}`;
  if (report.dryRun) return `Preview: ${report.results.length} resource(s) would be deleted; nothing was touched.`;
  const c = countRun(report);
  const parts = [`${c.deleted} deleted`, `${c.alreadyGone} already gone`];
  if (c.stillThere > 0) parts.push(`${c.stillThere} still there`);
  if (c.unknown > 0) parts.push(`${c.unknown} could not be checked`);
  const verdict = c.stillThere + c.unknown === 0 ? 'everything in the plan is gone' : 'run it again to finish (it only retries what is left)';
  return `Clean-up: ${parts.join(', ')}; ${verdict}.`;
}

export function formatRun(report: RunReport): string {
  const lines = [summarizeRun(report)];
  for (const r of report.results) {
    const verdict = r.verdict === 'gone' ? 'gone' : r.verdict === 'still-there' ? `STILL THERE (${r.verdictDetail ?? ''})`
      : r.verdict === 'unknown' ? `UNKNOWN (${r.verdictDetail ?? ''})` : 'not checked';
    const msg = r.message && r.verdict !== 'still-there' ? ` — ${r.message}` : '';
    lines.push(`  [${r.kind}] ${r.label}: ${r.action}${r.attempts > 1 ? ` after ${r.attempts} attempts` : ''}; ${verdict}${msg}`);
  }
  for (const k of report.kept) lines.push(`  kept (unticked): ${k.label}`);
  for (const w of report.warnings) lines.push(`  warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
