// "Validate images": the deep check of every image a manifest references, with progress and cancel; findings join
// the manifest's diagnostics and follow their lines through later edits.
import * as vscode from 'vscode';
import { deepCheck, type DeepTarget } from '../../core/manifest';
import type { Config } from '../shell/config';
import type { Log } from '../shell/log';
import type { ImageSources } from './imageSources';
import type { ManifestDocuments } from './manifestDocuments';

export interface ValidateImagesResult { images: number; problems: number; cancelled: boolean; fromCache: number }

export async function validateImages(
  docs: ManifestDocuments, sources: ImageSources, config: Config, log: Log, uri?: vscode.Uri,
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
  const summary = `${result.cancelled ? 'Cancelled after' : 'Checked'} ${result.checked.toLocaleString('en-US')} of ${result.images.toLocaleString('en-US')} images: ${problems === 0 ? 'no problems' : `${problems} problems (see Problems)`}${result.fromCache > 0 ? `; ${result.fromCache} unchanged since the last check` : ''}.`;
  log.info(`Validate images ${doc.uri.fsPath}: ${summary}`);
  void vscode.window.showInformationMessage(summary);
  return { images: result.images, problems, cancelled: result.cancelled, fromCache: result.fromCache };
}
