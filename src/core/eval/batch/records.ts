// The batch input lines: `{"recordId", "modelInput"}` with modelInput exactly the InvokeModel body the on-demand
// route sends (docs/reference/bedrock-batch.md "Input records"), and the padding a job below the minimum needs.
import { padRecordId } from './recordId';

export interface BatchRecord {
  recordId: string;
  modelInput: unknown;
}

export const recordLine = (r: BatchRecord): string => `${JSON.stringify({ recordId: r.recordId, modelInput: r.modelInput })}\n`;

export interface Padding {
  /** Records to add (0 when the job meets the minimum). */
  count: number;
  /** Why, with both numbers, for the confirmation. */
  message: string;
}

/** How many padding records a job of `records` needs to reach `minimum` (repeats of real records, dropped on read). */
export function paddingFor(records: number, minimum: number): Padding {
  const count = records > 0 ? Math.max(0, minimum - records) : 0;
  return { count, message: count === 0 ? '' : `${records} records is below the batch minimum of ${minimum} records per job; ${count} repeated records are added and dropped when the results are read` };
}

/** The n-th padding record: a repeat of the real record n mod real.length, under an id no real record has. */
export function padRecord(real: readonly BatchRecord[], n: number, jobFingerprint: string): BatchRecord {
  const src = real[n % real.length] as BatchRecord;
  return { recordId: padRecordId(jobFingerprint, n), modelInput: src.modelInput };
}
