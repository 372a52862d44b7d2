// The report's answer in plain words for one mode: is the fine-tuned model better than the baseline and than the
// strongest off-the-shelf contender? Shared by the CLI's text and the webview's headline. Pure.
import type { ComparisonReport, ModelComparison, ModeReport } from './report';

const OFF_THE_SHELF = new Set(['nova-mme', 'cohere-embed-v4']);
const f2 = (x: number): string => x.toFixed(2);
const ci = (c: ModelComparison): string => `(${f2(c.ci95[0])} to ${f2(c.ci95[1])})`;

/**
 * "fine-tuned beats base by 0.69 top-1 (0.50 to 0.85) and nova by 0.21 (0.05 to 0.36)", or that an off-the-shelf
 * model is as good or better ("not worth it on this test set"). Undefined when the report has no off-the-shelf
 * contender or no fine-tuned model to speak of.
 */
export function verdict(report: ComparisonReport, mode: ModeReport): string | undefined {
  const familyOf = new Map(report.models.map((m) => [m.name, m.family]));
  const contenders = report.models.filter((m) => OFF_THE_SHELF.has(m.family ?? '')).map((m) => m.name);
  const tuned = report.models.find((m) => !m.baseline && !OFF_THE_SHELF.has(m.family ?? '') && (m.family === 'titan-mm-g1' || m.family === undefined));
  if (!tuned || contenders.length === 0) return undefined;
  const top1 = (name: string): number => mode.results.find((r) => r.model === name)?.metrics['accuracy@1'] ?? 0;
  const best = contenders.reduce((a, b) => (top1(b) > top1(a) ? b : a));
  const vsBase = mode.comparisons.find((c) => c.model === tuned.name);
  // The paired comparison with the strongest contender: versusBestOther when that is the best other model.
  const vsBest = mode.versusBestOther?.find((c) => c.model === tuned.name && c.baseline === best)
    ?? (report.baseline === best ? vsBase : undefined);
  const baseWords = vsBase && report.baseline !== best
    ? (vsBase.difference > 0 && vsBase.ci95[0] > 0 ? `beats ${report.baseline} by ${f2(vsBase.difference)} top-1 ${ci(vsBase)}` : `does not beat ${report.baseline} clearly (${f2(vsBase.difference)} top-1 ${ci(vsBase)})`)
    : undefined;
  if (!vsBest) {
    return `${tuned.name} top-1 ${f2(top1(tuned.name))}; the strongest off-the-shelf model, ${best} (${familyOf.get(best)}), ${f2(top1(best))}${top1(best) >= top1(tuned.name) ? ': not worth it on this test set' : ''}.`;
  }
  const wins = vsBest.difference > 0 && vsBest.ci95[0] > 0;
  const by = `${f2(vsBest.difference)}${baseWords ? '' : ' top-1'} ${ci(vsBest)}`;
  const bestWords = wins
    ? `${baseWords ? 'and' : 'beats'} ${best} by ${by}`
    : `${baseWords ? 'but ' : ''}${best} is as good or better (${f2(vsBest.difference)} top-1 ${ci(vsBest)}): not worth it on this test set`;
  return `${tuned.name} ${[baseWords, bestWords].filter(Boolean).join(' ')}.`;
}
