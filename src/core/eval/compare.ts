// Paired comparison of one model with the baseline over the queries both scored (matched by query id).

import type { MetricComparison, MetricKey, ModelComparison, ModelModeResult, PairedOutcomes } from '../../protocol/report';
import { mcnemarExact, pairedBootstrapCi, signFlipTest } from './stats';

export interface ComparisonSettings {
  bootstrapResamples: number;
  /** Sign patterns drawn when there are more than 20 non-zero differences. */
  randomizationSamples: number;
  seed: number;
}

export const DEFAULT_COMPARISON: ComparisonSettings = { bootstrapResamples: 10_000, randomizationSamples: 10_000, seed: 20240901 };

export interface PairedComparison {
  comparison: ModelComparison;
  /** Queries scored by only one of the two (they are left out of the comparison). */
  unpaired: number;
}

export function compareModels(base: ModelModeResult, other: ModelModeResult, s: ComparisonSettings): PairedComparison {
  const baseById = new Map(base.perQuery.map((q) => [q.queryId, q.metrics]));
  const pairs = other.perQuery.flatMap((q) => {
    const b = baseById.get(q.queryId);
    return b ? [{ base: b, other: q.metrics }] : [];
  });
  const unpaired = base.perQuery.length + other.perQuery.length - 2 * pairs.length;
  const keys = (Object.keys(base.metrics) as MetricKey[]).filter((k) => k !== 'mean-per-class-recall');
  const metrics: Partial<Record<MetricKey, MetricComparison>> = {};
  let randomization: ModelComparison['randomization'] = { method: 'exact', permutations: 1, seed: s.seed };
  for (const key of keys) {
    const diffs = pairs.map((p) => (p.other[key] ?? 0) - (p.base[key] ?? 0));
    const test = signFlipTest(diffs, s.randomizationSamples, s.seed);
    const binary = key.startsWith('accuracy@');
    metrics[key] = {
      difference: diffs.length > 0 ? diffs.reduce((a, b) => a + b, 0) / diffs.length : 0,
      ci95: pairedBootstrapCi(diffs, s.bootstrapResamples, s.seed),
      pValues: {
        mcnemarExact: binary ? mcnemarExact(...discordant(pairs.map((p) => [p.base[key] ?? 0, p.other[key] ?? 0]))) : null,
        randomization: test.p,
      },
      randomizationMethod: test.method,
    };
    if (key === 'accuracy@1') randomization = { method: test.method, permutations: test.permutations, seed: s.seed };
  }
  const headline = metrics['accuracy@1'] as MetricComparison;
  return {
    unpaired,
    comparison: {
      model: other.model,
      baseline: base.model,
      difference: headline.difference,
      ci95: headline.ci95,
      pValues: headline.pValues,
      outcomes: outcomes(pairs.map((p) => [p.base['accuracy@1'] ?? 0, p.other['accuracy@1'] ?? 0])),
      metrics,
      bootstrap: { resamples: s.bootstrapResamples, seed: s.seed },
      randomization,
    },
  };
}

function outcomes(pairs: [number, number][]): PairedOutcomes {
  const o: PairedOutcomes = { bothRight: 0, baselineOnly: 0, modelOnly: 0, bothWrong: 0 };
  for (const [b, m] of pairs) {
    if (b === 1 && m === 1) o.bothRight++;
    else if (b === 1) o.baselineOnly++;
    else if (m === 1) o.modelOnly++;
    else o.bothWrong++;
  }
  return o;
}

/** McNemar's b (baseline right, model wrong) and c (baseline wrong, model right). */
function discordant(pairs: [number, number][]): [number, number] {
  const o = outcomes(pairs);
  return [o.baselineOnly, o.modelOnly];
}
