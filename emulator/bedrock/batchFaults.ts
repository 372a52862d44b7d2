// `POST /seed {batchRecordFailures: {count, errorCode?, errorMessage?}}`: the next `count` records batch jobs
// process (in file and line order) fail with AWS's per-record error shape although the model could embed them, as a
// record can fail inside a batch job and succeed on demand (issue 17: such records of a base model are retried on
// demand). Undecodable records still fail on their own; this only adds failures.
import { validation } from './errors';

export interface RecordFailure { errorCode: number; errorMessage: string }

export class BatchRecordFaults {
  private remaining = 0;
  private failure: RecordFailure = { errorCode: 500, errorMessage: 'An internal error occurred while processing this record.' };

  reset(): void {
    this.remaining = 0;
  }

  seed(value: unknown): void {
    if (value === undefined) return;
    const v = value as Record<string, unknown> | null;
    const count = v?.['count'];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw validation('batchRecordFailures.count must be a non-negative integer');
    const code = v?.['errorCode'] ?? 500;
    const message = v?.['errorMessage'] ?? this.failure.errorMessage;
    if (typeof code !== 'number' || typeof message !== 'string') throw validation('batchRecordFailures.errorCode must be a number and errorMessage a string');
    this.remaining = count;
    this.failure = { errorCode: code, errorMessage: message };
  }

  /** The injected failure for the next processed record, if any is left. */
  take(): RecordFailure | undefined {
    if (this.remaining <= 0) return undefined;
    this.remaining--;
    return this.failure;
  }
}
