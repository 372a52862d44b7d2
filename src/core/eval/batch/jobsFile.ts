// The batch jobs a comparison submitted, recorded next to its spec (`x.compare.json` -> `x.batch-jobs.json`), so a
// reload, a restarted CLI or a rerun re-attaches to jobs in progress and collects finished ones. Pure: the aws side
// reads and writes the file. A job is found by its fingerprint (model, length, the records it embeds).
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { deriveClientRequestToken } from '../../lifecycle/requestToken';

export interface BatchJobRecord {
  /** sha256 of the model, length and sorted record ids of this job. */
  fingerprint: string;
  model: string;
  modelId: string;
  jobArn: string;
  inputUri: string;
  outputUri: string;
  records: number;
  submittedAt: string;
  /** 0 for the first job of these records; one more for each resubmission after a failed, stopped or expired one. */
  attempt?: number;
}

export interface BatchJobsFile {
  v: 1;
  jobs: BatchJobRecord[];
}

export function jobsPathFor(specPath: string): string {
  return path.join(path.dirname(specPath), `${path.basename(specPath).replace(/(\.compare)?\.json$/i, '')}.batch-jobs.json`);
}

export function parseJobsFile(text: string | undefined): BatchJobsFile {
  if (text === undefined) return { v: 1, jobs: [] };
  try {
    const o = JSON.parse(text) as Partial<BatchJobsFile>;
    const jobs = Array.isArray(o.jobs) ? o.jobs.filter((j): j is BatchJobRecord => typeof j?.fingerprint === 'string' && typeof j.jobArn === 'string') : [];
    return { v: 1, jobs };
  } catch {
    return { v: 1, jobs: [] };
  }
}

export function withJob(file: BatchJobsFile, job: BatchJobRecord): BatchJobsFile {
  return { v: 1, jobs: [...file.jobs.filter((j) => j.fingerprint !== job.fingerprint), job] };
}

export const formatJobsFile = (file: BatchJobsFile): string => `${JSON.stringify(file, null, 2)}\n`;

/** One job's fingerprint: the same records for the same model and length give the same job. */
export function jobFingerprint(modelId: string, length: number, recordIds: readonly string[]): string {
  const h = createHash('sha256').update(`${modelId}\u0000${length}\u0000`);
  for (const id of [...recordIds].sort()) h.update(id).update('\n');
  return h.digest('hex');
}

/** The run id in S3 folders and the job name: short, in the job-name charset. */
export const runIdOf = (fingerprint: string): string => fingerprint.slice(0, 16);

/** `bedrock-mm-<model>-<run id>`, within ModelInvocationJobName's pattern and 63 characters. */
export function jobNameFor(model: string, fingerprint: string): string {
  const m = model.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 28) || 'model';
  return `bedrock-mm-${m}-${runIdOf(fingerprint)}`;
}

/** The clientRequestToken: a second click or a rerun with the same records attaches to the job already submitted. */
export const batchRequestToken = (fingerprint: string): string => deriveClientRequestToken({ fingerprint }, 'batch-inference');
