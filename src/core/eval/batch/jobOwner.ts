// Which comparison a batch inference job belongs to: its ARN is in a jobs file next to a compare spec
// (jobsFile.ts, `x.compare.json` -> `x.batch-jobs.json`). Pure: the editor finds and reads the files.
import * as path from 'node:path';
import { jobsPathFor, parseJobsFile } from './jobsFile';

const JOBS_SUFFIX = '.batch-jobs.json';

/** The spec paths whose jobs file is `jobsFile` (jobsPathFor drops `.compare.json` or `.json`: both may be it). */
export function specCandidates(jobsFile: string): string[] {
  const base = path.basename(jobsFile);
  if (!base.endsWith(JOBS_SUFFIX)) return [];
  const stem = path.join(path.dirname(jobsFile), base.slice(0, -JOBS_SUFFIX.length));
  return [`${stem}.compare.json`, `${stem}.json`].filter((c) => jobsPathFor(c) === jobsFile);
}

/** True when the jobs file's text records `jobArn`. */
export const recordsJob = (text: string | undefined, jobArn: string): boolean => parseJobsFile(text).jobs.some((j) => j.jobArn === jobArn);

/** The glob of every jobs file in a workspace. */
export const JOBS_FILE_GLOB = `**/*${JOBS_SUFFIX}`;
