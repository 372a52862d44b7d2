// The metrics CSVs a completed job leaves under its output URI (docs/reference/bedrock-tmme.md section 5). The loss
// curves are synthetic but deterministic per job and shaped like real ones (fast drop, then a plateau with noise).
import { hashString, seededRandom } from '../rng';
import type { ObjectStore } from '../s3';
import { parseS3Uri } from './s3uri';

export interface MetricsResult { trainingLoss: number; validationLoss: number | undefined }

export function epochsFor(hyperParameters: Record<string, string>, records: number): number {
  const e = hyperParameters['epochCount'] ?? 'auto';
  if (/^auto$/i.test(e)) return records < 5_000 ? 10 : records < 50_000 ? 5 : 2; // Bedrock picks by data size
  return Number(e);
}

function loss(progress: number, random: () => number, floor: number): number {
  return floor + 1.6 * Math.exp(-4 * progress) + (random() - 0.5) * 0.04;
}

export async function writeJobMetrics(
  store: ObjectStore,
  outputUri: string,
  jobId: string,
  hyperParameters: Record<string, string>,
  trainingRecords: number,
  hasValidation: boolean,
): Promise<MetricsResult> {
  const loc = parseS3Uri(outputUri);
  if (!loc) throw new Error(`output URI ${outputUri} is not an S3 URI`);
  const prefix = `${loc.key.replace(/\/?$/, loc.key ? '/' : '')}model-customization-job-${jobId}/`;
  const random = seededRandom(hashString(jobId));
  const epochs = epochsFor(hyperParameters, trainingRecords);
  const batch = Number(hyperParameters['batchSize'] ?? 576);
  const stepsPerEpoch = Math.max(1, Math.ceil(trainingRecords / batch));
  const totalSteps = epochs * stepsPerEpoch;
  const every = Math.max(1, Math.ceil(totalSteps / 500)); // keep the file small for long runs
  const rows = ['step_number,epoch_number,training_loss,perplexity'];
  let trainingLoss = 0;
  for (let step = 1; step <= totalSteps; step++) {
    if (step % every !== 0 && step !== totalSteps) continue;
    trainingLoss = loss(step / totalSteps, random, 0.35);
    rows.push(`${step},${Math.ceil(step / stepsPerEpoch) - 1},${trainingLoss.toFixed(6)},${Math.exp(trainingLoss).toFixed(6)}`);
  }
  await store.putObject(loc.bucket, `${prefix}training_artifacts/step_wise_training_metrics.csv`, rows.join('\n') + '\n', 'text/csv');
  let validationLoss: number | undefined;
  if (hasValidation) {
    const vrows = ['step_number,epoch_number,validation_loss,perplexity'];
    for (let e = 1; e <= epochs; e++) {
      validationLoss = loss(e / epochs, random, 0.45);
      vrows.push(`${e * stepsPerEpoch},${e - 1},${validationLoss.toFixed(6)},${Math.exp(validationLoss).toFixed(6)}`);
    }
    await store.putObject(loc.bucket, `${prefix}validation_artifacts/post_fine_tuning_validation/validation_metrics.csv`, vrows.join('\n') + '\n', 'text/csv');
  }
  return { trainingLoss, validationLoss };
}
