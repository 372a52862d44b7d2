// The manifest feature: diagnostics as you type, quick fixes, hover, CodeLens, "Validate images" and "Validate
// file" (the dataset tools are their own entry in features.ts). Nothing here loads the AWS SDK or compiles the
// schema at activation; both happen on first use.
import * as vscode from 'vscode';
import type { Commands } from '../commands/registry';
import type { Services } from '../shell/services';
import { ManifestCodeActions } from './codeActions';
import { launchFineTuning, ManifestCodeLens } from './codeLens';
import { ManifestHover } from './hover';
import { ImageSources } from './imageSources';
import { ManifestDocuments } from './manifestDocuments';
import { imageHashCacheDir } from './sharedImages';
import { validateFile } from './validateFile';
import { validateImages } from './validateImages';

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/*.jsonl' }, { scheme: 'untitled', language: 'jsonl' }, { language: 'jsonl' }];

export interface ManifestFeature {
  readonly disposables: vscode.Disposable[];
  readonly commands: Commands<'validateImages' | 'validateFile' | 'launchFineTuning'>;
  /** Reads and uploads images (local or S3); the dataset tools share it. */
  readonly sources: ImageSources;
}

export function registerManifest({ config, log, aws, context, input }: Services): ManifestFeature {
  const collection = vscode.languages.createDiagnosticCollection('bedrock-mm-manifest');
  const docs = new ManifestDocuments(collection, config, log);
  const sources = new ImageSources(config, aws);
  const shared = { aws, driver: () => input.driver(), hashCacheDir: imageHashCacheDir(context.globalStorageUri) };
  return {
    sources,
    disposables: [
      collection,
      docs,
      vscode.languages.registerCodeActionsProvider(SELECTOR, new ManifestCodeActions(docs), { providedCodeActionKinds: ManifestCodeActions.kinds }),
      vscode.languages.registerHoverProvider(SELECTOR, new ManifestHover(docs, sources)),
      vscode.languages.registerCodeLensProvider(SELECTOR, new ManifestCodeLens(docs)),
    ],
    commands: {
      validateImages: (uri?: vscode.Uri) => validateImages(docs, sources, config, log, shared, uri),
      validateFile: (uri?: vscode.Uri) => validateFile(docs, config, log, context.extensionPath, uri),
      launchFineTuning: (uri?: vscode.Uri) => launchFineTuning(uri),
    },
  };
}
