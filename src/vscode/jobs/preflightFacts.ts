// Gathers the facts the pre-flight rules judge: each manifest read (from the workspace when it will be uploaded,
// else from S3) and run through the one manifest validator; the region; a write probe on the output location.
import * as vscode from 'vscode';
import { offersTmmeCustomization, TMME_CUSTOMIZATION_REGIONS } from '../../core/awsRules/regions';
import { validateManifest } from '../../core/manifest/validate';
import { runPreflight, type ManifestFacts, type PreflightResult } from '../../core/lifecycle/preflight';
import type { JobSpec } from '../../core/lifecycle/jobSpec';
import type { ExplorerSource } from '../explorer/source';
import type { Upload } from './launchWizard';

/** How many image-refs of each manifest are checked for existence (spread over the file) before a launch. */
const IMAGE_SAMPLE = 20;

/** Up to `n` distinct s3:// image-refs spread evenly over the manifest's lines. */
function sampleImageRefs(text: string, n: number): string[] {
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

async function imageFacts(source: ExplorerSource, text: string): Promise<{ checked: number; missing: string[] }> {
  const refs = sampleImageRefs(text, IMAGE_SAMPLE);
  const exists = await Promise.all(refs.map((r) => source.s3ObjectExists(r)));
  return { checked: refs.length, missing: refs.filter((_, i) => !exists[i]) };
}

async function manifestFacts(source: ExplorerSource, s3Uri: string, uploads: readonly Upload[]): Promise<ManifestFacts> {
  const local = uploads.find((u) => u.s3Uri === s3Uri);
  let text: string | Uint8Array;
  try {
    text = local ? await vscode.workspace.fs.readFile(vscode.Uri.parse(local.localUri)) : await source.getS3Text(s3Uri);
  } catch (err) {
    return { uri: s3Uri, errors: 0, warnings: 0, readError: source.describeError(err, `reading ${s3Uri}`) };
  }
  // No role: the record-count rule is the pre-flight's own (one finding, not two).
  const report = validateManifest(text, { maxDiagnostics: 3 });
  const images = report.errors === 0 ? await imageFacts(source, typeof text === 'string' ? text : new TextDecoder().decode(text)) : undefined;
  return {
    ...(images ? { images } : {}),
    uri: local ? `${vscode.Uri.parse(local.localUri).fsPath} (to be uploaded to ${s3Uri})` : s3Uri,
    records: report.records, errors: report.errors, warnings: report.warnings,
    samples: report.diagnostics.filter((d) => d.severity === 'error').map((d) => `line ${d.line + 1}: ${d.message}`),
  };
}

export async function preflight(
  source: ExplorerSource, spec: JobSpec, uploads: readonly Upload[],
): Promise<{ result: PreflightResult; trainingRecords: number | undefined }> {
  const [training, validation, output] = await Promise.all([
    manifestFacts(source, spec.trainingData, uploads),
    spec.validationData !== undefined ? manifestFacts(source, spec.validationData, uploads) : Promise.resolve(undefined),
    source.probeWritable(spec.outputData),
  ]);
  const result = runPreflight({
    region: { name: source.region, offered: offersTmmeCustomization(source.region), offeredIn: TMME_CUSTOMIZATION_REGIONS },
    training, ...(validation ? { validation } : {}), output: { uri: spec.outputData, ...output },
  });
  return { result, trainingRecords: training.records };
}
