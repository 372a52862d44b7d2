// The jobs file next to the spec (core/eval/batch/jobsFile.ts), read and written whole (a few lines per run);
// written then renamed, so a reader never sees half of it.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { formatJobsFile, parseJobsFile, withJob, type BatchJobRecord, type BatchJobsFile } from '../../../core/eval/batch/jobsFile';

export interface JobsStore {
  read(): Promise<BatchJobsFile>;
  add(job: BatchJobRecord): Promise<void>;
}

export function jobsStore(file: string): JobsStore {
  const read = async (): Promise<BatchJobsFile> => parseJobsFile(await readFile(file, 'utf8').catch(() => undefined));
  return {
    read,
    async add(job) {
      const next = withJob(await read(), job);
      await writeFile(`${file}.tmp`, formatJobsFile(next));
      await rename(`${file}.tmp`, file);
    },
  };
}
