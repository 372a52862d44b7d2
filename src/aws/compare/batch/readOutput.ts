// Reads a finished job's output: every `.jsonl.out` under the job's output folder (listed, names not assumed),
// streamed chunk by chunk and split into lines; each vector goes straight into the embedding cache. Error lines are
// returned with AWS's message; ids no record of this run has (the padding) are dropped.
import { isJobManifest, isResultFile, parseJobManifest, parseOutputLine, type JobManifest, type OutputParser } from '../../../core/eval/batch/output';
import type { EmbeddingCache } from '../../../core/eval/embeddingCache';
import type { S3Storage } from '../../s3';

export interface RecordFailure {
  recordId: string;
  code: string;
  message: string;
}

export interface ReadOutputResult {
  vectors: number;
  failures: RecordFailure[];
  /** Lines that were not output records (a damaged file), counted and the first few kept. */
  bad: string[];
  dropped: number;
  manifest: JobManifest | undefined;
}

export async function readBatchOutput(
  s3: S3Storage, bucket: string, prefix: string, keyOf: (recordId: string) => string | undefined, cache: EmbeddingCache, parse?: OutputParser,
): Promise<ReadOutputResult> {
  const r: ReadOutputResult = { vectors: 0, failures: [], bad: [], dropped: 0, manifest: undefined };
  const onLine = (line: string): void => {
    if (line.trim() === '') return;
    const p = parseOutputLine(line, cache.length, parse);
    if (p.kind === 'bad') {
      if (r.bad.length < 10) r.bad.push(p.message);
      return;
    }
    const key = keyOf(p.recordId);
    if (key === undefined) {
      r.dropped++;
      return;
    }
    if (p.kind === 'error') r.failures.push({ recordId: p.recordId, code: p.code, message: p.message });
    else pending.push([key, p.vector]);
  };
  // Vectors go to the cache some hundreds per append (one append per S3 chunk would be one file open per few
  // records), and at the end of each file.
  let pending: [string, Float32Array][] = [];
  const flush = (): void => {
    cache.putMany(pending);
    r.vectors += pending.length;
    pending = [];
  };
  const FLUSH_AT = 512;
  for await (const o of s3.listObjects({ bucket, prefix })) {
    if (isJobManifest(o.key)) r.manifest = parseJobManifest(await s3.getObjectText(bucket, o.key));
    if (!isResultFile(o.key)) continue;
    const decoder = new TextDecoder();
    let rest = '';
    for await (const chunk of s3.getObjectChunks(bucket, o.key)) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) onLine(line);
      if (pending.length >= FLUSH_AT) flush();
    }
    onLine(rest + decoder.decode());
    flush();
  }
  return r;
}
