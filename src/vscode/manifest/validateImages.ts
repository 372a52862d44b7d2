// "Validate images": the deep check of every image a manifest references, with progress and cancel; findings join
// the manifest's diagnostics and follow their lines through later edits. For a training or validation manifest, the
// images it shares with its counterpart (counterpart.ts) are warnings at both lines (sharedImages.ts).
import * as vscode from 'vscode';
import type { InputDriver } from '../../core/lifecycle/steps';
import { deepCheck, type DeepTarget } from '../../core/manifest';
import type { AwsContext } from '../session/awsContext';
import type { Config } from '../shell/config';
import type { Log } from '../shell/log';
import { findCounterpart } from './counterpart';
import type { ImageSources } from './imageSources';
import type { ManifestDocuments } from './manifestDocuments';
import { checkSharedImages, type SharedImagesResult } from './sharedImages';

export interface ValidateImagesResult {
  images: number; problems: number; cancelled: boolean; fromCache: number;
  /** The images shared with the counterpart manifest, when there is one. */
  shared?: SharedImagesResult;
}

export interface SharedImagesDeps { aws: AwsContext; driver: () => InputDriver; hashCacheDir: string }

export async function validateImages(
  docs: ManifestDocuments, sources: ImageSources, config: Config, log: Log, deps: SharedImagesDeps, uri?: vscode.Uri,
): Promise<ValidateImagesResult | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showWarningMessage('Open a manifest (.jsonl) first, then run "Validate Images in Manifest".');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  const model = docs.model(doc.uri);
  if (!model) {
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(doc.uri)} is not validated as a manifest (see the setting bedrockCustomizer.manifest.include).`);
    return undefined;
  }
  const targets: DeepTarget[] = [];
  for (let line = 0; line < model.lineCount; line++) {
    const ref = model.imageRefAt(line);
    if (ref) targets.push({ ref, line });
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Validating images', cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await deepCheck(targets, sources.forDocument(doc), {
          limits: sources.limits(),
          concurrency: config.get('manifest.deepCheckConcurrency'),
          cache: sources.cache,
          signal: abort.signal,
          onProgress: (done, total) => {
            const pct = (done / total) * 100;
            if (pct - reported >= 1 || done === total) {
              progress.report({ increment: pct - reported, message: `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}` });
              reported = pct;
            }
          },
        });
      } finally {
        sub.dispose();
      }
    },
  );
  docs.setDeepResults(doc.uri, result.byRef);
  const problems = [...result.byRef.values()].reduce((n, p) => n + p.length, 0);
  const role = docs.role(doc);
  const counterpart = result.cancelled ? undefined : await findCounterpart(doc.uri, role, (u) => docs.roleOfFile(u), deps.driver);
  let shared: SharedImagesResult | undefined;
  let sharedText = '';
  if (!counterpart) docs.clearSharedResults(doc.uri);
  else if (role) {
    try {
      shared = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Looking for images shared with ${vscode.workspace.asRelativePath(counterpart.uri)}` },
        () => checkSharedImages(docs, deps.aws, config, deps.hashCacheDir, { uri: doc.uri, role }, counterpart),
      );
      sharedText = `; ${shared.shared === 0 ? 'no image' : `${shared.shared} image(s)`} shared with ${shared.with}${shared.shared > 0 ? ' (warnings at both lines)' : ''}`;
    } catch (err) {
      // The deep check's findings stand; the comparison with the other manifest says why it could not be made.
      sharedText = `; could not compare with ${vscode.workspace.asRelativePath(counterpart.uri)}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const summary = `${result.cancelled ? 'Cancelled after' : 'Checked'} ${result.checked.toLocaleString('en-US')} of ${result.images.toLocaleString('en-US')} images: ${problems === 0 ? 'no problems' : `${problems} problems (see Problems)`}${result.fromCache > 0 ? `; ${result.fromCache} unchanged since the last check` : ''}${sharedText}.`;
  log.info(`Validate images ${doc.uri.fsPath}: ${summary}`);
  void vscode.window.showInformationMessage(summary);
  return { images: result.images, problems, cancelled: result.cancelled, fromCache: result.fromCache, ...(shared ? { shared } : {}) };
}
