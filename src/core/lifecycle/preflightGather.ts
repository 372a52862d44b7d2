// Gathers the facts the pre-flight rules judge, for the editor and `bedrock-mm launch` alike: each manifest read
// (from the workspace when it will be uploaded, else from S3) and run through the one manifest validator, a sample
// of its images checked in S3, the region, and a write probe on the output location. The reads go through a
// `PreflightReader`, so this stays free of the editor and of the SDK.
import { offersTmmeCustomization, TMME_CUSTOMIZATION_REGIONS } from '../awsRules/regions';
import { validateManifest } from '../manifest/validate';
import type { JobSpec } from './jobSpec';
import { runPreflight, type ManifestFacts, type PreflightResult } from './preflight';

export interface PreflightReader {
  readonly region: string;
  /** The manifest's content, and how to name it in a finding (the S3 URI, or the local file to be uploaded there). */
  readManifest(s3Uri: string): Promise<{ data: string | Uint8Array; shownAs: string }>;
  s3ObjectExists(uri: string): Promise<boolean>;
  probeWritable(uri: string): Promise<{ writable: boolean; reason?: string }>;
  /** An actionable message for a read failure (names the IAM action). */
  describeError(err: unknown, context: string): string;
}

/** How many image-refs of each manifest are checked for existence (spread over the file) before a launch. */
const IMAGE_SAMPLE = 20;

/** Up to `n` distinct s3:// image-refs spread evenly over the manifest's lines. */
export function sampleImageRefs(text: string, n: number): string[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const step = Math.max(1, Math.floor(lines.length / n));
  const refs = new Set<string>();
  for (let i = 0; i < lines.length && refs.size < n; i += step) {
    try {
      const ref = (JSON.parse(lines[i] ?? '') as Record<string, unknown>)['image-ref'];
      if (typeof ref === 'string' && ref.startsWith('s3://')) refs.add(ref);
    } catch { /* a syntax error is already a validator finding */ }
  }
  return [...refs];
}

async function imageFacts(reader: PreflightReader, text: string): Promise<{ checked: number; missing: string[] }> {
  const refs = sampleImageRefs(text, IMAGE_SAMPLE);
  const exists = await Promise.all(refs.map((r) => reader.s3ObjectExists(r)));
  return { checked: refs.length, missing: refs.filter((_, i) => !exists[i]) };
}

async function manifestFacts(reader: PreflightReader, s3Uri: string): Promise<ManifestFacts> {
  let read: { data: string | Uint8Array; shownAs: string };
  try {
    read = await reader.readManifest(s3Uri);
  } catch (err) {
    return { uri: s3Uri, errors: 0, warnings: 0, readError: reader.describeError(err, `reading ${s3Uri}`) };
  }
  const { data } = read;
  // No role: the record-count rule is the pre-flight's own (one finding, not two).
  const report = validateManifest(data, { maxDiagnostics: 3 });
  const images = report.errors === 0 ? await imageFacts(reader, typeof data === 'string' ? data : new TextDecoder().decode(data)) : undefined;
  return {
    ...(images ? { images } : {}),
    uri: read.shownAs,
    records: report.records, errors: report.errors, warnings: report.warnings,
    samples: report.diagnostics.filter((d) => d.severity === 'error').map((d) => `line ${d.line + 1}: ${d.message}`),
  };
}

export async function gatherPreflight(reader: PreflightReader, spec: JobSpec): Promise<{ result: PreflightResult; trainingRecords: number | undefined }> {
  const [training, validation, output] = await Promise.all([
    manifestFacts(reader, spec.trainingData),
    spec.validationData !== undefined ? manifestFacts(reader, spec.validationData) : Promise.resolve(undefined),
    reader.probeWritable(spec.outputData),
  ]);
  const result = runPreflight({
    region: { name: reader.region, offered: offersTmmeCustomization(reader.region), offeredIn: TMME_CUSTOMIZATION_REGIONS },
    training, ...(validation ? { validation } : {}), output: { uri: spec.outputData, ...output },
  });
  return { result, trainingRecords: training.records };
}
