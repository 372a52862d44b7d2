// Reads a job's loss curves from its S3 output: list the job's prefix (the validation CSV's folder varies), pick
// the metrics CSVs, parse them. Failed or stopped jobs may have none: that is a message, not an error.
import { jobOutputFolder, parseMetricsCsv, pickMetricsKeys, type LossCurves } from '../../core/lifecycle/lossCurves';
import type { JobDetail } from '../../core/lifecycle/types';
import { formatS3Uri } from '../../core/awsRules/s3Uri';
import type { ExplorerSource } from './source';

export async function readLossCurves(source: ExplorerSource, job: JobDetail): Promise<LossCurves> {
  const curves: LossCurves = { training: [], validation: [], problems: [] };
  const folder = job.outputDataUri ? jobOutputFolder(job.outputDataUri, job.jobArn) : undefined;
  if (!folder) { curves.problems.push('The job has no S3 output location.'); return curves; }
  const prefix = formatS3Uri(folder);
  const keys = await source.listS3Keys(prefix, 1000);
  const picked = pickMetricsKeys(keys);
  if (!picked.training && !picked.validation) {
    curves.problems.push(`No metrics CSVs under ${prefix} yet${job.status === 'Completed' ? '' : ` (the job is ${job.status})`}.`);
    return curves;
  }
  if (picked.training) {
    const r = parseMetricsCsv(await source.getS3Text(`s3://${folder.bucket}/${picked.training}`), 'training_loss');
    curves.training = r.points;
    curves.problems.push(...r.problems);
  }
  if (picked.validation) {
    const r = parseMetricsCsv(await source.getS3Text(`s3://${folder.bucket}/${picked.validation}`), 'validation_loss');
    curves.validation = r.points;
    curves.problems.push(...r.problems);
  }
  return curves;
}
