// Validate Images over a training manifest and its validation manifest: the images they share, exact or near (the
// comparison's leakage rule, core/manifest/sharedImages.ts, in the CLI's words), as warnings at both lines, each
// linking the other. Hashes are kept by ETag (or a local file's sha256) in the extension's global storage
// (`image-hashes/`, the comparison's cache format), so a rerun asks S3 only for each object's ETag and reads none.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { decodeManifest, type ManifestRole } from '../../core/manifest';
import { imageRefsAt, placeImages, sharedImageWarnings, type ManifestImages } from '../../core/manifest/sharedImages';
import type { AwsContext } from '../session/awsContext';
import { loadAws } from '../shell/awsLoader';
import type { Config } from '../shell/config';
import type { ManifestDocuments } from './manifestDocuments';

export interface SharedImagesResult { with: string; shared: number }

export function imageHashCacheDir(globalStorageUri: vscode.Uri): string {
  return vscode.Uri.joinPath(globalStorageUri, 'image-hashes').fsPath;
}

async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : decodeManifest(await vscode.workspace.fs.readFile(uri)).text;
}

/** Checks the pair, publishes the warnings on both documents (opening the other one, unshown) and says how many. */
export async function checkSharedImages(
  docs: ManifestDocuments, aws: AwsContext, config: Config, cacheDir: string,
  one: { uri: vscode.Uri; role: ManifestRole }, other: { uri: vscode.Uri; role: ManifestRole },
): Promise<SharedImagesResult> {
  const session = await aws.session();
  const concurrency = config.get('manifest.deepCheckConcurrency');
  const side = async (uri: vscode.Uri): Promise<ManifestImages> => {
    const refs = imageRefsAt(await textOf(uri));
    const ids = await loadAws().readImageIdentities(() => session.s3, path.dirname(uri.fsPath), [...new Set(refs.map((r) => r.ref))], concurrency, cacheDir);
    return { path: vscode.workspace.asRelativePath(uri), file: uri.fsPath, images: placeImages(refs, ids) };
  };
  const [validation, training] = one.role === 'validation' ? [one.uri, other.uri] : [other.uri, one.uri];
  const warnings = sharedImageWarnings(await side(validation), await side(training), config.get('compare.nearDuplicateDistance'));
  // The other manifest gets a model (and so its live diagnostics) like any manifest the user opens.
  await vscode.workspace.openTextDocument(other.uri);
  docs.setSharedResults(validation, training, warnings.validation);
  docs.setSharedResults(training, validation, warnings.training);
  return { with: vscode.workspace.asRelativePath(other.uri), shared: warnings.validation.length };
}
