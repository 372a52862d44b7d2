// The text rendering of a comparison report for terminals and CI logs.

import type { ComparisonReport, MetricKey, ModeReport } from '../protocol/report';
import { costWords } from '../protocol/costWords';
import { verdict } from '../protocol/verdict';

const fmt = (x: number | null | undefined): string => (x == null ? '-' : Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(2) : x.toFixed(3));

function modeText(report: ComparisonReport, mode: ModeReport): string {
  const lines: string[] = [];
  lines.push(`== ${mode.mode}${mode.corpus ? ` (${mode.corpus})` : ''}: ${mode.queryCount} queries, corpus ${mode.corpusSize}`);
  const answer = verdict(report, mode);
  if (answer) lines.push(`Answer: ${answer}`);
  const keys = Object.keys(mode.results[0]?.metrics ?? {}) as MetricKey[];
  const names = mode.results.map((r) => r.model);
  const width = Math.max(22, ...keys.map((k) => k.length + 2));
  lines.push(['metric'.padEnd(width), ...names.map((n) => n.padStart(12))].join(''));
  for (const key of keys) lines.push([key.padEnd(width), ...mode.results.map((r) => fmt(r.metrics[key]).padStart(12))].join(''));
  for (const c of [...mode.comparisons, ...(mode.versusBestOther ?? [])]) {
    lines.push(
      `${c.model} vs ${c.baseline}: accuracy@1 difference ${fmt(c.difference)}, 95% CI [${fmt(c.ci95[0])}, ${fmt(c.ci95[1])}] ` +
        `(paired bootstrap, ${c.bootstrap.resamples} resamples, seed ${c.bootstrap.seed}), ` +
        `McNemar exact p = ${fmt(c.pValues.mcnemarExact)}, randomization p = ${fmt(c.pValues.randomization)} (${c.randomization.method}); ` +
        `both right ${c.outcomes.bothRight}, ${c.baseline} only ${c.outcomes.baselineOnly}, ${c.model} only ${c.outcomes.modelOnly}, both wrong ${c.outcomes.bothWrong}`,
    );
  }
  lines.push(...separationText(mode));
  for (const w of mode.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

/** Class separation per model (schema 2), the classes that got worse first. */
function separationText(mode: ModeReport): string[] {
  return mode.results.flatMap((r) => {
    const s = r.separation;
    if (!s) return [];
    const vs = s.vsBaseline
      ? `; silhouette vs baseline ${fmt(s.vsBaseline.difference)}, 95% CI [${fmt(s.vsBaseline.ci95[0])}, ${fmt(s.vsBaseline.ci95[1])}]` +
        (s.vsBaseline.worsenedClasses.length > 0 ? `; worse separated: ${s.vsBaseline.worsenedClasses.join(', ')}` : '; no class worse separated')
      : '';
    return [`separation ${r.model}: silhouette (cosine) ${fmt(s.silhouette)}, intra-class similarity ${fmt(s.intraClass)}, nearest other class ${fmt(s.nearestOtherClass)}${vs}`];
  });
}

export function formatReportText(report: ComparisonReport): string {
  const head = [
    `Comparison report (schema ${report.schemaVersion}), baseline ${report.baseline}, k = ${report.k.join(',')}`,
    `Similarity: ${report.conventions.similarity}; ties: ${report.conventions.tieBreak}.`,
    `MAP: ${report.conventions.averagePrecision}.`,
    `Labels: ${report.conventions.labelRule}.`,
  ];
  const skipped = (report.skipped ?? []).map((m) => `skipped ${m.name} (${m.modelId}): ${m.reason}`);
  const costs = report.models.flatMap((m) => (m.cost ? [costWords(m.name, m.cost)] : []));
  const extra = [...skipped, ...costs].length > 0 ? [[...skipped, ...costs].join('\n')] : [];
  return `${[...head, ...extra, ...report.modes.map((m) => modeText(report, m)), ...report.warnings.map((w) => `warning: ${w}`)].join('\n\n')}\n`;
}
