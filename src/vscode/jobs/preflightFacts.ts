// The editor's pre-flight reader: manifests from the workspace when they will be uploaded, else from S3, over the
// explorer's source. The gathering and the rules are core's (src/core/lifecycle/preflightGather.ts), shared with
// `bedrock-mm launch`.
import * as vscode from 'vscode';
import { gatherPreflight } from '../../core/lifecycle/preflightGather';
import type { PreflightResult } from '../../core/lifecycle/preflight';
import type { JobSpec } from '../../core/lifecycle/jobSpec';
import type { ExplorerSource } from '../explorer/source';
import type { Upload } from './launchWizard';

export function preflight(
  source: ExplorerSource, spec: JobSpec, uploads: readonly Upload[],
): Promise<{ result: PreflightResult; trainingRecords: number | undefined }> {
  return gatherPreflight({
    region: source.region,
    async readManifest(s3Uri) {
      const local = uploads.find((u) => u.s3Uri === s3Uri);
      if (!local) return { data: await source.getS3Text(s3Uri), shownAs: s3Uri };
      const path = vscode.Uri.parse(local.localUri);
      return { data: await vscode.workspace.fs.readFile(path), shownAs: `${path.fsPath} (to be uploaded to ${s3Uri})` };
    },
    s3ObjectExists: (uri) => source.s3ObjectExists(uri),
    probeWritable: (uri) => source.probeWritable(uri),
    describeError: (err, context) => source.describeError(err, context),
  }, spec);
}
