// Writes one job's input files: each record's modelInput is loaded (an image GET from S3, base64) by a bounded
// number of workers and appended to the current file as soon as it arrives; the splitter opens a new file at the
// per-file record and byte limits. Memory: the workers' images in flight plus one part per open file.
import { paddingFor, padRecord, recordLine, type BatchRecord } from '../../../core/eval/batch/records';
import { inputFileName, LineSplitter } from '../../../core/eval/batch/split';
import type { BatchLimits } from '../../../core/eval/batch/limits';
import type { S3Storage } from '../../s3';
import { S3ObjectWriter } from './objectWriter';

export interface BatchInputItem {
  recordId: string;
  /** The exact InvokeModel body (loaded only now: the image is read from S3 here). */
  modelInput(): Promise<unknown>;
}

export interface WriteInputOptions {
  s3: S3Storage;
  bucket: string;
  /** The job's input folder, ending in `/`. */
  prefix: string;
  limits: BatchLimits;
  concurrency: number;
  /** Seeds the padding records' ids. */
  fingerprint: string;
  signal?: AbortSignal;
  onRecord?(written: number): void;
}

export interface WrittenInput {
  files: number;
  records: number;
  padding: number;
  bytes: number;
}

export async function writeBatchInput(items: readonly BatchInputItem[], o: WriteInputOptions): Promise<WrittenInput> {
  const splitter = new LineSplitter({ ...o.limits, recordsPerJob: Number.MAX_SAFE_INTEGER, jobBytes: Number.MAX_SAFE_INTEGER });
  const pad = paddingFor(items.length, o.limits.minRecordsPerJob);
  // Below the minimum the job is small: its records are kept to repeat them as padding.
  const kept: BatchRecord[] = [];
  let writer: S3ObjectWriter | undefined;
  let files = 0;
  let records = 0;
  let bytes = 0;
  let chain: Promise<void> = Promise.resolve();
  const append = (r: BatchRecord): Promise<void> => {
    // Appends run one after another (a file's bytes in order); a worker waits for its own, which bounds memory.
    chain = chain.then(async () => {
      const line = recordLine(r); // written as a string: the writer encodes it straight into its part
      const size = Buffer.byteLength(line, 'utf8');
      const place = splitter.place(size);
      if (place.opensFile) {
        await writer?.close();
        writer = new S3ObjectWriter(o.s3, o.bucket, `${o.prefix}${inputFileName(place.file)}`);
        files++;
      }
      await (writer as S3ObjectWriter).write(line);
      records++;
      bytes += size;
      o.onRecord?.(records);
    });
    return chain;
  };
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < items.length; i = next++) {
        o.signal?.throwIfAborted();
        const item = items[i] as BatchInputItem;
        const r = { recordId: item.recordId, modelInput: await item.modelInput() };
        if (pad.count > 0) kept.push(r);
        await append(r);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, items.length)) }, worker));
    for (let n = 0; n < pad.count; n++) await append(padRecord(kept, n, o.fingerprint));
    await chain;
    await writer?.close();
  } catch (err) {
    await chain.catch(() => undefined);
    await writer?.abort();
    throw err;
  }
  return { files, records, padding: pad.count, bytes };
}
