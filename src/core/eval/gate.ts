// The quality gate of `bedrock-mm compare --gate EXPR`: a small expression language over a ComparisonReport, so a
// pipeline ships a model only when it is measurably better. Pure: parse, then evaluate against one report.
//   [MODE:]METRIC OP NUMBER                 the candidate's value, e.g. `accuracy@1 >= 0.70`
//   [MODE:]METRIC - baseline OP NUMBER      candidate minus baseline (the paired mean difference, with its 95% CI)
//   [MODE:]METRIC - best_other OP NUMBER    candidate minus the best of the other models in the report
//   significant [MODE:]METRIC               the paired test's p < 0.05 and the 95% interval above 0
// OP is one of >= > <= <. Without MODE a gate holds only when it holds in every mode of the report that has METRIC.
import type { ComparisonReport, MetricKey, ModeReport } from '../../protocol/report';
import { AT_K_METRICS } from './metrics';

export type GateOp = '>=' | '>' | '<=' | '<';
export type GateTerm = 'value' | 'baseline' | 'best_other';

export type Gate =
  | { text: string; kind: 'compare'; metric: string; mode?: string; term: GateTerm; op: GateOp; threshold: number }
  | { text: string; kind: 'significant'; metric: string; mode?: string };

/** The significance level of `significant METRIC` (docs/reference/evaluation.md, the paired tests). */
export const GATE_ALPHA = 0.05;

/** A gate that cannot be read or does not fit the report: a usage error (exit 2), never a failed gate. */
export class GateError extends Error {}

const METRIC = String.raw`(?:([a-z-]+):)?([a-z][a-z-]*(?:@\d+)?)`;
const COMPARE = new RegExp(String.raw`^${METRIC}\s*(?:-\s*(baseline|best_other)\s*)?(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)$`, 'i');
const SIGNIFICANT = new RegExp(String.raw`^significant\s+${METRIC}$`, 'i');

const SHAPES = '"METRIC >= 0.7", "METRIC - baseline >= 0.05", "METRIC - best_other > 0" or "significant METRIC"';

const PLAIN_METRICS = ['r-precision', 'mean-per-class-recall'];

/** A metric no report can have is a typo: caught before any AWS call (the report's own keys are checked later). */
function checkMetric(text: string, metric: string): string {
  const [name, k] = metric.split('@');
  const ok = k === undefined ? PLAIN_METRICS.includes(metric) : (AT_K_METRICS as readonly string[]).includes(name ?? '') && Number(k) >= 1;
  if (!ok) throw new GateError(`gate "${text}": unknown metric "${metric}"; metrics are ${AT_K_METRICS.map((m) => `${m}@K`).join(', ')}, ${PLAIN_METRICS.join(', ')}`);
  return metric;
}

export function parseGate(text: string): Gate {
  const t = text.trim().replace(/\s+/g, ' ');
  const sig = SIGNIFICANT.exec(t);
  if (sig) return { text: t, kind: 'significant', metric: checkMetric(text, sig[2] ?? ''), ...(sig[1] ? { mode: sig[1] } : {}) };
  const m = COMPARE.exec(t);
  if (!m) {
    if (/^significant\b/i.test(t)) throw new GateError(`gate "${text}": write "significant METRIC", e.g. "significant accuracy@1"`);
    if (/-\s*[a-z_]+\s*(>=|<=|>|<)/i.test(t)) throw new GateError(`gate "${text}": after "-" write baseline or best_other`);
    throw new GateError(`gate "${text}" is not a gate: write ${SHAPES}`);
  }
  const threshold = Number(m[5]);
  if (!Number.isFinite(threshold)) throw new GateError(`gate "${text}": ${m[5]} is not a number`);
  return {
    text: t, kind: 'compare', metric: checkMetric(text, m[2] ?? ''), ...(m[1] ? { mode: m[1] } : {}),
    term: (m[3]?.toLowerCase() as GateTerm | undefined) ?? 'value', op: m[4] as GateOp, threshold,
  };
}

export interface GateCheck {
  mode: string;
  /** The value compared with the threshold (for `significant`: the p-value). */
  measured: number;
  /** The 95% interval of a difference against the baseline, where the report has one. */
  ci95?: [number, number];
  /** What the value was compared with, in words (e.g. "the best other model, tuned-b (0.812)"). */
  against?: string;
  passed: boolean;
}

export interface GateResult { gate: Gate; candidate: string; passed: boolean; checks: GateCheck[] }

/** The model a gate judges: `named`, or the report's one non-baseline model. A GateError lists the names. */
export function gateCandidate(report: ComparisonReport, named: string | undefined): string {
  const names = report.models.map((m) => m.name);
  if (named !== undefined) {
    if (!names.includes(named)) throw new GateError(`--gate-model ${named}: the report's models are ${names.join(', ')}`);
    return named;
  }
  const others = names.filter((n) => n !== report.baseline);
  if (others.length === 1 && others[0] !== undefined) return others[0];
  throw new GateError(others.length === 0
    ? `the report has only the baseline ${report.baseline}: a gate needs a second model`
    : `the report has ${others.length} models besides the baseline ${report.baseline} (${others.join(', ')}): name the one the gates judge with --gate-model NAME`);
}

const holds = (op: GateOp, a: number, b: number): boolean => (op === '>=' ? a >= b : op === '>' ? a > b : op === '<=' ? a <= b : a < b);

function metricKeys(modes: readonly ModeReport[]): string[] {
  return [...new Set(modes.flatMap((m) => m.results.flatMap((r) => Object.keys(r.metrics))))].sort();
}

function modesFor(gate: Gate, report: ComparisonReport): ModeReport[] {
  const scoped = gate.mode === undefined ? report.modes : report.modes.filter((m) => m.mode === gate.mode);
  if (gate.mode !== undefined && scoped.length === 0) throw new GateError(`gate "${gate.text}": the report has no mode ${gate.mode}; its modes are ${report.modes.map((m) => m.mode).join(', ')}`);
  const having = scoped.filter((m) => m.results.some((r) => r.metrics[gate.metric as MetricKey] !== undefined));
  if (having.length === 0) throw new GateError(`gate "${gate.text}": unknown metric "${gate.metric}"; the report has ${metricKeys(scoped).join(', ')}`);
  return having;
}

function checkMode(gate: Gate, mode: ModeReport, candidate: string, baseline: string): GateCheck {
  const key = gate.metric as MetricKey;
  const value = (model: string): number | undefined => mode.results.find((r) => r.model === model)?.metrics[key];
  const mine = value(candidate);
  if (mine === undefined) throw new GateError(`gate "${gate.text}": model ${candidate} has no ${gate.metric} in mode ${mode.mode}`);
  const vsBaseline = mode.comparisons.find((c) => c.model === candidate && c.baseline === baseline)?.metrics[key];
  if (gate.kind === 'significant' || gate.term === 'baseline') {
    if (candidate === baseline) throw new GateError(`gate "${gate.text}": ${candidate} is the baseline; name another model with --gate-model`);
    if (!vsBaseline) throw new GateError(`gate "${gate.text}": the report has no paired comparison of ${candidate} against ${baseline} in mode ${mode.mode}`);
  }
  if (gate.kind === 'significant' && vsBaseline) {
    // The exact McNemar test where it applies (top-1 correctness), else the paired randomization test.
    const p = vsBaseline.pValues.mcnemarExact ?? vsBaseline.pValues.randomization;
    return { mode: mode.mode, measured: p, ci95: vsBaseline.ci95, passed: p < GATE_ALPHA && vsBaseline.ci95[0] > 0 };
  }
  if (gate.kind !== 'compare') throw new GateError(`gate "${gate.text}": unreadable`);
  if (gate.term === 'value') return { mode: mode.mode, measured: mine, passed: holds(gate.op, mine, gate.threshold) };
  if (gate.term === 'baseline' && vsBaseline) {
    return { mode: mode.mode, measured: vsBaseline.difference, ci95: vsBaseline.ci95, passed: holds(gate.op, vsBaseline.difference, gate.threshold) };
  }
  const others = mode.results.filter((r) => r.model !== candidate && r.metrics[key] !== undefined);
  const best = others.reduce<{ model: string; v: number } | undefined>((b, r) => {
    const v = r.metrics[key] ?? -Infinity;
    return b === undefined || v > b.v ? { model: r.model, v } : b;
  }, undefined);
  if (!best) throw new GateError(`gate "${gate.text}": no other model has ${gate.metric} in mode ${mode.mode}`);
  const diff = mine - best.v;
  // Against the baseline the paired interval is known; against another fine-tuned model the report has none.
  return {
    mode: mode.mode, measured: diff, against: `the best other model, ${best.model} (${best.v.toFixed(3)})`,
    ...(best.model === baseline && vsBaseline ? { ci95: vsBaseline.ci95 } : {}), passed: holds(gate.op, diff, gate.threshold),
  };
}

/** Every gate judged on `candidate`; a GateError when a gate names something the report does not have. */
export function evaluateGates(gates: readonly Gate[], report: ComparisonReport, candidate: string): GateResult[] {
  return gates.map((gate) => {
    const checks = modesFor(gate, report).map((mode) => checkMode(gate, mode, candidate, report.baseline));
    return { gate, candidate, passed: checks.every((c) => c.passed), checks };
  });
}

const num = (x: number): string => (Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(2) : x.toFixed(3));

/** One line per gate and mode: `PASS`/`FAIL`, the condition, the measured value and its interval. */
export function formatGateResults(results: readonly GateResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const c of r.checks) {
      const what = r.gate.kind === 'significant'
        ? `p = ${num(c.measured)} (needs < ${GATE_ALPHA}), 95% CI [${num(c.ci95?.[0] ?? NaN)}, ${num(c.ci95?.[1] ?? NaN)}] (needs > 0)`
        : `measured ${num(c.measured)}${c.ci95 ? `, 95% CI [${num(c.ci95[0])}, ${num(c.ci95[1])}]` : ''}${c.against ? ` against ${c.against}` : ''}`;
      lines.push(`gate ${c.passed ? 'PASS' : 'FAIL'}: ${r.gate.text} (${r.candidate}, ${c.mode}): ${what}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
