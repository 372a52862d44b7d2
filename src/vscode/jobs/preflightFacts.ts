// Gathers the facts the pre-flight rules judge: each manifest read (from the workspace when it will be uploaded,
// else from S3) and run through the one manifest validator; the region; a write probe on the output location.
import * as vscode from 'vscode';
import { offersTmmeCustomization, TMME_CUSTOMIZATION_REGIONS } from '../../core/aws/regions';
import { validateManifest } from '../../core/manifest/validate';
import { runPreflight, type ManifestFacts, type PreflightResult } from '../../core/lifecycle/preflight';
import type { JobSpec } from '../../core/lifecycle/jobSpec';
import type { ExplorerSource } from '../explorer/source';
import type { Upload } from './launchWizard';

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
  return {
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
