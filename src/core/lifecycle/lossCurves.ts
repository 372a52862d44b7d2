// Loss curves from a job's S3 output (docs/reference/bedrock-tmme.md §5): which objects hold them, parsing the
// CSVs, and an inline SVG chart (no script, no remote resource) for the details view.
import { asPrefix, parseS3Uri, type S3Location } from '../awsRules/s3Uri';
import { escapeHtml } from '../markup';

export interface LossPoint { step: number; epoch: number; loss: number; perplexity?: number }
export interface LossCurves { training: LossPoint[]; validation: LossPoint[]; problems: string[] }

/** The last ARN segment: the id in `model-customization-job-<jobId>/`. */
export function jobIdFromArn(jobArn: string): string {
  return jobArn.split('/').pop() ?? jobArn;
}

/** The folder Bedrock writes a job's output to: `<output>/model-customization-job-<jobId>/`, never the output root. */
export function jobOutputFolder(outputS3Uri: string, jobArn: string): S3Location | undefined {
  const out = parseS3Uri(outputS3Uri);
  return out && { bucket: out.bucket, key: `${asPrefix(out.key)}model-customization-job-${jobIdFromArn(jobArn)}/` };
}

/** Picks the training and validation metrics CSVs among the keys listed under the job's output prefix. */
export function pickMetricsKeys(keys: readonly string[]): { training?: string; validation?: string } {
  const training = keys.find((k) => k.endsWith('step_wise_training_metrics.csv'));
  const validation = keys.find((k) => /validation[^/]*\/(.*\/)?validation_metrics\.csv$/.test(k) || k.endsWith('/validation_metrics.csv'));
  const out: { training?: string; validation?: string } = {};
  if (training !== undefined) out.training = training;
  if (validation !== undefined) out.validation = validation;
  return out;
}

/**
 * Parses `step_number, epoch_number, training_loss|validation_loss, perplexity`. Columns are found by header name
 * (spaces tolerated); malformed rows are skipped and counted in `problems`, never thrown.
 */
export function parseMetricsCsv(text: string, lossColumn: 'training_loss' | 'validation_loss'): { points: LossPoint[]; problems: string[] } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const problems: string[] = [];
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const idx = { step: header.indexOf('step_number'), epoch: header.indexOf('epoch_number'), loss: header.indexOf(lossColumn), ppl: header.indexOf('perplexity') };
  if (idx.step < 0 || idx.loss < 0) return { points: [], problems: [`No "step_number" and "${lossColumn}" columns in the header "${lines[0] ?? ''}".`] };
  const points: LossPoint[] = [];
  let bad = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map((c) => c.trim());
    const step = Number(cells[idx.step]);
    const loss = Number(cells[idx.loss]);
    if (!Number.isFinite(step) || !Number.isFinite(loss) || cells[idx.loss] === '') { bad += 1; continue; }
    const p: LossPoint = { step, epoch: idx.epoch >= 0 ? Number(cells[idx.epoch]) : 0, loss };
    const ppl = idx.ppl >= 0 ? Number(cells[idx.ppl]) : NaN;
    if (Number.isFinite(ppl)) p.perplexity = ppl;
    points.push(p);
  }
  if (bad > 0) problems.push(`${bad} malformed row(s) skipped in the ${lossColumn} CSV.`);
  return { points, problems };
}

/** An SVG line chart of loss per step, both series on one axis pair. Pure markup; colours from theme variables. */
export function lossChartSvg(curves: LossCurves, width = 640, height = 320): string {
  const all = [...curves.training, ...curves.validation];
  if (all.length === 0) return `<p>No loss values found in the job's output.</p>`;
  const pad = { l: 56, r: 16, t: 16, b: 40 };
  const xs = all.map((p) => p.step);
  const ys = all.map((p) => p.loss);
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const sx = (x: number): number => pad.l + ((x - x0) / (x1 - x0 || 1)) * (width - pad.l - pad.r);
  const sy = (y: number): number => height - pad.b - ((y - y0) / (y1 - y0 || 1)) * (height - pad.t - pad.b);
  const line = (pts: LossPoint[]): string => [...pts].sort((a, b) => a.step - b.step)
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.step).toFixed(1)},${sy(p.loss).toFixed(1)}`).join(' ');
  const ticks = [y0, (y0 + y1) / 2, y1].map((y) =>
    `<text x="${pad.l - 6}" y="${sy(y).toFixed(1)}" text-anchor="end" dominant-baseline="middle">${escapeHtml(y.toPrecision(3))}</text>`).join('');
  const series = [
    curves.training.length > 0 ? `<path class="training" d="${line(curves.training)}" fill="none"/>` : '',
    curves.validation.length > 0 ? `<path class="validation" d="${line(curves.validation)}" fill="none"/>` : '',
  ].join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Loss per step">`
    + `<line class="axis" x1="${pad.l}" y1="${height - pad.b}" x2="${width - pad.r}" y2="${height - pad.b}"/>`
    + `<line class="axis" x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${height - pad.b}"/>${ticks}`
    + `<text x="${pad.l}" y="${height - 12}">step ${x0}</text><text x="${width - pad.r}" y="${height - 12}" text-anchor="end">step ${x1}</text>`
    + `${series}</svg>`;
}

/** Smallest and largest value (a reduce: a long training run has too many points to spread as arguments). */
function extent(values: readonly number[]): [number, number] {
  return values.reduce<[number, number]>(([lo, hi], v) => [Math.min(lo, v), Math.max(hi, v)], [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
}
