// Every command id of the extension, in one place (rust-analyzer's editors/code/src/commands.ts is the model).
// Code refers to commands through COMMANDS, never through a literal; features.ts registers a handler for each
// (the CommandTable type makes a missing one a compile error), and test/unit/foundation/commands.test.ts checks
// this list against package.json. No `vscode` import: unit tests read it.

export const COMMANDS = {
  showLog: 'bedrockCustomizer.showLog',
  selectProfile: 'bedrockCustomizer.selectProfile',
  selectRegion: 'bedrockCustomizer.selectRegion',
  // The explorer's items
  explorerRefresh: 'bedrockCustomizer.explorer.refresh',
  explorerLoadMore: 'bedrockCustomizer.explorer.loadMore',
  explorerRetry: 'bedrockCustomizer.explorer.retry',
  copyArn: 'bedrockCustomizer.copyArn',
  openInConsole: 'bedrockCustomizer.openInConsole',
  openJobOutput: 'bedrockCustomizer.openJobOutput',
  showJobDetails: 'bedrockCustomizer.showJobDetails',
  // The lifecycle: launch, provision, stop (customization and batch inference jobs), delete
  launchJob: 'bedrockCustomizer.launchJob',
  provisionThroughput: 'bedrockCustomizer.provisionThroughput',
  stopJob: 'bedrockCustomizer.stopJob',
  stopBatchJob: 'bedrockCustomizer.stopBatchJob',
  deleteModel: 'bedrockCustomizer.deleteModel',
  deleteThroughput: 'bedrockCustomizer.deleteThroughput',
  // Manifests and the dataset tools
  validateImages: 'bedrockCustomizer.manifest.validateImages',
  validateFile: 'bedrockCustomizer.manifest.validateFile',
  launchFineTuning: 'bedrockCustomizer.manifest.launchFineTuning',
  createFromFolder: 'bedrockCustomizer.manifest.createFromFolder',
  splitManifest: 'bedrockCustomizer.manifest.split',
  // Comparison
  compareModels: 'bedrockCustomizer.compareModels',
  openReport: 'bedrockCustomizer.openReport',
  cleanup: 'bedrockCustomizer.cleanup',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];

/** Registered in Test mode only (never for a user), so never contributed. None today: tests use ExtensionApi.testing. */
export const TEST_ONLY_COMMANDS = [] as const satisfies readonly CommandName[];
export type TestOnlyCommand = (typeof TEST_ONLY_COMMANDS)[number];

/**
 * Commands registered but deliberately not in package.json's `contributes.commands`, each with the reason.
 * Everything else in COMMANDS must be contributed.
 */
export const HIDDEN_COMMANDS: Readonly<Record<TestOnlyCommand, string>> = {};
