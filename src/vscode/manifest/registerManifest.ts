// The manifest feature: diagnostics as you type, quick fixes, hover, CodeLens, "Validate images" and the dataset
// tools. Nothing here loads the AWS SDK or compiles the schema at activation; both happen on first use.
import * as vscode from 'vscode';
import type { Services } from '../shell/services';
import { ManifestCodeActions } from './codeActions';
import { LAUNCH_FINE_TUNING, launchFineTuning, ManifestCodeLens, VALIDATE_IMAGES } from './codeLens';
import { registerDatasetTools } from './datasetTools';
import { ManifestHover } from './hover';
import { ImageSources } from './imageSources';
import { ManifestDocuments } from './manifestDocuments';
import { validateFile, VALIDATE_FILE } from './validateFile';
import { validateImages } from './validateImages';

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/*.jsonl' }, { scheme: 'untitled', language: 'jsonl' }, { language: 'jsonl' }];

export function registerManifest({ config, log, aws, context, input }: Services): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('bedrock-mm-manifest');
  const docs = new ManifestDocuments(collection, config, log);
  const sources = new ImageSources(config, aws);
  return [
    collection,
    docs,
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ManifestCodeActions(docs), { providedCodeActionKinds: ManifestCodeActions.kinds }),
    vscode.languages.registerHoverProvider(SELECTOR, new ManifestHover(docs, sources)),
    vscode.languages.registerCodeLensProvider(SELECTOR, new ManifestCodeLens(docs)),
    vscode.commands.registerCommand(VALIDATE_IMAGES, (uri?: vscode.Uri) => validateImages(docs, sources, config, log, uri)),
    vscode.commands.registerCommand(VALIDATE_FILE, (uri?: vscode.Uri) => validateFile(docs, config, log, context.extensionPath, uri)),
    vscode.commands.registerCommand(LAUNCH_FINE_TUNING, (uri?: vscode.Uri) => launchFineTuning(uri)),
    ...registerDatasetTools(config, log, sources, input),
  ];
}
