// What a batch inference job writes when it ends (docs/reference/bedrock-batch.md section 3): one
// `<output>/<jobId>/<input file name>.out` per input file with one line per processed record, `{recordId,
// modelInput, modelOutput}` or `{recordId, modelInput, error: {errorCode, errorMessage}}`, and
// `<output>/<jobId>/manifest.json.out` with the record and token counts. Files are processed one at a time.
import { randomBytes } from 'node:crypto';
import type { ObjectStore } from '../s3';
import { BedrockError } from './errors';
import type { BatchRecordFaults } from './batchFaults';
import type { EmulatedModel } from './invokeModels';
import { parseS3Uri } from './s3uri';
import type { BatchJobRecord } from './types';

export interface BatchCounts { processed: number; success: number; error: number }

/** Bedrock adds an 11-character alphanumeric recordId to records that have none. */
const generatedRecordId = (): string => randomBytes(8).toString('hex').slice(0, 11).toUpperCase();

export const jsonlLines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

function answer(model: EmulatedModel, line: string, faults?: BatchRecordFaults): { out: object; ok: boolean; tokens: number } {
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    record = parsed as Record<string, unknown>;
  } catch {
    return { out: { recordId: generatedRecordId(), error: { errorCode: 400, errorMessage: 'The record is not a JSON object.' } }, ok: false, tokens: 0 };
  }
  const recordId = typeof record['recordId'] === 'string' ? record['recordId'] : generatedRecordId();
  const modelInput = record['modelInput'];
  try {
    const { body, inputTokens } = model.invoke(modelInput);
    const injected = faults?.take();
    if (injected) return { out: { recordId, modelInput, error: injected }, ok: false, tokens: 0 };
    return { out: { recordId, modelInput, modelOutput: body }, ok: true, tokens: inputTokens };
  } catch (err) {
    if (!(err instanceof BedrockError)) throw err;
    return { out: { recordId, modelInput, error: { errorCode: err.status, errorMessage: err.message } }, ok: false, tokens: 0 };
  }
}

/** Runs the first `upTo` records (in file and line order) through the model and writes the output files. */
export async function writeBatchOutput(store: ObjectStore, job: BatchJobRecord, model: EmulatedModel, upTo: number, faults?: BatchRecordFaults): Promise<BatchCounts> {
  const out = parseS3Uri(job.outputDataConfig.s3OutputDataConfig.s3Uri);
  if (!out) throw new Error(`invalid output URI ${job.outputDataConfig.s3OutputDataConfig.s3Uri}`);
  const prefix = `${out.key.replace(/\/+$/, '')}${out.key === '' ? '' : '/'}${job.jobId}/`;
  const counts: BatchCounts = { processed: 0, success: 0, error: 0 };
  let tokens = 0;
  for (const file of job.inputFiles) {
    if (counts.processed >= upTo) break;
    const text = (await store.getObject(file.bucket, file.key))?.toString('utf8') ?? '';
    const lines: string[] = [];
    for (const line of jsonlLines(text)) {
      if (counts.processed >= upTo) break;
      const r = answer(model, line, faults);
      lines.push(JSON.stringify(r.out));
      counts.processed++;
      if (r.ok) counts.success++;
      else counts.error++;
      tokens += r.tokens;
    }
    const name = file.key.slice(file.key.lastIndexOf('/') + 1);
    await store.putObject(out.bucket, `${prefix}${name}.out`, `${lines.join('\n')}\n`, 'application/jsonl');
  }
  const manifest = {
    totalRecordCount: job.totalRecordCount,
    processedRecordCount: counts.processed,
    successRecordCount: counts.success,
    errorRecordCount: counts.error,
    inputTokenCount: tokens,
    outputTokenCount: 0,
  };
  await store.putObject(out.bucket, `${prefix}manifest.json.out`, JSON.stringify(manifest), 'application/json');
  return counts;
}
