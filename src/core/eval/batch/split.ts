// Where each input line goes: which job and which file of it, within the per-file and per-job record and byte limits.
// Decided line by line as the lines are written, so nothing but counters is held.
import type { BatchLimits } from './limits';

export interface LinePlace {
  job: number;
  file: number;
  /** True for the first line of a new file (the writer closes the previous one). */
  opensFile: boolean;
}

export class LineSplitter {
  private job = 0;
  private file = -1;
  private fileRecords = 0;
  private fileBytes = 0;
  private jobRecords = 0;
  private jobBytes = 0;

  constructor(private readonly limits: BatchLimits) {}

  /** The place of the next line of `bytes` bytes (its newline included). Throws when one line exceeds a limit. */
  place(bytes: number): LinePlace {
    const l = this.limits;
    if (bytes > l.fileBytes || bytes > l.jobBytes) throw new RangeError(`one batch record is ${bytes} bytes; the input file limit is ${l.fileBytes} bytes`);
    let opensFile = this.file < 0;
    if (this.jobRecords + 1 > l.recordsPerJob || this.jobBytes + bytes > l.jobBytes) {
      this.job++;
      this.file = -1;
      this.jobRecords = 0;
      this.jobBytes = 0;
      opensFile = true;
    } else if (this.fileRecords + 1 > l.recordsPerFile || this.fileBytes + bytes > l.fileBytes) {
      opensFile = true;
    }
    if (opensFile) {
      this.file++;
      this.fileRecords = 0;
      this.fileBytes = 0;
    }
    this.fileRecords++;
    this.fileBytes += bytes;
    this.jobRecords++;
    this.jobBytes += bytes;
    return { job: this.job, file: this.file, opensFile };
  }
}

/** The input file name of a job's n-th file (it must end in .jsonl). */
export const inputFileName = (file: number): string => `records-${String(file).padStart(5, '0')}.jsonl`;
