// Uploads the sample dataset and its JSONL manifests to the emulated S3.
import type { ObjectStore } from '../s3';
import { DEFAULT_DATASET, generateDataset, type DatasetOptions } from './generate';

export type { DatasetOptions } from './generate';

export interface UploadedDataset {
  bucket: string;
  training: string;
  validation: string;
  test: string;
  counts: { training: number; validation: number; test: number };
}

export async function uploadSampleDataset(store: ObjectStore, options: Partial<DatasetOptions> = {}): Promise<UploadedDataset> {
  const o = { ...DEFAULT_DATASET, ...options };
  await store.createBucket(o.bucket);
  const lines: Record<'training' | 'validation' | 'test', string[]> = { training: [], validation: [], test: [] };
  // Writes overlap in small batches: the store does several file operations per object.
  let batch: Promise<void>[] = [];
  for (const img of generateDataset(o)) {
    batch.push(store.putObject(o.bucket, img.key, img.bytes, 'image/png'));
    lines[img.split].push(JSON.stringify({ 'image-ref': `s3://${o.bucket}/${img.key}`, caption: img.caption }));
    if (batch.length >= 16) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  const uri = (split: keyof typeof lines): string => `s3://${o.bucket}/manifests/${split}.jsonl`;
  for (const split of ['training', 'validation', 'test'] as const) {
    await store.putObject(o.bucket, `manifests/${split}.jsonl`, lines[split].join('\n') + '\n', 'application/jsonl');
  }
  return {
    bucket: o.bucket,
    training: uri('training'),
    validation: uri('validation'),
    test: uri('test'),
    counts: { training: lines.training.length, validation: lines.validation.length, test: lines.test.length },
  };
}
