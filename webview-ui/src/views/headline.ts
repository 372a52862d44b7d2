// The answer at a glance: per comparison, baseline's and model's top-1 accuracy and chosen metric, the difference
// with its 95% interval and p-value in plain words, and the engine's warnings.
import type { ComparisonReport, MetricKey, ModeReport } from '../../../src/protocol/report';
import { costWords } from '../../../src/protocol/costWords';
import { verdict } from '../../../src/protocol/verdict';
import { fmt, headlineP, metricDifference, metricLabel, plainWords, top1Difference } from '../logic/format';
import { h } from '../dom';

function figure(label: string, value: number | undefined, testid: string): HTMLElement {
  return h('div', { class: 'figure' }, h('div', { class: 'figure-label' }, label),
    h('div', { class: 'figure-value', attrs: { 'data-testid': testid } }, fmt(value)));
}

export function renderHeadline(report: ComparisonReport, mode: ModeReport, metric: MetricKey | undefined): HTMLElement {
  const section = h('section', { class: 'headline', attrs: { 'aria-label': 'Headline' } });
  const metricOf = (model: string, key: MetricKey): number | undefined => mode.results.find((r) => r.model === model)?.metrics[key];
  // The question a team asks first: better than what Bedrock offers off the shelf?
  const answer = verdict(report, mode);
  if (answer) section.append(h('p', { class: 'words verdict', attrs: { 'data-testid': 'verdict' } }, answer));
  // Each model's cost line, from the user's prices only (none set: counts only).
  for (const m of report.models) {
    if (m.cost) section.append(h('p', { class: 'fine-print', attrs: { 'data-testid': 'cost', 'data-model': m.name } }, costWords(m.name, m.cost)));
  }
  for (const s of report.skipped ?? []) {
    section.append(h('p', { class: 'fine-print', attrs: { 'data-testid': 'skipped' } }, `Skipped ${s.name} (${s.modelId}): ${s.reason}`));
  }
  if (mode.comparisons.length === 0) {
    section.append(h('p', {}, 'No model to compare with the baseline in this mode.'));
  }
  for (const c of mode.comparisons) {
    const top1 = top1Difference(c);
    const p = headlineP(c);
    const chosen = metric && metric !== 'accuracy@1' ? metricDifference(c, metric) : undefined;
    section.append(h('div', { class: 'comparison', attrs: { 'data-model': c.model } },
      h('div', { class: 'figures' },
        figure(`${c.baseline}: top-1 accuracy`, metricOf(c.baseline, 'accuracy@1'), 'baseline-top1'),
        figure(`${c.model}: top-1 accuracy`, metricOf(c.model, 'accuracy@1'), 'model-top1'),
        metric && metric !== 'accuracy@1' ? figure(`${c.baseline}: ${metricLabel(metric)}`, metricOf(c.baseline, metric), 'baseline-metric') : null,
        metric && metric !== 'accuracy@1' ? figure(`${c.model}: ${metricLabel(metric)}`, metricOf(c.model, metric), 'model-metric') : null),
      h('p', { class: 'words', attrs: { 'data-testid': 'headline-words' } }, `Top-1 accuracy: ${plainWords(top1, mode.queryCount)}`),
      chosen ? h('p', { class: 'words', attrs: { 'data-testid': 'metric-words' } }, `${metricLabel(metric ?? '')}: ${plainWords(chosen, mode.queryCount)}`) : null,
      h('p', { class: 'fine-print' },
        `Top-1: ${c.outcomes.bothRight} both right, ${c.outcomes.modelOnly} only ${c.model} right, ${c.outcomes.baselineOnly} only ${c.baseline} right, `
        + `${c.outcomes.bothWrong} both wrong; p by ${p.test}; interval by paired bootstrap (${c.bootstrap.resamples} resamples, seed ${c.bootstrap.seed}).`)));
  }
  const warnings = [...mode.warnings, ...report.warnings];
  if (warnings.length > 0) {
    section.append(h('ul', { class: 'warnings', attrs: { 'aria-label': 'Warnings' } },
      ...warnings.map((w) => h('li', {}, h('vscode-badge' as keyof HTMLElementTagNameMap, { attrs: { variant: 'counter' } }, '!'), ' ', w))));
  }
  return section;
}
