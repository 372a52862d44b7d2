// What a customization job does with its data when it starts: read the training (and validation) manifests from S3,
// enforce the TMME limits of docs/reference/bedrock-tmme.md section 1, and compute the thumbnail features the emulated
// fine-tuning fits on. Any breach becomes a Bedrock-style failureMessage and the job ends Failed.
import { imageFeatures, decodeImage, imageInfo } from '../model/image';
import type { ObjectStore } from '../s3';
import { parseS3Uri } from './s3uri';

export interface DataLimits { minTrainingRecords: number; minValidationRecords: number }

export interface DataCheckResult {
  failureMessage: string | undefined;
  trainingRecords: { caption: string; features: Float64Array }[];
  validationRecordCount: number;
}

const MAX_TRAINING = 500_000;
const MAX_VALIDATION = 50_000;
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_PIXELS = 2048 * 2048 * 3;
const MAX_CAPTION_CHARS = 2560;

class DataError extends Error {}

interface Record { imageRef: string; caption: string; line: number }

async function readManifest(store: ObjectStore, uri: string, what: string): Promise<Record[]> {
  const loc = parseS3Uri(uri);
  const body = loc && loc.key ? await store.getObject(loc.bucket, loc.key) : undefined;
  if (!body) {
    throw new DataError(`Unable to access the ${what} data at ${uri}. Check that the object exists and that the service role has s3:GetObject permission on it.`);
  }
  const records: Record[] = [];
  const lines = body.toString('utf8').split(/\r?\n/);
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      throw new DataError(`Invalid JSON on line ${i + 1} of the ${what} data ${uri}.`);
    }
    const o = (obj ?? {}) as { [k: string]: unknown };
    const imageRef = o['image-ref'];
    const caption = o['caption'];
    if (typeof imageRef !== 'string' || typeof caption !== 'string') {
      throw new DataError(`Line ${i + 1} of the ${what} data ${uri} must have the string fields "image-ref" and "caption".`);
    }
    if (caption.length > MAX_CAPTION_CHARS) {
      throw new DataError(`The caption on line ${i + 1} of the ${what} data ${uri} has ${caption.length} characters; the maximum is ${MAX_CAPTION_CHARS}.`);
    }
    records.push({ imageRef, caption, line: i + 1 });
  });
  return records;
}

async function checkImage(store: ObjectStore, r: Record, uri: string): Promise<Float64Array> {
  const loc = parseS3Uri(r.imageRef);
  const bytes = loc && loc.key ? await store.getObject(loc.bucket, loc.key) : undefined;
  const where = `${r.imageRef} (line ${r.line} of ${uri})`;
  if (!bytes) throw new DataError(`Unable to access the image ${where}. Check that it exists and that the service role can read it.`);
  if (bytes.length > MAX_IMAGE_BYTES) throw new DataError(`The image ${where} is ${bytes.length} bytes; the maximum is 5 MB.`);
  let info;
  try {
    info = imageInfo(bytes);
  } catch {
    throw new DataError(`The image ${where} is not a valid PNG or JPEG file.`);
  }
  const { width, height } = info;
  if (Math.min(width, height) < 128 || Math.max(width, height) > 4096) {
    throw new DataError(`The image ${where} is ${width}x${height}; each side must be from 128 to 4096 pixels.`);
  }
  if (width * height > MAX_PIXELS) throw new DataError(`The image ${where} has ${width * height} pixels; the maximum is ${MAX_PIXELS}.`);
  const aspect = width / height;
  if (aspect < 0.25 || aspect > 4) throw new DataError(`The image ${where} has aspect ratio ${aspect.toFixed(2)}; it must be from 0.25 to 4.`);
  try {
    return imageFeatures(decodeImage(bytes));
  } catch (err) {
    throw new DataError(`The image ${where} could not be decoded: ${err instanceof Error ? err.message : String(err)}.`);
  }
}

function checkCount(n: number, min: number, max: number, what: string, uri: string): void {
  if (n < min || n > max) {
    throw new DataError(`The ${what} data ${uri} has ${n} records; it must have from ${min} to ${max} records.`);
  }
}

export async function checkJobData(
  store: ObjectStore,
  training: string,
  validation: string[],
  limits: DataLimits,
): Promise<DataCheckResult> {
  try {
    const trainingRecords = await readManifest(store, training, 'training');
    checkCount(trainingRecords.length, limits.minTrainingRecords, MAX_TRAINING, 'training', training);
    let validationRecordCount = 0;
    const validationSets: { uri: string; records: Record[] }[] = [];
    for (const uri of validation) {
      const records = await readManifest(store, uri, 'validation');
      validationSets.push({ uri, records });
      validationRecordCount += records.length;
    }
    if (validation.length > 0) {
      checkCount(validationRecordCount, limits.minValidationRecords, MAX_VALIDATION, 'validation', validation.join(', '));
    }
    const features: DataCheckResult['trainingRecords'] = [];
    for (const r of trainingRecords) features.push({ caption: r.caption, features: await checkImage(store, r, training) });
    for (const set of validationSets) for (const r of set.records) await checkImage(store, r, set.uri);
    return { failureMessage: undefined, trainingRecords: features, validationRecordCount };
  } catch (err) {
    if (err instanceof DataError) return { failureMessage: err.message, trainingRecords: [], validationRecordCount: 0 };
    throw err;
  }
}
