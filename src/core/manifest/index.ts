// The manifest validator's public surface for the CLI and the editor.
export * from './types';
export { validateManifest, forEachLine, type ManifestReport, type ManifestPart, type BatchOptions } from './validate';
export { checkLine, estimateTokens, localPathToS3, type LineSummary, type LineContext } from './lineRules';
export { roleFromFileName } from './role';
export { decodeManifest } from './decode';
export { scanJsonLine } from './jsonScan';
export { parseS3Uri, s3UriProblem, bucketNameProblem } from '../awsRules/s3Rules';
export { suggestKey } from './keys';
export { IncrementalManifest, splitLines } from './incremental';
export { imageRefRange } from './fileRules';
export { deepCheck, checkImage, imageTargets, placeDeepProblems, ImageCheckCache, type DeepProblem, type DeepResult, type DeepTarget } from './deep';
export { validateManifestFile, validateManifestRange, finishManifestParts, splitAtLines, type ByteRange } from './file';
export { validateFileOnThreads, runPartJob, threadCount, type ThreadedRun } from './threads';
export { seekableInput, spoolStream, type SpooledInput } from './spool';
